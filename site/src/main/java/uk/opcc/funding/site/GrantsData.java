package uk.opcc.funding.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.Json;
import uk.opcc.funding.catalogue.decision.Decision;
import uk.opcc.funding.catalogue.decision.Entry;
import uk.opcc.funding.catalogue.decision.Funder;
import uk.opcc.funding.catalogue.decision.OpenData;

/**
 * The grants as 360Giving open data: {@code grants.json}, a 360Giving package (schema 1.4.3),
 * and {@code grants.csv} in 360Giving's spreadsheet headings, one row a grant. The same awards
 * as the grants register, from final decisions only. Nothing in them carries the build's clock
 * (the package is dated by its latest decision), so two bakes of one commit are identical.
 */
final class GrantsData {
    static final String JSON = "grants.json";
    static final String CSV = "grants.csv";

    /** 360Giving's spreadsheet headings, each its field's title in the schema (a sub-field as Parent:Child). */
    static final List<String> HEADINGS = List.of("Identifier", "Title", "Description", "Currency", "Amount Awarded",
            "Award Date", "URL", "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name",
            "Grant Programme:Code", "Grant Programme:Title", "Grant Programme:URL");

    private final Catalogue catalogue;
    private final Site site;
    private final OpenData openData;
    private final List<Decision> finals;

    GrantsData(Catalogue catalogue, Site site, OpenData openData, List<Decision> decisions) {
        this.catalogue = catalogue;
        this.site = site;
        this.openData = openData;
        this.finals = decisions.stream().filter(Decision::isFinal).toList();
    }

    /** Whether there is a grant to publish: a 360Giving package must hold at least one. */
    boolean any() {
        return finals.stream().anyMatch(d -> !d.awards().isEmpty());
    }

    String json() {
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("title", "Grants made by the " + site.publisher().name());
        pack.put("description", "Every crime and disorder reduction grant in the grants register of the "
                + site.publisher().name() + ", from its published decisions." + placeholderNote());
        pack.put("publisher", Map.of("name", site.publisher().name(), "identifier", openData.currentFunder().orgId(), "website", site.url("/")));
        pack.put("license", openData.licence());
        pack.put("accessURL", site.url("/grants/"));
        pack.put("downloadURL", site.url("/" + JSON));
        pack.put("version", "1.4");
        finals.stream().map(Decision::decided).max(Comparator.naturalOrder()).map(LocalDate::toString)
                .ifPresent(latest -> pack.put("modified", latest));
        List<Object> grants = new ArrayList<>();
        forEachGrant((decision, award) -> grants.add(grant(decision, award)));
        pack.put("grants", grants);
        return Json.writeIndented(pack) + "\n";
    }

    private Map<String, Object> grant(Decision decision, Entry.Award award) {
        Fund fund = catalogue.fund(decision.fundId()).orElseThrow();
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("id", openData.grantId(award.reference()));
        grant.put("title", award.purpose());
        grant.put("description", description(award));
        grant.put("currency", "GBP");
        grant.put("amountAwarded", award.amount());
        grant.put("awardDate", decision.decided().toString());
        grant.put("url", site.url("/" + DecisionsView.noticeUri(decision)));
        grant.put("recipientOrganization", List.of(Map.of("id", openData.recipientId(award), "name", award.recipient())));
        // The funder of record on the award date: a grant made before a handover keeps its funder.
        Funder funder = openData.funderOn(decision.decided());
        grant.put("fundingOrganization", List.of(Map.of("id", funder.orgId(), "name", funder.name())));
        grant.put("grantProgramme", List.of(Map.of("code", fund.id(), "title", fund.name(), "url", site.url("/funds/" + fund.id() + ".html"))));
        return grant;
    }

    String csv() {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADINGS);
        forEachGrant((decision, award) -> {
            Fund fund = catalogue.fund(decision.fundId()).orElseThrow();
            Funder funder = openData.funderOn(decision.decided());
            row(csv, List.of(openData.grantId(award.reference()), award.purpose(), description(award), "GBP",
                    award.amount().toPlainString(), decision.decided().toString(), site.url("/" + DecisionsView.noticeUri(decision)),
                    openData.recipientId(award), award.recipient(), funder.orgId(), funder.name(),
                    fund.id(), fund.name(), site.url("/funds/" + fund.id() + ".html")));
        });
        return csv.toString();
    }

    /** The register's items 360Giving has no field of its own for: the conditions and the reasons. */
    private static String description(Entry.Award award) {
        return sentence(award.purpose()) + " Conditions: " + sentence(award.conditions().orElse("none"))
                + " Why it was expected to reduce crime and disorder: " + sentence(award.reason());
    }

    private static String sentence(String text) {
        return text.matches("(?s).*[.!?]") ? text : text + ".";
    }

    private String placeholderNote() {
        if (openData.placeholders().isEmpty()) {
            return "";
        }
        return " PLACEHOLDER: the office has still to confirm its " + String.join(", ", openData.placeholders().stream().map(p -> switch (p) {
            case "prefix" -> "360Giving prefix (in every grant's id)";
            case "fundingOrgId" -> "organisation identifier as the funder";
            default -> "licence";
        }).toList()) + ".";
    }

    private void forEachGrant(java.util.function.BiConsumer<Decision, Entry.Award> each) {
        for (Decision decision : finals) {
            decision.awards().forEach(award -> each.accept(decision, award));
        }
    }

    /**
     * One CSV row (RFC 4180: CRLF, quoted where needed). A cell a spreadsheet would run as a
     * formula (starting =, +, -, @ or a tab) is kept as text by a leading apostrophe: anyone may
     * open this file, and the text in it came from a decision file, not from this code.
     */
    private static void row(StringBuilder csv, List<String> cells) {
        List<String> written = new ArrayList<>();
        for (String cell : cells) {
            String text = cell.matches("(?s)[=+\\-@\\t\\r].*") ? "'" + cell : cell;
            written.add(text.matches("(?s).*[\",\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
        }
        csv.append(String.join(",", written)).append("\r\n");
    }
}
