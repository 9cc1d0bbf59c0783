package uk.opcc.funding.function.endorse;

import java.util.Optional;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Endorsement;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.mail.EmailBody;

/**
 * The endorsement's emails. To an endorser and to the applicant they carry only our own wording,
 * the reference, the fund's name and dates: an email from the office's domain to a police address
 * must not carry a stranger's words or links, so not even the organisation's name (the endorser's
 * page shows what they are asked to support). Staff's notes, to the fund's own mailbox, carry the
 * endorser's name and statement, escaped like every answer.
 */
public final class EndorsementEmails {
    private final Catalogue catalogue;
    private final Publisher publisher;
    private final String siteAddress;

    /** @param siteAddress the public site's address ({@code https://...}, no trailing slash), which every link starts with */
    public EndorsementEmails(Catalogue catalogue, Publisher publisher, String siteAddress) {
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.siteAddress = siteAddress;
    }

    /** The address of the endorser's page for a link. */
    public String page(EndorsementLink link) {
        return siteAddress + "/api/endorsements?link=" + link.value();
    }

    /** Where the email goes: the endorser's address for a request or reminder, the applicant's, or the fund's mailbox. */
    public static Optional<String> to(EndorsementState state, EmailJob job, Catalogue catalogue, String staffMailbox) {
        Application application = state.application();
        FormDefinition form = catalogue.form(application.formId()).orElseThrow();
        return switch (job.kind()) {
            case REQUEST, REMINDER -> application.answer(endorsement(catalogue, application).step(job.stepId()).orElseThrow().emailField());
            case APPLICANT -> application.applicantEmail(form);
            case STAFF -> Optional.of(staffMailbox);
        };
    }

    public Email compose(EndorsementState state, EmailJob job, Optional<EndorsementLink> link, String to, String staffMailbox) {
        Application application = state.application();
        Fund fund = catalogue.fund(application.fundId()).orElseThrow();
        Endorsement endorsement = endorsement(catalogue, application);
        return switch (job.kind()) {
            case REQUEST, REMINDER -> request(application, fund, endorsement.step(job.stepId()).orElseThrow(),
                    state.step(job.stepId()).orElseThrow(), link.orElseThrow(), job.kind() == EmailJob.Kind.REMINDER, to, staffMailbox);
            case STAFF -> staff(state, fund, endorsement.step(job.stepId()).orElseThrow(), to);
            case APPLICANT -> applicant(state, fund, endorsement, to, staffMailbox);
        };
    }

    private Email request(Application application, Fund fund, Endorsement.Step step, EndorsementState.Step stored, EndorsementLink link,
            boolean reminder, String to, String staffMailbox) {
        String subject = (reminder ? "Reminder: " : "") + "Please confirm your support for application " + application.reference()
                + " to the " + fund.name();
        EmailBody body = new EmailBody()
                .paragraph("An application to the " + publisher.shortName() + " " + fund.name() + " (reference " + application.reference()
                        + ") names you as " + step.who() + ". Before the panel considers it, we ask you to confirm whether you support it.")
                .paragraph("Open this page to see what you are asked to support, and to tell us yes or no:")
                .paragraph(page(link))
                .paragraph("The page works until " + Wording.moment(stored.linkExpires().atZone(Catalogue.UK)) + " (UK time). "
                        + "You do not need an account. Please do not forward this email: anyone with the page's address can answer for you.")
                .paragraph("If you do not know about this application, you can ignore this email, or tell us by replying to it.");
        body.contact(publisher);
        return new Email(to, staffMailbox, subject, body.text(), body.html());
    }

    private Email staff(EndorsementState state, Fund fund, Endorsement.Step step, String mailbox) {
        Application application = state.application();
        EndorsementState.Step stored = state.step(step.id()).orElseThrow();
        String outcome = switch (stored.status()) {
            case SUPPORTED -> "supported";
            case DECLINED -> "did not support";
            case EXPIRED -> "did not answer (the link expired) for";
            default -> "has not answered yet for";
        };
        String subject = step.title() + " " + outcome + " application " + application.reference();
        EmailBody body = new EmailBody()
                .paragraph(step.title() + " " + outcome + " application " + application.reference() + " to the " + fund.name() + ".")
                .row("Endorser", application.answer(step.nameField()).orElse("(not given)"))
                .row("Their address", application.answer(step.emailField()).orElse("(not given)"));
        stored.answeredAt().ifPresent(at -> body.row("Answered", Wording.moment(at.atZone(Catalogue.UK))));
        stored.statement().ifPresent(statement -> body.row(stored.status() == EndorsementState.Status.SUPPORTED ? step.statementLabel()
                : "Their reason", statement));
        endorsement(catalogue, application).after(step.id()).filter(n -> stored.status() == EndorsementState.Status.SUPPORTED)
                .ifPresent(next -> body.paragraph("We have now asked " + next.who() + " ("
                        + application.answer(next.nameField()).orElse("not named") + ")."));
        return new Email(mailbox, null, subject, body.text(), body.html());
    }

    private Email applicant(EndorsementState state, Fund fund, Endorsement endorsement, String to, String staffMailbox) {
        Application application = state.application();
        boolean supported = endorsement.steps().stream().allMatch(s -> state.step(s.id()).map(st -> st.status() == EndorsementState.Status.SUPPORTED)
                .orElse(false));
        String subject = (supported ? "Your application has the support it needs: reference " : "Your application was not supported: reference ")
                + application.reference();
        EmailBody body = new EmailBody();
        if (supported) {
            body.paragraph("Everyone we asked has confirmed their support for your application to the " + fund.name() + " (reference "
                    + application.reference() + "). The panel will see their statements with your application.");
        } else {
            String who = endorsement.steps().stream().filter(s -> state.step(s.id()).map(st -> !st.status().open()
                    && st.status() != EndorsementState.Status.SUPPORTED).orElse(false)).map(Endorsement.Step::who).findFirst().orElse("an endorser");
            body.paragraph("We asked " + who + " to confirm their support for your application to the " + fund.name() + " (reference "
                    + application.reference() + "), and they did not give it.")
                    .paragraph("The panel will see this with your application. If you think this is a mistake, contact us and quote your reference.");
        }
        body.contact(publisher);
        return new Email(to, staffMailbox, subject, body.text(), body.html());
    }

    static Endorsement endorsement(Catalogue catalogue, Application application) {
        return catalogue.fund(application.fundId()).flatMap(Fund::endorsement).orElseThrow(
                () -> new IllegalStateException("Fund " + application.fundId() + " has no endorsement"));
    }

}
