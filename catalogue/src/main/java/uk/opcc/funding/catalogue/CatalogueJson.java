package uk.opcc.funding.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue as JSON for machines: published at {@code /catalogue.json}. Each call carries
 * its opening and closing instants so a reader can work out its status at any moment; the
 * status given is the one at {@code generatedAt}.
 */
public final class CatalogueJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CatalogueJson() {
    }

    public static String write(Catalogue catalogue, Instant now) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generatedAt", now.toString());
        root.put("timeZone", Catalogue.UK.getId());
        root.put("funds", catalogue.funds().stream().map(f -> fund(catalogue, f)).toList());
        root.put("calls", catalogue.callsInReadingOrder(now).stream().map(c -> call(c, now)).toList());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> fund(Catalogue catalogue, Fund fund) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", fund.id());
        json.put("name", fund.name());
        json.put("status", fund.status().slug());
        json.put("summary", fund.summary());
        json.put("maxAward", fund.maxAward().orElse(null));
        json.put("award", fund.awardText());
        json.put("whoCanApply", fund.whoCanApply());
        json.put("decisions", fund.decisions());
        json.put("endedOn", fund.endedOn().map(Object::toString).orElse(null));
        json.put("retentionYears", fund.retentionYears());
        json.put("calls", catalogue.callsFor(fund.id()).stream().map(Call::id).toList());
        return json;
    }

    private static Map<String, Object> call(Call call, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", call.id());
        json.put("url", "/" + call.uri());
        json.put("title", call.title());
        json.put("fund", call.fundId());
        json.put("theme", call.theme());
        json.put("summary", call.summary());
        json.put("opens", call.opens().toOffsetDateTime().toString());
        json.put("closes", call.closes().toOffsetDateTime().toString());
        json.put("maxAward", call.maxAward());
        json.put("status", call.statusAt(now).slug());
        return json;
    }

    /** Parsed back as plain maps and lists: for tests and tools that only read. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a catalogue: " + e.getOriginalMessage(), e);
        }
    }
}
