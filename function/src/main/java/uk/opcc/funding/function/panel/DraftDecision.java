package uk.opcc.funding.function.panel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.catalogue.decision.DecisionReader;
import uk.opcc.funding.catalogue.question.MoneyQuestion;
import uk.opcc.funding.catalogue.question.Role;
import uk.opcc.funding.catalogue.text.Money;
import uk.opcc.funding.function.intake.Application;

/**
 * The round's decision file as a draft, attached to its panel pack: the decision files' format
 * ({@code data/decisions/<fund>-<round>.yml}, read by the catalogue's DecisionReader), pre-filled
 * with the fund, the round and one entry per application (its reference, its call, the amount
 * asked in a comment), every decision left blank, with comments telling staff how to fill it in.
 * It names no organisation and holds nothing an applicant typed: a declined organisation's name
 * must never reach the repository, so staff type a name only for an award. Every value written
 * is ours (ids the catalogue keeps to letters, digits and hyphens, references we made, amounts
 * as numbers), so none needs quoting.
 */
final class DraftDecision {
    /** Marks what staff must replace; the decision reader refuses a final decision still holding it. */
    static final String TO_FILL_IN = DecisionReader.TO_FILL_IN;

    private DraftDecision() {
    }

    /** Named as the file must be saved, so saving the attachment into the source needs no renaming. */
    static String fileName(Fund fund, PanelRound round) {
        return fund.id() + "-" + round.id() + ".yml";
    }

    static String write(Fund fund, PanelRound round, FormDefinition form, List<Application> applications, boolean interim) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# The ").append(fund.name()).append("'s decision on round ").append(round.id()).append(": a draft made with its panel pack.\n");
        if (interim) {
            yaml.append("# INTERIM: the round was still taking applications; the round's own pack brings the full list.\n");
        }
        yaml.append("""
                #
                # To record the decision, fill it in and save it in the site's source as
                # data/decisions/%s, through a pull request (its review is the decision's record).
                # Each entry is one application. Under each, write either an award:
                #     award:
                #       amount: 1250.50        # in pounds; at most the fund's or call's cap
                #       recipient: ...         # the organisation's name as it is to be published
                #       orgId: GB-CHC-1234567  # optional: its charity or company number as an org-id
                #       purpose: ...           # one public line: what the grant is for
                #       conditions: ...        # optional: the conditions attached to it
                #       reason: ...            # why it is expected to reduce crime and disorder in the area
                # or a decline:
                #     decline:
                #       reason: more-bids-than-money  # one of the ids in data/decline-reasons.yml
                #       feedback: ...                 # optional: what the applicant is told
                # A decline names no organisation: never type a declined organisation's name here.
                # No names of people, no email addresses or telephone numbers anywhere in this file.
                # Keep status: draft while any entry is undecided; status: final publishes the awards
                # (the notice, the grants register and the open data), so the build then checks that
                # every entry is decided and no line below still asks to be filled in.
                """.formatted(fileName(fund, round)));
        yaml.append("fund: ").append(fund.id()).append('\n')
                .append("round: ").append(round.id()).append('\n')
                .append("decided: ").append(round.decisionsBy()).append("  # ").append(TO_FILL_IN).append(": the date the decision was made\n")
                .append("decidedBy: ").append(TO_FILL_IN).append("  # the Commissioner, or the named panel that decided\n")
                .append("status: draft\n")
                .append("entries:\n");
        for (Application application : applications) {
            Optional<BigDecimal> asked = application.answerTo(form, Role.AMOUNT).flatMap(MoneyQuestion::amount);
            yaml.append("  - reference: ").append(application.reference())
                    .append("  # asked ").append(asked.map(Money::format).orElse("no amount")).append('\n');
            if (application.callId() != null) {
                yaml.append("    call: ").append(application.callId()).append('\n');
            }
        }
        yaml.append("""
                notice: |
                  ## What was decided

                  %s: the decision notice, in plain English: who decided, when the panel met,
                  what it looked for and what it funded. It is published with the awards.
                """.formatted(TO_FILL_IN));
        return yaml.toString();
    }
}
