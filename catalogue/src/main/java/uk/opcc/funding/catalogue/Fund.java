package uk.opcc.funding.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One fund from {@code data/funds.yml}: the facts the site shows and the intake will enforce.
 *
 * @param maxAward      the most one application can be awarded, in pounds; empty where the
 *                      strategy sets no per-award cap (say why in {@code awardText})
 * @param awardText     how much, in words, for funds without a simple cap
 * @param endedOn       the last day of a fund that has ended; empty otherwise
 * @param panelRounds   the decision panel's calendar, earliest deadline first; an application
 *                      joins the first round whose deadline it meets
 * @param retentionYears how long applications are kept after they are received, for the privacy
 *                      notice and the stored record's expiry
 * @param payment       how a grant from the fund is paid, in the words an award's email gives
 *                      (part as the project is delivered, the balance on its final report...);
 *                      empty where the strategy does not say, and the email points to the grant agreement
 * @param endorsement   who must confirm their support for an application themselves, in order; empty where no one does
 */
public record Fund(
        String id,
        String name,
        FundStatus status,
        String summary,
        Optional<BigDecimal> maxAward,
        String awardText,
        List<String> whoCanApply,
        String decisions,
        Optional<LocalDate> endedOn,
        List<PanelRound> panelRounds,
        int retentionYears,
        Optional<String> payment,
        Optional<Endorsement> endorsement) {

    public Fund {
        whoCanApply = List.copyOf(whoCanApply);
        panelRounds = panelRounds.stream().sorted(Comparator.comparing(PanelRound::deadline)).toList();
    }

    /** The round taking applications at {@code now}: the first whose deadline is still ahead. */
    public Optional<PanelRound> nextRound(Instant now) {
        return panelRounds.stream().filter(r -> r.takes(now)).findFirst();
    }

    public Optional<PanelRound> round(String id) {
        return panelRounds.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Only an open fund takes applications through its forms. */
    public boolean acceptsApplications() {
        return status == FundStatus.OPEN;
    }

    public boolean hasEnded() {
        return status == FundStatus.ENDED;
    }
}
