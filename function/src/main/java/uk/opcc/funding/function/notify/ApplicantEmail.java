package uk.opcc.funding.function.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.FormField;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.function.intake.Application;

/**
 * The confirmation an applicant receives at the address they gave: their reference, what they
 * applied for, when the panel will consider it and when they will hear, how to reach the OPCC,
 * and a copy of their answers. Replies go to the fund's staff mailbox.
 */
public final class ApplicantEmail {
    private ApplicantEmail() {
    }

    public static Email compose(Application application, Catalogue catalogue, Publisher publisher, String staffMailbox) {
        FormDefinition form = catalogue.form(application.formId()).orElseThrow();
        Fund fund = catalogue.fund(application.fundId()).orElseThrow();
        Call call = application.callId() == null ? null : catalogue.call(application.callId()).orElse(null);
        String to = application.applicantEmail().orElseThrow(() -> new IllegalStateException("no address to send to"));
        String subject = "We have your application to the " + fund.name() + ": reference " + application.reference();

        EmailBody body = new EmailBody();
        Answers.named(application, form, "contactName").ifPresent(name -> body.paragraph("Dear " + name + ","));
        body.paragraph("Thank you for applying to the " + fund.name() + ". We received your application on "
                        + Answers.moment(application.receivedAt().atZone(Catalogue.UK)) + " (UK time).")
                .strong("Your reference is " + application.reference() + ". Please quote it whenever you contact us about this application.");

        body.heading("What you applied for");
        Answers.named(application, form, "projectTitle").ifPresent(title -> body.row("Project", title));
        Answers.named(application, form, "organisationName").ifPresent(organisation -> body.row("Organisation", organisation));
        Answers.amount(application, form).ifPresent(amount -> body.row("Amount", amount));
        if (call != null) {
            body.row("Call for bids", call.title());
        }

        body.heading("What happens next");
        for (String paragraph : whatHappensNext(fund, call, catalogue.round(fund.id(), application.panelRound()))) {
            body.paragraph(paragraph);
        }

        body.heading("Contact us");
        List<String> contact = new ArrayList<>();
        contact.add(publisher.name());
        contact.add("Telephone: " + publisher.phone());
        contact.add("Email: " + publisher.email());
        contact.addAll(publisher.address());
        body.lines(contact)
                .paragraph("You can also reply to this email. If you did not send this application, please tell us.");

        body.heading("A copy of your answers");
        for (FormField field : form.fields()) {
            body.row(field.label(), Answers.of(application, field));
        }
        return new Email(to, staffMailbox, subject, body.text(), body.html());
    }

    static List<String> whatHappensNext(Fund fund, Call call, Optional<PanelRound> round) {
        if (round.isEmpty()) {
            return List.of("The " + fund.name() + "'s decision panel has not set the date of its next meeting yet. "
                    + "We will write to tell you when it will consider your application.",
                    "We may contact you before then if we have questions about your application.");
        }
        PanelRound r = round.get();
        String when = call != null && r.id().equals(call.id())
                ? "with the other bids to the call for bids after it closes on " + Answers.moment(r.deadline())
                : "in its " + r.id() + " round, with the applications received by " + Answers.moment(r.deadline()) + Answers.provisional(r);
        return List.of("The " + fund.name() + "'s decision panel will consider your application " + when + ".",
                "You will hear whether you have been successful by " + Answers.day(r.decisionsBy()) + Answers.provisional(r) + ".",
                "We may contact you before then if we have questions about your application.");
    }
}
