package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.question.Role;
import uk.opcc.funding.catalogue.question.FormField;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.question.Question;
import uk.opcc.funding.catalogue.question.Settings;

/**
 * The catalogue as JSON: published at {@code /catalogue.json} and packaged into the intake
 * function, which reads it back with {@link #read}. Each call carries its opening and closing
 * instants, so a reader works out its status at any moment. The site's copy also says, for
 * people and the deploy's status check, each call's status and each fund's next round, as they
 * have stood since {@code statusesSince}; the function's copy carries times only, so it is the
 * same whenever it is built.
 */
public final class CatalogueJson {
    private CatalogueJson() {
    }

    /** With statuses as at {@code now}. */
    public static String write(Catalogue catalogue, Instant now) {
        return write(catalogue, Optional.of(now), Optional.empty());
    }

    /**
     * With statuses as at {@code now} and the published decisions: the site's {@code /catalogue.json}.
     *
     * @param decisions each as plain values ({@link uk.opcc.funding.catalogue.decision.DecisionJson}), awards only
     */
    public static String write(Catalogue catalogue, Instant now, List<Map<String, Object>> decisions) {
        return write(catalogue, Optional.of(now), Optional.of(decisions));
    }

    /** Times only, calls in their catalogue order: the function's copy, independent of the build's clock. */
    public static String writeTimeless(Catalogue catalogue) {
        return write(catalogue, Optional.empty(), Optional.empty());
    }

    private static String write(Catalogue catalogue, Optional<Instant> now, Optional<List<Map<String, Object>>> decisions) {
        Map<String, Object> root = new LinkedHashMap<>();
        now.ifPresent(n -> root.put("statusesSince", catalogue.lastChange(n).toString()));
        root.put("timeZone", Catalogue.UK.getId());
        root.put("funds", catalogue.funds().stream().map(f -> fund(catalogue, f, now)).toList());
        List<Call> calls = now.map(catalogue::callsInReadingOrder).orElse(catalogue.calls());
        root.put("calls", calls.stream().map(c -> call(c, now)).toList());
        root.put("forms", catalogue.forms().stream().map(CatalogueJson::form).toList());
        decisions.ifPresent(d -> root.put("decisions", d));
        return Json.writeIndented(root);
    }

    /**
     * Writes the published catalogue of a site source to a file, for the intake function's
     * build: {@code CatalogueJson <jbake source> <output file>}. A bad call or form fails it.
     */
    public static void main(String[] args) throws java.io.IOException {
        Catalogue catalogue = CatalogueReader.read(Path.of(args[0])).published();
        Path output = Path.of(args[1]);
        java.nio.file.Files.createDirectories(output.getParent());
        java.nio.file.Files.writeString(output, writeTimeless(catalogue));
    }

    /** Reads back what {@link #write} wrote (published calls only: drafts never reach the JSON). */
    public static Catalogue read(String json) {
        Map<String, Object> root = parse(json);
        List<Fund> funds = maps(root.get("funds")).stream().map(CatalogueJson::readFund).toList();
        List<Call> calls = maps(root.get("calls")).stream().map(CatalogueJson::readCall).toList();
        List<FormDefinition> forms = maps(root.get("forms")).stream().map(CatalogueJson::readForm).toList();
        return new Catalogue(funds, calls, forms);
    }

    /** Parsed as plain maps and lists: for tests and tools that only look. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        Object value;
        try {
            value = Json.read(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a catalogue: " + e.getOriginalMessage(), e);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("Not a catalogue: not a JSON object");
        }
        return (Map<String, Object>) map;
    }

    // ---- writing -----------------------------------------------------------------------------

    private static Map<String, Object> fund(Catalogue catalogue, Fund fund, Optional<Instant> now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", fund.id());
        json.put("name", fund.name());
        json.put("status", fund.status().slug());
        json.put("summary", fund.summary());
        json.put("maxAward", fund.maxAward().orElse(null));
        json.put("award", fund.awardText());
        json.put("whoCanApply", fund.whoCanApply());
        json.put("decisions", fund.decisions());
        json.put("panelRounds", fund.panelRounds().stream().map(CatalogueJson::round).toList());
        now.ifPresent(n -> json.put("nextRound", fund.nextRound(n).map(PanelRound::id).orElse(null)));
        json.put("endedOn", fund.endedOn().map(Object::toString).orElse(null));
        json.put("retentionYears", fund.retentionYears());
        json.put("payment", fund.payment().orElse(null));
        json.put("endorsement", fund.endorsement().map(CatalogueJson::endorsement).orElse(null));
        json.put("calls", catalogue.callsFor(fund.id()).stream().map(Call::id).toList());
        return json;
    }

    private static Map<String, Object> call(Call call, Optional<Instant> now) {
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
        now.ifPresent(n -> json.put("status", call.statusAt(n).slug()));
        json.put("decisionsBy", call.decisionsBy().map(Object::toString).orElse(null));
        return json;
    }

    private static Map<String, Object> round(PanelRound round) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", round.id());
        json.put("deadline", round.deadline().toOffsetDateTime().toString());
        json.put("decisionsBy", round.decisionsBy().toString());
        json.put("provisional", round.provisional());
        return json;
    }

    private static Map<String, Object> endorsement(Endorsement endorsement) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("linkValidDays", endorsement.linkValidDays());
        json.put("remindAfterDays", endorsement.remindAfterDays());
        json.put("domains", endorsement.domains());
        json.put("steps", endorsement.steps().stream().map(step -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", step.id());
            s.put("who", step.who());
            s.put("title", step.title());
            s.put("asks", step.asks());
            s.put("statement", step.statementLabel());
            s.put("name", step.nameField());
            s.put("email", step.emailField());
            s.put("collarNumber", step.collarField().orElse(null));
            return s;
        }).toList());
        return json;
    }

    /** In a fixed order: Map.of's order changes from one JVM to the next, and with it the jar's bytes. */
    private static Map<String, Object> option(FormField.Option option) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", option.value());
        json.put("label", option.label());
        return json;
    }

    private static Map<String, Object> form(FormDefinition form) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", form.id());
        json.put("fund", form.fundId());
        json.put("title", form.title());
        json.put("maxAmount", form.maxAmount().orElse(null));
        json.put("maxAmountProvisional", form.maxAmountProvisional());
        json.put("sections", form.sections().stream().map(section -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", section.id());
            s.put("title", section.title());
            s.put("fields", fields(section.fields()));
            return s;
        }).toList());
        return json;
    }

    private static List<Map<String, Object>> fields(List<FormField> fields) {
        return fields.stream().map(field -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", field.name());
            f.put("type", field.question().kind());
            f.put("label", field.label());
            f.put("hint", field.hint());
            f.put("errorName", field.errorName());
            f.put("required", field.required());
            f.put("role", field.role().map(Role::key).orElse(null));
            f.put("autocomplete", field.autocomplete());
            f.put("shortLabel", field.shortLabel());
            // Each kind's own settings, in its own fixed order, read back by the same kind.
            new java.util.TreeMap<>(field.question().settings()).forEach(f::put);
            return f;
        }).toList();
    }

    // ---- reading -----------------------------------------------------------------------------

    private static Fund readFund(Map<String, Object> json) {
        return new Fund(string(json, "id"), string(json, "name"), FundStatus.fromSlug(string(json, "status")),
                string(json, "summary"), Optional.ofNullable(json.get("maxAward")).map(v -> new BigDecimal(v.toString())),
                string(json, "award"), strings(json.get("whoCanApply")), string(json, "decisions"),
                Optional.ofNullable(string(json, "endedOn")).map(LocalDate::parse),
                maps(json.get("panelRounds")).stream().map(r -> new PanelRound(string(r, "id"),
                        OffsetDateTime.parse(string(r, "deadline")).atZoneSameInstant(Catalogue.UK),
                        LocalDate.parse(string(r, "decisionsBy")), Boolean.TRUE.equals(r.get("provisional")))).toList(),
                ((Number) json.get("retentionYears")).intValue(), Optional.ofNullable(string(json, "payment")),
                json.get("endorsement") instanceof Map<?, ?> endorsement ? Optional.of(readEndorsement(cast(endorsement))) : Optional.empty());
    }

    private static Endorsement readEndorsement(Map<String, Object> json) {
        return new Endorsement(((Number) json.get("linkValidDays")).intValue(), ((Number) json.get("remindAfterDays")).intValue(),
                strings(json.get("domains")), maps(json.get("steps")).stream().map(s -> new Endorsement.Step(string(s, "id"), string(s, "who"),
                        string(s, "title"), string(s, "asks"), string(s, "statement"), string(s, "name"), string(s, "email"),
                        Optional.ofNullable(string(s, "collarNumber")))).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Call readCall(Map<String, Object> json) {
        String url = string(json, "url");
        String uri = url.substring(1);
        return new Call(string(json, "id"), uri, string(json, "title"), string(json, "fund"), string(json, "theme"),
                string(json, "summary"),
                OffsetDateTime.parse(string(json, "opens")).atZoneSameInstant(Catalogue.UK),
                OffsetDateTime.parse(string(json, "closes")).atZoneSameInstant(Catalogue.UK),
                new BigDecimal(json.get("maxAward").toString()), false,
                Path.of("content", uri.replaceFirst("\\.html$", ".md")),
                Optional.ofNullable(string(json, "decisionsBy")).map(LocalDate::parse));
    }

    private static FormDefinition readForm(Map<String, Object> json) {
        return new FormDefinition(string(json, "id"), string(json, "fund"), string(json, "title"), maps(json.get("sections")).stream()
                .map(s -> new FormDefinition.Section(string(s, "id"), string(s, "title"), readFields(s.get("fields")))).toList(),
                Optional.ofNullable(json.get("maxAmount")).map(v -> new BigDecimal(v.toString())), Boolean.TRUE.equals(json.get("maxAmountProvisional")));
    }

    private static List<FormField> readFields(Object list) {
        return maps(list).stream().map(f -> {
            List<String> problems = new ArrayList<>();
            var kind = Question.KINDS.get(string(f, "type"));
            if (kind == null) { // a catalogue.json from a build with a kind of question this one does not know
                throw new IllegalStateException("catalogue.json field " + string(f, "name") + ": unknown type '" + string(f, "type") + "'");
            }
            Question question = kind.apply(new Settings("catalogue.json field " + string(f, "name"), f, problems));
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems));
            }
            return new FormField(string(f, "name"), question, string(f, "label"), string(f, "hint"), string(f, "errorName"),
                    Boolean.TRUE.equals(f.get("required")), Optional.ofNullable(string(f, "role")).flatMap(Role::fromKey),
                    string(f, "autocomplete"), string(f, "shortLabel"));
        }).toList();
    }

    private static String string(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
