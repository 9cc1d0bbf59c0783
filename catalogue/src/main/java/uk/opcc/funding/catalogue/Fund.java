package uk.opcc.funding.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One fund from {@code data/funds.yml}: the facts the site shows and the intake will enforce.
 *
 * @param maxAward      the most one application can be awarded, in pounds; empty where the
 *                      strategy sets no per-award cap (say why in {@code awardText})
 * @param awardText     how much, in words, for funds without a simple cap
 * @param endedOn       the last day of a fund that has ended; empty otherwise
 * @param panels        how often decisions are made, which sets an application's panel round
 * @param retentionYears how long applications are kept after they are received, for the privacy
 *                      notice and the stored record's expiry
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
        PanelCadence panels,
        int retentionYears) {

    public Fund {
        whoCanApply = List.copyOf(whoCanApply);
    }

    /** Only an open fund takes applications through its forms. */
    public boolean acceptsApplications() {
        return status == FundStatus.OPEN;
    }

    public boolean hasEnded() {
        return status == FundStatus.ENDED;
    }
}
