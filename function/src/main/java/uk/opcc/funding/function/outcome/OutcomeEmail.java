package uk.opcc.funding.function.outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.decision.Decision;
import uk.opcc.funding.catalogue.decision.DeclineReason;
import uk.opcc.funding.catalogue.decision.Decisions;
import uk.opcc.funding.catalogue.decision.Entry;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.mail.EmailBody;

/**
 * The outcome an applicant receives: an award (its amount, conditions, how it is paid, what is
 * published) or a decline (the reason in plain words, the panel's feedback, the fund's next
 * deadline). Like every email to an address a visitor gave, it carries only our wording and the
 * decision's, which staff wrote and reviewed: nothing the applicant typed, not even their name.
 * Replies go to the fund's staff mailbox.
 */
final class OutcomeEmail {
    private OutcomeEmail() {
    }

    /** @param reasons the decline reasons' plain words, by id */
    static Email compose(Decision decision, Entry entry, Fund fund, Catalogue catalogue, Decisions reasons, Publisher publisher, String to,
            String staffMailbox, Instant now) {
        EmailBody body = new EmailBody();
        String subject;
        if (entry instanceof Entry.Award award) {
            subject = "Your application to the " + fund.name() + ", reference " + entry.reference() + ": a grant of " + Wording.money(award.amount());
            award(body, decision, award, fund);
        } else if (entry instanceof Entry.Decline decline) {
            subject = "Your application to the " + fund.name() + ", reference " + entry.reference() + ": our decision";
            decline(body, decision, decline, reasons, fund, catalogue, now);
        } else {
            throw new IllegalArgumentException(entry.reference() + " is undecided: a final decision has none");
        }
        contact(body, publisher);
        return new Email(to, staffMailbox, subject, body.text(), body.html());
    }

    private static void award(EmailBody body, Decision decision, Entry.Award award, Fund fund) {
        body.strong("We are pleased to tell you that your application to the " + fund.name() + " (reference " + award.reference()
                        + ") has been awarded a grant of " + Wording.money(award.amount()) + ".")
                .paragraph("The decision was made on " + Wording.day(decision.decided()) + " by " + lowerFirst(decision.decidedBy()) + ".");
        body.heading("The grant")
                .row("Amount", Wording.money(award.amount()))
                .row("What it is for", award.purpose())
                .row("Conditions", award.conditions().orElse("None beyond the grant agreement's terms."));
        body.heading("How the grant is paid")
                .paragraph("We will send you a grant agreement setting out the grant's terms and conditions. Please read it, sign it "
                        + "and send it back to us.")
                .paragraph(fund.payment().orElse("The grant agreement says how and when the grant is paid."));
        body.heading("What we publish")
                .paragraph("We publish every grant we make, as the law asks of us: in our grants register and decision notices on our "
                        + "website, and as open data. We publish the recipient's name, the amount, what the grant is for, its "
                        + "conditions and why we expect it to reduce crime and disorder. We never publish a person's name or contact details.");
    }

    private static void decline(EmailBody body, Decision decision, Entry.Decline decline, Decisions reasons, Fund fund, Catalogue catalogue,
            Instant now) {
        body.paragraph("Thank you for applying to the " + fund.name() + " (reference " + decline.reference() + ").")
                .strong("We are sorry to tell you that your application has not been funded.")
                .paragraph("The decision was made on " + Wording.day(decision.decided()) + " by " + lowerFirst(decision.decidedBy()) + ".");
        body.heading("Why");
        // The reader refuses a decline whose reason is not on the list, so there is always a text.
        body.paragraph(reasons.declineReason(decline.reason()).map(DeclineReason::text)
                .orElseThrow(() -> new IllegalStateException(decision.file() + ": no decline reason '" + decline.reason() + "'")));
        decline.feedback().ifPresent(feedback -> body.heading("The panel's feedback").paragraph(feedback));
        body.heading("Applying again");
        for (String paragraph : applyingAgain(fund, catalogue, now)) {
            body.paragraph(paragraph);
        }
    }

    static List<String> applyingAgain(Fund fund, Catalogue catalogue, Instant now) {
        Optional<PanelRound> next = fund.acceptsApplications() ? fund.nextRound(now) : Optional.empty();
        if (next.isEmpty()) {
            return List.of("The " + fund.name() + " is not taking applications at the moment. Our website lists each new call for bids.");
        }
        PanelRound round = next.get();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("You are welcome to apply again. The " + fund.name() + "'s next deadline is " + Wording.moment(round.deadline())
                + (round.provisional() ? " (provisional date, to be confirmed)" : "") + ", for " + round.name() + ".");
        paragraphs.add("If you would like to talk about a new application first, reply to this email.");
        return paragraphs;
    }

    private static void contact(EmailBody body, Publisher publisher) {
        body.contact(publisher).paragraph("You can also reply to this email. Please quote your reference.");
    }

    private static String lowerFirst(String words) {
        return words.startsWith("The ") ? "the " + words.substring(4) : words;
    }
}
