package uk.opcc.funding.catalogue.text;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How answers, dates and sums read to a person, the one way every page and email writes them:
 * 1 February 2027; 11 December 2026 at 5pm; £2,500 or £2,500.50; "Not answered".
 */
public final class Wording {
    /** An optional question left blank, wherever answers are shown. */
    public static final String NOT_ANSWERED = "Not answered";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private Wording() {
    }

    /** 1 February 2027 */
    public static String day(TemporalAccessor date) {
        return DAY.format(date);
    }

    /** 11 December 2026 at 5pm, or at 5:30pm: in the time zone {@code time} is in. */
    public static String moment(ZonedDateTime time) {
        String clock = time.getMinute() == 0 ? TIME.format(time).replace(":00", "") : TIME.format(time);
        return DAY.format(time) + " at " + clock.toLowerCase(Locale.UK);
    }

    /** 1,200: a whole number as people read it. */
    public static String number(long number) {
        return java.text.NumberFormat.getIntegerInstance(Locale.UK).format(number);
    }

    /** £2,500, or £2,500.50 when there are pence. */
    public static String money(BigDecimal pounds) {
        return Money.format(pounds);
    }
}
