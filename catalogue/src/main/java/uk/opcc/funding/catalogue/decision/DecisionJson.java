package uk.opcc.funding.catalogue.decision;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published decisions as plain values, for the site's {@code catalogue.json}: each final
 * decision with its counts and its awards, as the notice and the register show them. A decline
 * is only counted: its reference, reason and feedback are never written.
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
}
