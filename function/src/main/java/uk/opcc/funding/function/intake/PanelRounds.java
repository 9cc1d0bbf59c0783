package uk.opcc.funding.function.intake;

import java.time.Instant;
import java.time.LocalDate;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Fund;

/**
 * Which panel round an application joins, so staff can gather a panel's papers. Quarterly
 * panels follow the financial year (April to March); an application to a targeted call joins
 * the round in which the call closes, because bids are judged together after the deadline.
 */
public final class PanelRounds {
    private PanelRounds() {
    }

    public static String roundFor(Fund fund, Call call, Instant receivedAt) {
        LocalDate day = (call != null ? call.closes().toInstant() : receivedAt).atZone(Catalogue.UK).toLocalDate();
        return switch (fund.panels()) {
            case QUARTERLY -> quarter(day);
            case MONTHLY -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
            case NONE -> "none";
        };
    }

    /** "2026-27 Q3": the financial year and its quarter (Q1 is April to June). */
    static String quarter(LocalDate day) {
        int startYear = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        int quarter = ((day.getMonthValue() + 8) % 12) / 3 + 1;
        return String.format("%d-%02d Q%d", startYear, (startYear + 1) % 100, quarter);
    }
}
