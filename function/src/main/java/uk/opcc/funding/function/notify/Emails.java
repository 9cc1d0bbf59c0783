package uk.opcc.funding.function.notify;

import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.mail.Email;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.function.config.MailConfig;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.SameOrganisation;
import uk.opcc.funding.function.intake.Sha256;
import uk.opcc.funding.function.notify.EmailRecords.CapDecision;

/**
 * Writes each of an application's emails (the staff one, the applicant's confirmation) and decides
 * whether the applicant's may go: an address typed into a form gets at most the publisher's
 * {@code emailsToOneAddressADay} emails a day, so the form cannot be used to flood anyone.
 */
public final class Emails {
    private final Catalogue catalogue;
    private final Publisher publisher;
    private final MailConfig config;
    private final EmailRecords store;
    private final Clock clock;

    public Emails(Catalogue catalogue, Publisher publisher, MailConfig config, EmailRecords store, Clock clock) {
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param decided what the daily cap already decided for the application's emails, as its claim read them
     * @throws uk.opcc.funding.function.intake.StorageUnavailableException when what the staff email says cannot be read
     */
    public Email compose(Application application, Recipient recipient, Map<Recipient, CapDecision> decided) {
        String mailbox = config.mailboxFor(application.fundId());
        return switch (recipient) {
            case STAFF -> StaffEmail.compose(application, catalogue, mailbox, earlierFromTheSameOrganisation(application),
                    application.applicantEmail(formOf(application)).isPresent() && !mayBeSent(application, Recipient.APPLICANT, decided)
                            ? publisher.emailsToOneAddressADay() : 0);
            case APPLICANT -> ApplicantEmail.compose(application, catalogue, publisher, mailbox);
        };
    }

    /**
     * Whether this email may go: always to staff; to the applicant's address only while that address
     * has had fewer than the day's most. Asked again for the same application, the first answer
     * stands, so the staff email (which asks first, to tell staff) and the applicant's agree.
     *
     * @param decided what the cap already decided, as the claim read it: counted only where it has not
     * @throws uk.opcc.funding.function.intake.StorageUnavailableException when the count cannot be kept
     */
    public boolean mayBeSent(Application application, Recipient recipient, Map<Recipient, CapDecision> decided) {
        if (recipient == Recipient.STAFF || application.applicantEmail(formOf(application)).isEmpty()) {
            return true;
        }
        if (decided.containsKey(recipient)) {
            return decided.get(recipient) == CapDecision.WITHIN_CAP;
        }
        String address = application.applicantEmail(formOf(application)).get().strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        return store.countEmailToAddress(application.reference(), recipient, Sha256.hex(address), now.atZone(Catalogue.UK).toLocalDate(),
                publisher.emailsToOneAddressADay()) == CapDecision.WITHIN_CAP;
    }

    /** A keyed read of the round's lists for its name and its address: never the whole round. */
    private SameOrganisation.Earlier earlierFromTheSameOrganisation(Application application) {
        return SameOrganisation.earlier(application.reference(),
                store.sameOrganisation(application.fundId(), application.panelRound(), SameOrganisation.keys(application, formOf(application))));
    }

    private FormDefinition formOf(Application application) {
        return catalogue.form(application.formId()).orElseThrow();
    }
}
