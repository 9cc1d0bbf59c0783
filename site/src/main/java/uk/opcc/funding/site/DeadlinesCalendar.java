package uk.opcc.funding.site;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;

/** An iCalendar (RFC 5545) file with one event at each call's closing time. */
final class DeadlinesCalendar {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private DeadlinesCalendar() {
    }

    static String ics(Catalogue catalogue, Site site, Instant now) {
        String domain = URI.create(site.host()).getHost();
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//" + text(site.publisher().shortName()) + "//" + text(site.publisher().service()) + "//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text("Funding deadlines: " + site.publisher().shortName()));
        // Stamped with the last status change, not the build's clock, so rebuilding changes nothing.
        Instant stamp = catalogue.lastChange(now);
        for (Call call : catalogue.callsInReadingOrder(now)) {
            String fund = catalogue.fund(call.fundId()).orElseThrow().name();
            String url = site.url(call.uri());
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + call.id() + "-closes@" + domain);
            line(ics, "DTSTAMP:" + UTC.format(stamp));
            // A deadline is a moment: with no DTEND, the event ends when it starts (RFC 5545 3.6.1).
            line(ics, "DTSTART:" + UTC.format(call.closes()));
            line(ics, "SUMMARY:" + text("Deadline: " + call.title() + " (" + fund + ")"));
            line(ics, "DESCRIPTION:" + text("Applications close at " + UkTime.dateAndTime(call.closes())
                    + " (UK time). " + call.summary() + " " + url));
            line(ics, "URL:" + url);
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values escape backslash, semicolon, comma and newline (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Lines end in CRLF and fold at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
