package uk.opcc.funding.catalogue.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Pounds as people read them (£2,500, or £2,500.50 when there are pence) and as they type them. */
public final class Money {
    /** Whole pounds, with or without thousands commas in the right places, and up to two pence digits. */
    private static final Pattern TYPED = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d{1,12})(\\.\\d{1,2})?");

    private Money() {
    }

    public static String format(BigDecimal pounds) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        boolean wholePounds = pounds.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(wholePounds ? 0 : 2);
        format.setMaximumFractionDigits(2);
        return "£" + format.format(pounds);
    }

    /**
     * An amount as people type it: "1850", " 1850 ", "£1,850", "1,850.00", "£ 1850.5". Empty for
     * anything else ("1,85", "12e3", "-5", "one thousand"): better to ask again than to guess.
     */
    public static Optional<BigDecimal> parse(String typed) {
        String value = typed.strip();
        if (value.startsWith("£")) {
            value = value.substring(1).strip();
        }
        if (!TYPED.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(value.replace(",", "")));
    }

    /** The one way an amount is stored and emailed: 1850, or 1850.50 when there are pence. */
    public static String plain(BigDecimal pounds) {
        BigDecimal pence = pounds.setScale(2, RoundingMode.UNNECESSARY);
        return pence.stripTrailingZeros().scale() <= 0 ? pence.toBigInteger().toString() : pence.toPlainString();
    }

    /** To the penny, as grants officers compare sums: £1,850.00. */
    public static String exact(BigDecimal pounds) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "£" + format.format(pounds);
    }
}
