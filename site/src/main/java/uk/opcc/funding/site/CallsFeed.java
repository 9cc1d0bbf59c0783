package uk.opcc.funding.site;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.catalogue.CallStatus;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.decision.Decision;
import uk.opcc.funding.catalogue.decision.Entry;
import uk.opcc.funding.catalogue.text.Money;

/**
 * The Atom feed of calls for bids and of the grants decided, so people can follow new calls and
 * what was funded without checking the site. A decision is in it once final, and only its awards
 * are: the feed says nothing of applications that were declined.
 */
final class CallsFeed {
    private CallsFeed() {
    }

    /** @param decisions the published decisions (final only); each gets an entry at its notice */
    static String atom(Catalogue catalogue, Site site, Instant now, List<Decision> decisions) {
        List<Call> calls = catalogue.callsInReadingOrder(now);
        List<Decision> finals = decisions.stream().filter(Decision::isFinal)
                .sorted(Comparator.comparing(Decision::decided).reversed().thenComparing(Decision::id)).toList();
        Instant updated = java.util.stream.Stream.concat(calls.stream().map(c -> lastChange(c, now)), finals.stream().map(CallsFeed::published))
                .max(Comparator.naturalOrder()).orElse(catalogue.lastChange(now));
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>").append(Html.escape("Calls for bids and grants made: " + site.publisher().service() + ", " + site.publisher().shortName())).append("</title>\n")
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
        for (Decision decision : finals) {
            String fund = catalogue.fund(decision.fundId()).orElseThrow().name();
            List<Entry.Award> awards = decision.awards();
            String grants = awards.isEmpty() ? "No grants were made"
                    : awards.size() + (awards.size() == 1 ? " grant" : " grants") + ", " + Money.format(DecisionsView.total(awards)) + " in all";
            String summary = fund + ", round " + decision.roundId() + ", decided " + UkTime.date(decision.decided()) + " by " + decision.decidedBy()
                    + ". " + grants + (awards.isEmpty() ? "." : ": " + String.join("; ", awards.stream()
                            .map(a -> a.recipient() + ", " + Money.format(a.amount()) + ", " + a.purpose()).toList()) + ".");
            String url = site.url("/" + DecisionsView.noticeUri(decision));
            xml.append("  <entry>\n")
                    .append("    <title>").append(Html.escape("Grants made: " + fund + ", " + UkTime.date(decision.decided()))).append("</title>\n")
                    .append("    <id>").append(Html.escape(url)).append("</id>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Html.escape(url)).append("\"/>\n")
                    .append("    <updated>").append(published(decision)).append("</updated>\n")
                    .append("    <summary>").append(Html.escape(summary)).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** A decision is dated, not timed: its entry is dated the start of its day, UK time, so every bake gives the same feed. */
    static Instant published(Decision decision) {
        return decision.decided().atStartOfDay(Catalogue.UK).toInstant();
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
