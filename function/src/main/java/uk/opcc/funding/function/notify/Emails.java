package uk.opcc.funding.function.notify;

import java.util.List;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.function.config.Config;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.storage.ApplicationStore;

/** Writes each of an application's emails: the staff one, the applicant's confirmation. */
public final class Emails {
    private final Catalogue catalogue;
    private final Publisher publisher;
    private final Config config;
    private final ApplicationStore store;

    public Emails(Catalogue catalogue, Publisher publisher, Config config, ApplicationStore store) {
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.config = config;
        this.store = store;
    }

    /** @throws uk.opcc.funding.function.storage.StorageUnavailableException when the round cannot be read for duplicates */
    public Email compose(Application application, Recipient recipient) {
        String mailbox = config.mailboxFor(application.fundId());
        return switch (recipient) {
            case STAFF -> StaffEmail.compose(application, catalogue, mailbox, earlierFromTheSameOrganisation(application));
            case APPLICANT -> ApplicantEmail.compose(application, catalogue, publisher, mailbox);
        };
    }

    /** One query on the round index (never a scan): the round's applications, then the rule. */
    private List<Application> earlierFromTheSameOrganisation(Application application) {
        return Duplicates.earlier(application, store.applicationsInRound(application.fundId(), application.panelRound()));
    }
}
