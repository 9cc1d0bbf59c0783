package uk.opcc.funding.catalogue;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Pounds as people read them: £2,500, or £2,500.50 when there are pence. */
public final class Money {
    private Money() {
    }

    public static String format(BigDecimal pounds) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        boolean wholePounds = pounds.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(wholePounds ? 0 : 2);
        format.setMaximumFractionDigits(2);
        return "£" + format.format(pounds);
    }
}
