package uk.opcc.funding.site;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.catalogue.Catalogue;

/** Dates and times in GOV.UK style, in UK time: "Friday 29 January 2027 at 5pm". */
final class UkTime {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private UkTime() {
    }

    static String dateAndTime(ZonedDateTime moment) {
        ZonedDateTime uk = moment.withZoneSameInstant(Catalogue.UK);
        return DAY.format(uk) + " at " + time(uk);
    }

    static String date(LocalDate date) {
        return Wording.day(date);
    }

    static String time(ZonedDateTime uk) {
        int hour = uk.getHour();
        int minute = uk.getMinute();
        if (minute == 0 && hour == 12) {
            return "midday";
        }
        if (minute == 0 && hour == 0) {
            return "midnight";
        }
        String clock = (hour % 12 == 0 ? 12 : hour % 12) + (minute == 0 ? "" : String.format(":%02d", minute));
        return clock + (hour < 12 ? "am" : "pm");
    }
}
