package uk.opcc.funding.catalogue.decision;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.YAMLException;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.ContentFile;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.text.Money;

/**
 * Reads the decision files ({@code data/decisions/<fund>-<round>.yml}) against the catalogue
 * they decide for, and checks them as calls are checked: every problem at once, each naming its
 * file, so a grants officer can put a decision right without reading Java. A decision that
 * breaks a rule fails the build and is never published.
 */
public final class DecisionReader {

    /** What a draft made with a panel pack marks for staff to replace: a final decision may not hold it. */
    public static final String TO_FILL_IN = "TO FILL IN";

    static final String FOLDER = "data/decisions";
    static final String REASONS = "data/decline-reasons.yml";
    private static final String EXTENSION = ".yml";
    /** References and round ids go into the 360Giving ids and the notice's address: letters, digits and hyphens. */
    private static final String SAFE_ID = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";

    private static final Set<String> DECISION_FIELDS = Set.of("fund", "round", "decided", "decidedBy", "status", "entries", "notice");
    private static final Set<String> ENTRY_FIELDS = Set.of("reference", "call", "award", "decline");
    private static final Set<String> AWARD_FIELDS = Set.of("amount", "recipient", "orgId", "purpose", "conditions", "reason");
    private static final Set<String> DECLINE_FIELDS = Set.of("reason", "feedback");

    private final Path source;
    private final Catalogue catalogue;
    private final List<String> problems = new ArrayList<>();
    /** Every reference seen so far, with the file that decided it: an application is decided once. */
    private final Map<String, String> decided = new HashMap<>();

    private DecisionReader(Path source, Catalogue catalogue) {
        this.source = source;
        this.catalogue = catalogue;
    }

    /**
     * @param catalogue the catalogue read from the same source, drafts included (a round of a draft call may be decided)
     * @throws CatalogueException listing every problem found
     */
    public static Decisions read(Path jbakeSource, Catalogue catalogue) {
        return new DecisionReader(jbakeSource, catalogue).read();
    }

    private Decisions read() {
        List<DeclineReason> reasons = readReasons();
        List<Decision> decisions = new ArrayList<>();
        for (Path file : files()) {
            if (!file.getFileName().toString().endsWith(EXTENSION)) {
                problems.add(name(file) + ": a decision file is YAML ending in " + EXTENSION + ", so this one would be left out; rename it");
                continue;
            }
            readDecision(file, reasons).ifPresent(decisions::add);
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return new Decisions(decisions, reasons);
    }

    private List<Path> files() {
        Path folder = source.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(p -> !ContentFile.isEditorLeftover(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    private List<DeclineReason> readReasons() {
        Path file = source.resolve(REASONS);
        List<DeclineReason> reasons = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return reasons;
        }
        Object list = yaml(file) instanceof Map<?, ?> root ? root.get("declineReasons") : null;
        if (!(list instanceof List<?> entries)) {
            problems.add(REASONS + ": expected a list called 'declineReasons', each with an 'id' and a 'text'");
            return reasons;
        }
        for (Object entry : entries) {
            String id = entry instanceof Map<?, ?> m ? CatalogueReader.text(m.get("id")) : null;
            String text = entry instanceof Map<?, ?> m ? CatalogueReader.text(m.get("text")) : null;
            if (id == null || !id.matches(SAFE_ID) || text == null) {
                problems.add(REASONS + ": each reason needs an 'id' of letters, digits and hyphens and a 'text' the applicant reads");
            } else {
                reasons.add(new DeclineReason(id, text));
            }
        }
        return reasons;
    }

    private Optional<Decision> readDecision(Path path, List<DeclineReason> reasons) {
        String file = name(path);
        int before = problems.size();
        if (!(yaml(path) instanceof Map<?, ?> fields)) {
            if (problems.size() == before) {
                problems.add(file + ": expected the decision's fields: " + DECISION_FIELDS);
            }
            return Optional.empty();
        }
        unknownFields(file, "", fields, DECISION_FIELDS);
        for (String required : List.of("fund", "round", "decided", "decidedBy", "status", "notice")) {
            if (CatalogueReader.text(fields.get(required)) == null) {
                problems.add(file + ": missing field '" + required + "'");
            }
        }
        String fundId = CatalogueReader.text(fields.get("fund"));
        String roundId = CatalogueReader.text(fields.get("round"));
        Optional<Fund> fund = Optional.ofNullable(fundId).flatMap(catalogue::fund);
        if (fundId != null && fund.isEmpty()) {
            problems.add(file + ": unknown fund '" + fundId + "'; use one of " + catalogue.funds().stream().map(Fund::id).toList());
        }
        if (fund.isPresent() && roundId != null && catalogue.round(fundId, roundId).isEmpty()) {
            problems.add(file + ": the " + fund.get().name() + " has no round '" + roundId + "'; use one of its rounds in data/funds.yml"
                    + " or a call's own panel (the call's id)");
        }
        String id = path.getFileName().toString().replaceFirst("\\.yml$", "");
        if (fundId != null && roundId != null && !id.equals(fundId + "-" + roundId)) {
            problems.add(file + ": a decision file is named after its fund and round: call it " + fundId + "-" + roundId + EXTENSION);
        }
        String statusText = CatalogueReader.text(fields.get("status"));
        Decision.Status status = Decision.Status.fromSlug(statusText);
        if (statusText != null && status == null) {
            problems.add(file + ": status must be 'draft' or 'final', not '" + statusText + "'");
        }
        if (status == Decision.Status.FINAL && text(path).contains(TO_FILL_IN)) {
            problems.add(file + ": a final decision still has '" + TO_FILL_IN + "' where the draft asks for a date, a name or the notice;"
                    + " replace each one (and its comment)");
        }
        LocalDate decidedOn = date(fields.get("decided"), file, "decided", problems);
        List<Entry> entries = entries(file, fields.get("entries"), fund.orElse(null), reasons, status == Decision.Status.FINAL);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Decision(file, id, fundId, roundId, decidedOn, CatalogueReader.text(fields.get("decidedBy")),
                status, entries, String.valueOf(fields.get("notice"))));
    }

    private List<Entry> entries(String file, Object value, Fund fund, List<DeclineReason> reasons, boolean isFinal) {
        List<Entry> entries = new ArrayList<>();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(file + ": 'entries' must list every application in the round, each with its 'reference'");
            return entries;
        }
        for (Object item : list) {
            String reference = item instanceof Map<?, ?> m ? CatalogueReader.text(m.get("reference")) : null;
            if (reference == null || !reference.matches(SAFE_ID)) {
                problems.add(file + ": each entry needs the application's 'reference', like KX7P-M2RD");
                continue;
            }
            Map<?, ?> fields = (Map<?, ?>) item;
            String at = file + " (" + reference + ")";
            String earlier = decided.putIfAbsent(reference, file);
            if (earlier != null) {
                problems.add(at + ": the reference " + reference + " appears twice"
                        + (earlier.equals(file) ? " in this file" : ", here and in " + earlier) + "; an application is decided once");
            }
            unknownFields(file, reference, fields, ENTRY_FIELDS);
            Object award = fields.get("award");
            Object decline = fields.get("decline");
            if (award != null && decline != null) {
                problems.add(at + ": an application is either awarded or declined, not both");
            } else if (award != null) {
                award(at, reference, CatalogueReader.text(fields.get("call")), award, fund).ifPresent(entries::add);
            } else if (decline != null) {
                decline(at, reference, decline, reasons).ifPresent(entries::add);
            } else if (isFinal) {
                problems.add(at + ": a final decision must decide every application: give it an 'award' or a 'decline',"
                        + " or keep the decision as status=draft");
            } else {
                entries.add(new Entry.Undecided(reference));
            }
        }
        return entries;
    }

    private Optional<Entry> award(String at, String reference, String callId, Object value, Fund fund) {
        if (!(value instanceof Map<?, ?> fields)) {
            problems.add(at + ": 'award' needs its fields: " + AWARD_FIELDS);
            return Optional.empty();
        }
        int before = problems.size();
        unknownFields(at, "award", fields, AWARD_FIELDS);
        for (String required : List.of("amount", "recipient", "purpose", "reason")) {
            if (CatalogueReader.text(fields.get(required)) == null) {
                problems.add(at + ": an award needs its '" + required + "'" + switch (required) {
                    case "recipient" -> ": the organisation's name as it is to be published";
                    case "purpose" -> ": a public one-line purpose";
                    case "reason" -> ": why it is expected to reduce crime and disorder in the area";
                    default -> ", in pounds";
                });
            }
        }
        Optional<Call> call = Optional.ofNullable(callId).flatMap(catalogue::call);
        if (callId != null && (call.isEmpty() || fund != null && !call.get().fundId().equals(fund.id()))) {
            problems.add(at + ": unknown call '" + callId + "'" + (fund == null ? "" : " of the " + fund.name()));
        }
        String amountText = CatalogueReader.text(fields.get("amount"));
        BigDecimal amount = amountText == null ? null : CatalogueReader.amount(problems, at, "amount", amountText);
        if (amount != null && fund != null) {
            Optional<BigDecimal> cap = cap(fund, call.orElse(null));
            if (cap.isPresent() && amount.compareTo(cap.get()) > 0) {
                problems.add(at + ": the award of " + Money.format(amount) + " is above the "
                        + call.map(c -> "call's cap of ").orElse(fund.name() + "'s cap of ") + Money.format(cap.get()));
            }
        }
        Optional<String> orgId = Optional.ofNullable(CatalogueReader.text(fields.get("orgId")));
        orgId.map(OrgIds::problem).ifPresent(problem -> problems.add(at + ": " + problem));
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Entry.Award(reference, Optional.ofNullable(callId), amount, CatalogueReader.text(fields.get("recipient")),
                orgId, CatalogueReader.text(fields.get("purpose")), Optional.ofNullable(CatalogueReader.text(fields.get("conditions"))),
                CatalogueReader.text(fields.get("reason"))));
    }

    /** The most one award may be: the call's cap, else the fund's form's maximum, else the fund's cap (as for an application). */
    private Optional<BigDecimal> cap(Fund fund, Call call) {
        return catalogue.formFor(fund.id()).flatMap(form -> catalogue.amountCap(form, call))
                .or(() -> call != null ? Optional.of(call.maxAward()) : fund.maxAward());
    }

    private Optional<Entry> decline(String at, String reference, Object value, List<DeclineReason> reasons) {
        if (!(value instanceof Map<?, ?> fields)) {
            problems.add(at + ": 'decline' needs a 'reason' (and may have 'feedback')");
            return Optional.empty();
        }
        int before = problems.size();
        unknownFields(at, "decline", fields, DECLINE_FIELDS);
        String reason = CatalogueReader.text(fields.get("reason"));
        if (reason == null || reasons.stream().noneMatch(r -> r.id().equals(reason))) {
            problems.add(at + ": a decline's 'reason' must be one of " + reasons.stream().map(DeclineReason::id).toList()
                    + " (listed in " + REASONS + ")" + (reason == null ? "" : ", not '" + reason + "'"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Entry.Decline(reference, reason, Optional.ofNullable(CatalogueReader.text(fields.get("feedback")))));
    }

    /** A misspelt field would be dropped unseen (a decline's "recipent" is a name that must never be there at all). */
    private void unknownFields(String at, String part, Map<?, ?> fields, Set<String> known) {
        for (Object key : fields.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(at + ": unknown field '" + key + "'" + (part.isEmpty() ? "" : " in " + part)
                        + "; the fields are " + known.stream().sorted().toList());
            }
        }
    }

    /** A date field of a decision or of {@code opcc.yml}'s funders; a wrong one is a problem naming the file and field. */
    static LocalDate date(Object value, String at, String field, List<String> problems) {
        String text = CatalogueReader.text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(at + ": '" + field + "' must be a date like 2027-01-29, not '" + text + "'");
            return null;
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private Object yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CatalogueReader.loadYaml(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (YAMLException e) {
            problems.add(name(file) + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " "));
            return null;
        }
    }

    private String name(Path file) {
        return source.relativize(file).toString().replace('\\', '/');
    }
}
