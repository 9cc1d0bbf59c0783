package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.text.Money;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the catalogue from a JBake source folder: funds from {@code data/funds.yml}, calls from
 * every content file with {@code type=call}. Checks every rule and reports every problem at once,
 * each naming its file, so a comms officer can fix a call file without reading Java.
 */
public final class CatalogueReader {

    /** Round ids go into stored keys and file names: letters, digits and hyphens. */
    private static final String ROUND_ID = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";

    static final List<String> CALL_FIELDS =
            List.of("title", "status", "fund", "opens", "closes", "theme", "maxAward", "summary");

    private final Path source;
    private final List<String> problems = new ArrayList<>();
    /** opcc.yml's endorserDomains: read once, for every fund's endorsement. */
    private List<String> endorserDomains = List.of();

    private CatalogueReader(Path source) {
        this.source = source;
    }

    /** @throws CatalogueException listing every problem found */
    public static Catalogue read(Path jbakeSource) {
        return new CatalogueReader(jbakeSource).read();
    }

    private Catalogue read() {
        Path opcc = source.resolve("data/opcc.yml");
        endorserDomains = Files.exists(opcc) ? EndorsementReader.domains(yaml(opcc), problems) : List.of();
        List<Fund> funds = readFunds(source.resolve("data/funds.yml"));
        Path formsFile = source.resolve("data/forms.yml");
        List<FormDefinition> forms = new FormReader(name(formsFile), problems).read(yaml(formsFile), funds);
        EndorsementReader.checkForms(funds, forms, problems);
        List<Call> calls = new ArrayList<>();
        for (Path file : contentFiles()) {
            if (!file.getFileName().toString().endsWith(ContentFile.EXTENSION)) {
                problems.add(name(file) + ": the site reads only Markdown files ending in " + ContentFile.EXTENSION
                        + ", so this one would not be published; rename it, or move it out of content/");
                continue;
            }
            ContentFile content = ContentFile.read(file);
            if (!content.separated()) {
                problems.add(name(file) + ": no " + ContentFile.SEPARATOR + " line after the header, so the file cannot be read;"
                        + " put " + ContentFile.SEPARATOR + " on a line of its own between the header and the text");
            } else if (isInCallsFolder(file)) {
                checkCallsFolderType(content);
            }
            if ("call".equals(content.header("type"))) {
                readCall(content, funds).ifPresent(calls::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return new Catalogue(funds, calls, forms);
    }

    /** Every file under content/ but an editor's leftovers: each is either baked or a problem, never skipped silently. */
    private List<Path> contentFiles() {
        Path content = source.resolve("content");
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(Files::isRegularFile).filter(p -> !ContentFile.isEditorLeftover(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + content, e);
        }
    }

    // ---- funds -------------------------------------------------------------------------------

    private Object yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return loadYaml(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (YAMLException e) {
            problems.add(name(file) + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " "));
            return null;
        }
    }

    /**
     * The one place that names the YAML reader: the function's jar carries classes that read the
     * catalogue's JSON (Publisher among them) but no snakeyaml, and a class naming it fails there.
     */
    public static Object loadYaml(Reader reader) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }

    private List<Fund> readFunds(Path file) {
        List<Fund> funds = new ArrayList<>();
        Object list = yaml(file) instanceof Map<?, ?> root ? root.get("funds") : null;
        if (!(list instanceof List<?> entries)) {
            problems.add(name(file) + ": expected a list called 'funds'");
            return funds;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map) {
                readFund(name(file), map).ifPresent(funds::add);
            } else {
                problems.add(name(file) + ": each fund must be a set of fields");
            }
        }
        return funds;
    }

    private Optional<Fund> readFund(String file, Map<?, ?> fields) {
        String id = text(fields.get("id"));
        String where = file + " (fund " + (id == null ? "without an id" : id) + ")";
        int before = problems.size();
        for (String required : List.of("id", "name", "status", "summary", "awardText", "decisions", "retentionYears")) {
            if (text(fields.get(required)) == null) {
                problems.add(where + ": missing field '" + required + "'");
            }
        }
        FundStatus status = FundStatus.fromSlug(text(fields.get("status")));
        if (text(fields.get("status")) != null && status == null) {
            problems.add(where + ": status must be open, by-invitation, closed or ended");
        }
        List<PanelRound> rounds = panelRounds(where, fields.get("panelRounds"));
        if (status == FundStatus.OPEN && rounds.isEmpty()) {
            problems.add(where + ": an open fund needs 'panelRounds', so applicants know when they will hear");
        }
        Optional<BigDecimal> maxAward = Optional.ofNullable(text(fields.get("maxAward"))).map(v -> amount(where, "maxAward", v));
        Optional<LocalDate> endedOn = Optional.ofNullable(text(fields.get("endedOn"))).map(v -> date(where, "endedOn", v));
        if (status == FundStatus.ENDED && endedOn.isEmpty()) {
            problems.add(where + ": an ended fund needs 'endedOn', the date it ended");
        }
        Object who = fields.get("whoCanApply");
        List<String> whoCanApply = who instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        if (whoCanApply.isEmpty()) {
            problems.add(where + ": 'whoCanApply' must list at least one kind of applicant");
        }
        Optional<Endorsement> endorsement = EndorsementReader.read(where, fields.get("endorsement"), endorserDomains, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Fund(id, text(fields.get("name")), status, text(fields.get("summary")),
                maxAward, text(fields.get("awardText")), whoCanApply, text(fields.get("decisions")),
                endedOn, rounds, Integer.parseInt(text(fields.get("retentionYears"))), Optional.ofNullable(text(fields.get("payment"))),
                endorsement));
    }

    /** A fund's panel calendar: each round's id, application deadline (UK time) and decision date. */
    private List<PanelRound> panelRounds(String where, Object value) {
        List<PanelRound> rounds = new ArrayList<>();
        if (value == null) {
            return rounds;
        }
        if (!(value instanceof List<?> entries)) {
            problems.add(where + ": panelRounds must be a list of rounds");
            return rounds;
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> round)) {
                problems.add(where + ": each panel round needs 'id', 'deadline' and 'decisionsBy'");
                continue;
            }
            String id = text(round.get("id"));
            String at = where + " panel round " + id;
            if (id == null || !id.matches(ROUND_ID)) {
                problems.add(at + ": a round needs an 'id' of letters, digits and hyphens, like 2026-27-Q4");
                continue;
            }
            if (rounds.stream().anyMatch(r -> r.id().equals(id))) {
                problems.add(at + ": two rounds have this id");
            }
            LocalDateTime deadline = dateTime(at, "deadline", String.valueOf(round.get("deadline")));
            LocalDate decisionsBy = date(at, "decisionsBy", text(round.get("decisionsBy")));
            if (deadline != null && decisionsBy != null) {
                if (!decisionsBy.isAfter(deadline.toLocalDate())) {
                    problems.add(at + ": decisionsBy (" + decisionsBy + ") must be after the deadline (" + deadline.toLocalDate() + ")");
                }
                rounds.add(new PanelRound(id, deadline.atZone(Catalogue.UK), decisionsBy, Boolean.TRUE.equals(round.get("provisional"))));
            }
        }
        return rounds;
    }

    // ---- calls -------------------------------------------------------------------------------

    private boolean isInCallsFolder(Path file) {
        return file.startsWith(source.resolve("content").resolve(ContentFile.CALLS_FOLDER));
    }

    /** In the calls folder every file is a call but the list of calls, index.md: a mistyped type would drop the call unseen. */
    private void checkCallsFolderType(ContentFile content) {
        boolean index = content.path().getFileName().toString().equals("index" + ContentFile.EXTENSION);
        String wanted = index ? "calls" : "call";
        String type = content.header("type");
        if (!wanted.equals(type)) {
            problems.add(name(content.path()) + ": type must be '" + wanted + "'"
                    + (type == null ? ", and there is no type line" : ", not '" + type + "'")
                    + (index ? " (index.md is the list of calls)" : " (every file in content/calls/ is a call for bids)"));
        }
    }

    private Optional<Call> readCall(ContentFile content, List<Fund> funds) {
        String where = name(content.path());
        int before = problems.size();
        for (String field : CALL_FIELDS) {
            String value = content.header(field);
            if (value == null || value.isBlank()) {
                problems.add(where + ": missing field '" + field + "'");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String status = content.header("status");
        if (!status.equals("published") && !status.equals("draft")) {
            problems.add(where + ": status must be 'published' or 'draft', not '" + status + "'");
        }
        Optional<Fund> fund = funds.stream().filter(f -> f.id().equals(content.header("fund"))).findFirst();
        if (fund.isEmpty()) {
            problems.add(where + ": unknown fund '" + content.header("fund") + "'; use one of "
                    + funds.stream().map(Fund::id).toList());
        } else if (fund.get().hasEnded()) {
            problems.add(where + ": the " + fund.get().name() + " has ended, so it cannot have a new call");
        }
        LocalDateTime opens = dateTime(where, "opens", content.header("opens"));
        LocalDateTime closes = dateTime(where, "closes", content.header("closes"));
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            problems.add(where + ": closes (" + closes + ") must be after opens (" + opens + ")");
        }
        BigDecimal maxAward = amount(where, "maxAward", content.header("maxAward"));
        if (maxAward != null && fund.isPresent() && fund.get().maxAward().isPresent()
                && maxAward.compareTo(fund.get().maxAward().get()) > 0) {
            problems.add(where + ": maxAward " + Money.format(maxAward) + " is above the "
                    + fund.get().name() + "'s cap of " + Money.format(fund.get().maxAward().get()));
        }
        Optional<LocalDate> decisionsBy = Optional.ofNullable(content.header("decisionsBy")).map(v -> date(where, "decisionsBy", v));
        if (decisionsBy.isPresent() && decisionsBy.get() != null && closes != null && !decisionsBy.get().isAfter(closes.toLocalDate())) {
            problems.add(where + ": decisionsBy (" + decisionsBy.get() + ") must be after the call closes (" + closes.toLocalDate() + ")");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String id = content.path().getFileName().toString().replaceFirst("\\.md$", "");
        String uri = source.resolve("content").relativize(content.path()).toString()
                .replace('\\', '/').replaceFirst("\\.md$", ".html");
        return Optional.of(new Call(id, uri, content.header("title"), content.header("fund"),
                content.header("theme"), content.header("summary"),
                opens.atZone(Catalogue.UK), closes.atZone(Catalogue.UK), maxAward,
                content.isDraft(), content.path(), decisionsBy));
    }

    // ---- values ------------------------------------------------------------------------------

    private LocalDateTime dateTime(String where, String field, String value) {
        try {
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(where + ": " + field + " must be a UK date and time like 2027-01-29T17:00, not '" + value + "'");
            return null;
        }
    }

    private LocalDate date(String where, String field, String value) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            problems.add(where + ": " + field + " must be a date like 2027-04-30, not '" + value + "'");
            return null;
        }
    }

    private BigDecimal amount(String where, String field, String value) {
        return amount(problems, where, field, value);
    }

    /** An amount in pounds from the site's data; null, with the problem added, if it is not one. */
    public static BigDecimal amount(List<String> problems, String where, String field, String value) {
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() > 0 && amount.scale() <= 2) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // reported below, in the same words as any other bad amount
        }
        problems.add(where + ": " + field + " must be an amount in pounds like 2500, not '" + value + "'");
        return null;
    }

    private String name(Path file) {
        return source.relativize(file).toString().replace('\\', '/');
    }

    /** A YAML value as the text typed: null when absent or blank; an unquoted date as 2021-03-31. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date date) {
            // YAML reads an unquoted 2021-03-31 as a timestamp at midnight UTC.
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }
}
