package uk.opcc.funding.function.notify;

import uk.opcc.funding.function.mail.EmailBody;
import uk.opcc.funding.function.mail.Email;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.function.intake.Application;

/**
 * The confirmation an applicant receives at the address they gave: their reference, the fund and
 * call, when the panel will consider it and when they will hear, and how to reach the OPCC.
 * Replies go to the fund's staff mailbox.
 *
 * <p>Nothing the applicant typed goes in it: not their name, organisation, project or answers.
 * Anyone can type any address into a form, so an email that repeated the answers would let a
 * stranger send their own words, DKIM-signed by the OPCC's domain, to whoever they chose. It
 * carries only our own wording, the reference, the fund's and call's names and the dates.
 */
public final class ApplicantEmail {
    private ApplicantEmail() {
    }

    public static Email compose(Application application, Catalogue catalogue, Publisher publisher, String staffMailbox) {
        Fund fund = catalogue.fund(application.fundId()).orElseThrow();
        Call call = application.callId() == null ? null : catalogue.call(application.callId()).orElse(null);
        String to = application.applicantEmail(catalogue.form(application.formId()).orElseThrow()).orElseThrow(() -> new IllegalStateException("no address to send to"));
        String subject = "We have your application to the " + fund.name() + ": reference " + application.reference();

        EmailBody body = new EmailBody();
        body.paragraph("Thank you for applying to the " + fund.name() + (call == null ? "" : ", in answer to our call for bids '" + call.title() + "'")
                        + ". We received your application on " + Wording.moment(application.receivedAt().atZone(Catalogue.UK)) + " (UK time).")
                .strong("Your reference is " + application.reference() + ". Please quote it whenever you contact us about this application.");

        body.heading("What happens next");
        for (String paragraph : whatHappensNext(fund, call, catalogue.round(fund.id(), application.panelRound()))) {
            body.paragraph(paragraph);
        }
        body.paragraph("We do not repeat your answers in emails. If you need a copy of them, contact us and quote your reference.");

        body.contact(publisher)
                .paragraph("You can also reply to this email. If you did not send this application, please tell us: someone may have "
                        + "given your email address by mistake.");
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
                ? "with the other bids to the call for bids after it closes on " + Wording.moment(r.deadline())
                // The applicant has met the deadline: only the decision date is theirs to wait for, so only it is marked provisional.
                : "at the " + r.name() + ", with the applications received by " + Wording.moment(r.deadline());
        return List.of("The " + fund.name() + "'s decision panel will consider your application " + when + ".",
                "You will hear whether you have been successful by " + Wording.day(r.decisionsBy()) + Answers.provisional(r) + ".",
                "We may contact you before then if we have questions about your application.");
    }
}
