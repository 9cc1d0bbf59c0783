package uk.opcc.funding.catalogue.decision;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.Json;

/**
 * The published decisions as plain values, for the site's {@code catalogue.json}: each final
 * decision with its counts and its awards, as the notice and the register show them. A decline
 * is only counted: its reference, reason and feedback are never written.
 *
 * <p>And, for the outcome emails, every final decision whole ({@link #forOutcomes}): declines
 * with their reasons and feedback too. That one is packaged into the function, never published.
 */
public final class DecisionJson {
    private DecisionJson() {
    }

    public static List<Map<String, Object>> published(Decisions decisions) {
        return decisions.published().stream().map(DecisionJson::decision).toList();
    }

    private static Map<String, Object> decision(Decision decision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", decision.id());
        json.put("url", "/" + decision.uri());
        json.put("fund", decision.fundId());
        json.put("round", decision.roundId());
        json.put("decided", decision.decided().toString());
        json.put("decidedBy", decision.decidedBy());
        json.put("applications", decision.entries().size());
        json.put("funded", decision.awards().size());
        json.put("totalAwarded", decision.awards().stream().map(Entry.Award::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        json.put("grants", decision.awards().stream().map(DecisionJson::award).toList());
        return json;
    }

    private static Map<String, Object> award(Entry.Award award) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reference", award.reference());
        json.put("call", award.callId().orElse(null));
        json.put("recipient", award.recipient());
        json.put("orgId", award.orgId().orElse(null));
        json.put("amount", award.amount());
        json.put("purpose", award.purpose());
        json.put("conditions", award.conditions().orElse(null));
        json.put("reason", award.reason());
        return json;
    }

    /** Every final decision with all its entries, and the decline reasons: what the outcome emails are written from. */
    public static String forOutcomes(Decisions decisions) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("declineReasons", decisions.declineReasons().stream().map(DecisionJson::reason).toList());
        root.put("decisions", decisions.published().stream().map(DecisionJson::whole).toList());
        return Json.writeIndented(root);
    }

    private static Map<String, Object> reason(DeclineReason reason) {
        Map<String, Object> json = new LinkedHashMap<>(); // in order, so every build writes the same bytes
        json.put("id", reason.id());
        json.put("text", reason.text());
        return json;
    }

    /** Reads back what {@link #forOutcomes} wrote. */
    public static Decisions readOutcomes(String json) {
        Map<String, Object> root = CatalogueJson.parse(json);
        List<DeclineReason> reasons = maps(root.get("declineReasons")).stream()
                .map(r -> new DeclineReason(string(r, "id"), string(r, "text"))).toList();
        List<Decision> all = maps(root.get("decisions")).stream().map(DecisionJson::readWhole).toList();
        return new Decisions(all, reasons);
    }

    /**
     * For the function's build: {@code DecisionJson <jbake source> <output file>}, the final
     * decisions read and checked from the site's source as the bake reads them.
     */
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Decisions decisions = DecisionReader.read(source, CatalogueReader.read(source));
        Path output = Path.of(args[1]);
        Files.createDirectories(output.getParent());
        Files.writeString(output, forOutcomes(decisions));
    }

    private static Map<String, Object> whole(Decision decision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", decision.file());
        json.put("id", decision.id());
        json.put("fund", decision.fundId());
        json.put("round", decision.roundId());
        json.put("decided", decision.decided().toString());
        json.put("decidedBy", decision.decidedBy());
        json.put("entries", decision.entries().stream().map(DecisionJson::entry).toList());
        return json;
    }

    private static Map<String, Object> entry(Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reference", entry.reference());
        if (entry instanceof Entry.Award award) {
            json.put("award", award(award));
        } else if (entry instanceof Entry.Decline decline) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("reason", decline.reason());
            d.put("feedback", decline.feedback().orElse(null));
            json.put("decline", d);
        }
        return json; // a final decision has no undecided entry: the reader refuses one
    }

    private static Decision readWhole(Map<String, Object> json) {
        List<Entry> entries = maps(json.get("entries")).stream().map(DecisionJson::readEntry).toList();
        return new Decision(string(json, "file"), string(json, "id"), string(json, "fund"), string(json, "round"),
                LocalDate.parse(string(json, "decided")), string(json, "decidedBy"), Decision.Status.FINAL, entries, "");
    }

    @SuppressWarnings("unchecked")
    private static Entry readEntry(Map<String, Object> json) {
        String reference = string(json, "reference");
        if (json.get("award") instanceof Map<?, ?> a) {
            Map<String, Object> award = (Map<String, Object>) a;
            return new Entry.Award(reference, Optional.ofNullable(string(award, "call")), new BigDecimal(award.get("amount").toString()),
                    string(award, "recipient"), Optional.ofNullable(string(award, "orgId")), string(award, "purpose"),
                    Optional.ofNullable(string(award, "conditions")), string(award, "reason"));
        }
        if (json.get("decline") instanceof Map<?, ?> d) {
            Map<String, Object> decline = (Map<String, Object>) d;
            return new Entry.Decline(reference, string(decline, "reason"), Optional.ofNullable(string(decline, "feedback")));
        }
        return new Entry.Undecided(reference);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static String string(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : value.toString();
    }
}
