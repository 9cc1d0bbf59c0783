package uk.opcc.funding.function.outcome;

import java.util.List;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.decision.Decision;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.mail.EmailBody;

/**
 * The one email the fund's staff get once a decision's outcome emails are all settled: each
 * reference, what it was, and what became of its email, the references refused first. It names
 * no applicant (references only), as the decision file does.
 */
final class OutcomeSummary {
    private OutcomeSummary() {
    }

    static Email compose(Decision decision, Fund fund, List<OutcomeService.EntryResult> entries, String staffMailbox) {
        long sent = entries.stream().filter(e -> e.result() == OutcomeService.Result.SENT || e.result() == OutcomeService.Result.SENT_BEFORE).count();
        List<OutcomeService.EntryResult> refused = entries.stream().filter(e -> e.result().refused()).toList();
        List<OutcomeService.EntryResult> notSent = entries.stream().filter(e -> e.result() == OutcomeService.Result.NOT_SENT).toList();
        String subject = fund.name() + " · round " + decision.roundId() + " · outcome emails: " + sent + " of " + entries.size() + " sent"
                + (refused.isEmpty() ? "" : ", " + refused.size() + " refused");

        EmailBody body = new EmailBody();
        body.paragraph("The outcome emails of the decision in " + decision.file() + " (decided on " + Wording.day(decision.decided())
                + " by " + decision.decidedBy() + ") are done: " + sent + " of " + entries.size() + " applicants have been told.");
        if (!refused.isEmpty()) {
            body.heading("Refused: put the decision file right");
            body.paragraph("Nothing was sent for these references, and nothing was recorded on any application. Check each against "
                    + "the round's panel pack, correct the file and deploy again: only the emails not yet sent will go.");
            refused.forEach(e -> body.paragraph(e.line()));
        }
        if (!notSent.isEmpty()) {
            body.heading("Not sent: tell these applicants another way");
            notSent.forEach(e -> body.paragraph(e.line()));
        }
        body.heading("Every application in the decision");
        entries.forEach(e -> body.paragraph(e.line()));
        return new Email(staffMailbox, null, subject, body.text(), body.html());
    }
}
