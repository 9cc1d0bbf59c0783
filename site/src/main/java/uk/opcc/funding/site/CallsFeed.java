package uk.opcc.funding.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.catalogue.CallStatus;
import uk.opcc.funding.catalogue.Catalogue;

/** The Atom feed of calls for bids, so people can follow new calls without checking the site. */
final class CallsFeed {
    private CallsFeed() {
    }

    static String atom(Catalogue catalogue, Site site, Instant now) {
        List<Call> calls = catalogue.callsInReadingOrder(now);
        Instant updated = calls.stream().map(c -> lastChange(c, now)).max(Comparator.naturalOrder()).orElse(catalogue.lastChange(now));
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>").append(Html.escape("Calls for bids: " + site.publisher().service() + ", " + site.publisher().shortName())).append("</title>\n")
                .append("  <id>").append(Html.escape(site.url("/calls/"))).append("</id>\n")
                .append("  <link rel=\"self\" href=\"").append(Html.escape(site.url("/calls.atom"))).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Html.escape(site.url("/calls/"))).append("\"/>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <author><name>").append(Html.escape(site.publisher().name())).append("</name></author>\n");
        for (Call call : calls) {
            CallStatus status = call.statusAt(now);
            String fund = catalogue.fund(call.fundId()).orElseThrow().name();
            String summary = call.summary() + " " + fund + ". " + status.label() + ": opens "
                    + UkTime.dateAndTime(call.opens()) + ", closes " + UkTime.dateAndTime(call.closes()) + ".";
            xml.append("  <entry>\n")
                    .append("    <title>").append(Html.escape(call.title() + " (" + status.label() + ")")).append("</title>\n")
                    .append("    <id>").append(Html.escape(site.url(call.uri()))).append("</id>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Html.escape(site.url(call.uri()))).append("\"/>\n")
                    .append("    <updated>").append(lastChange(call, now)).append("</updated>\n")
                    .append("    <summary>").append(Html.escape(summary)).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** When the call last changed status, so readers see it again as it opens, nears its end and closes. */
    static Instant lastChange(Call call, Instant now) {
        Instant changed = switch (call.statusAt(now)) {
            case UPCOMING, OPEN -> call.opens().toInstant();
            case CLOSING_SOON -> call.closingSoonFrom();
            case CLOSED -> call.closes().toInstant();
        };
        return changed.truncatedTo(ChronoUnit.SECONDS);
    }
}
