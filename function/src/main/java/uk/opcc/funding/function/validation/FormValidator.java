package uk.opcc.funding.function.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.opcc.funding.catalogue.EmailAddress;
import uk.opcc.funding.catalogue.FieldType;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.FormField;
import uk.opcc.funding.catalogue.FormHtml;
import uk.opcc.funding.catalogue.Money;

/**
 * Checks every answer against its question's rule and reports every problem at once. Pure: the
 * cap and today's date come in, so a fixed clock tests every boundary.
 */
public final class FormValidator {
    /** Outward code and inward code, once spaces are taken out: the inward code is always digit, letter, letter. */
    private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LINE_BREAK = Pattern.compile("\n");

    /**
     * Valid answers, tidied into one form each (trimmed; postcodes as CA11 7BS; amounts as 1850 or
     * 1850.50; UK telephone numbers as 07700900982), or the problems found.
     */
    public record Result(Map<String, List<String>> answers, List<Problem> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private FormValidator() {
    }

    /**
     * @param cap   the most that may be asked for (the call's, else the fund's); empty for no cap
     * @param today the applicant's today, in UK time
     */
    public static Result validate(FormDefinition form, Map<String, List<String>> submitted, Optional<BigDecimal> cap, LocalDate today) {
        Map<String, List<String>> answers = foldDateParts(form, submitted);
        List<Problem> problems = new ArrayList<>();
        for (String name : answers.keySet()) {
            if (form.field(name).isEmpty()) {
                problems.add(new Problem(safeName(name), "unknownField", Messages.get("unknownField", Map.of())));
            }
        }
        Map<String, List<String>> clean = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            List<Optional<String>> tidied = answers.getOrDefault(field.name(), List.of()).stream().map(AnswerText::tidy).toList();
            if (tidied.stream().anyMatch(Optional::isEmpty)) {
                problem(field, "invalidCharacters", Map.of()).ifPresent(problems::add);
                continue;
            }
            List<String> values = tidied.stream().map(Optional::get).map(String::strip).filter(v -> !v.isEmpty()).toList();
            Optional<Problem> problem = check(field, values, cap, today, clean);
            problem.ifPresentOrElse(problems::add, () -> {
                if (!values.isEmpty()) {
                    clean.put(field.name(), tidy(field, values));
                }
            });
        }
        checkDateOrder(form, clean, problems);
        return new Result(problems.isEmpty() ? clean : Map.of(), List.copyOf(problems));
    }

    private static Optional<Problem> check(FormField field, List<String> values, Optional<BigDecimal> cap,
                                           LocalDate today, Map<String, List<String>> clean) {
        if (values.isEmpty()) {
            return field.required() ? problem(field, requiredCode(field.type()), Map.of()) : Optional.empty();
        }
        if (field.type() != FieldType.CHECKBOXES && values.size() > 1) {
            return problem(field, "singleAnswer", Map.of());
        }
        String value = values.get(0);
        return switch (field.type()) {
            case TEXT, TEXTAREA -> text(field, value);
            case EMAIL -> EmailAddress.isPlausible(value) ? Optional.empty() : problem(field, "invalidEmail", Map.of());
            case PHONE -> PhoneNumber.normalise(value).isPresent() ? Optional.empty() : problem(field, "invalidPhone", Map.of());
            case POSTCODE -> postcode(value).isPresent() ? Optional.empty() : problem(field, "invalidPostcode", Map.of());
            case MONEY -> money(field, value, cap);
            case DATE -> date(field, value, today);
            case RADIOS -> field.allows(value) ? Optional.empty() : problem(field, "invalidOption", Map.of());
            case CHECKBOXES -> values.stream().allMatch(field::allows) ? Optional.empty() : problem(field, "invalidOption", Map.of());
            case DECLARATION -> value.equals("yes") || value.equals("true") ? Optional.empty() : problem(field, "required.declaration", Map.of());
        };
    }

    /** Any plain text is an answer, "<" and all: every page and email escapes it on the way out. */
    private static Optional<Problem> text(FormField field, String value) {
        if (field.type() == FieldType.TEXT && LINE_BREAK.matcher(value).find()) {
            return problem(field, "lineBreaks", Map.of());
        }
        if (value.codePointCount(0, value.length()) > field.maxLength()) {
            return problem(field, "tooLong", Map.of("max", String.valueOf(field.maxLength())));
        }
        return Optional.empty();
    }

    /** CA11 7BS however it was typed: "ca11 7bs", "CA117BS", "CA11  7BS". */
    private static Optional<String> postcode(String value) {
        var match = POSTCODE.matcher(value.replaceAll("\\s", "").toUpperCase(java.util.Locale.UK));
        return match.matches() ? Optional.of(match.group(1) + " " + match.group(2)) : Optional.empty();
    }

    private static Optional<Problem> money(FormField field, String value, Optional<BigDecimal> cap) {
        Optional<BigDecimal> parsed = Money.parse(value);
        if (parsed.isEmpty()) {
            return problem(field, "invalidAmount", Map.of());
        }
        BigDecimal amount = parsed.get();
        if (amount.signum() <= 0) {
            return problem(field, "amountTooSmall", Map.of());
        }
        if (cap.isPresent() && amount.compareTo(cap.get()) > 0) {
            return problem(field, "amountTooLarge", Map.of("cap", Money.format(cap.get())));
        }
        return Optional.empty();
    }

    private static Optional<Problem> date(FormField field, String value, LocalDate today) {
        LocalDate date;
        try {
            date = DATE.matcher(value).matches() ? LocalDate.parse(value) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            return problem(field, "invalidDate", Map.of());
        }
        if ("today".equals(field.notBefore()) && date.isBefore(today)) {
            return problem(field, "dateInPast", Map.of());
        }
        return Optional.empty();
    }

    /**
     * A form posted from the site sends a date as three boxes, name-day, name-month and
     * name-year; JSON callers may send name as 2027-03-01. Boxes become that one answer here:
     * a real date as YYYY-MM-DD, anything else as {@code parts:d/m/y}, which fails as not a date.
     */
    public static Map<String, List<String>> foldDateParts(FormDefinition form, Map<String, List<String>> submitted) {
        Map<String, List<String>> answers = new LinkedHashMap<>(submitted);
        for (FormField field : form.fields()) {
            if (field.type() != FieldType.DATE) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            boolean sent = false;
            for (String part : List.of("day", "month", "year")) {
                List<String> values = answers.remove(field.name() + "-" + part);
                sent |= values != null;
                parts.add(values == null || values.isEmpty() ? "" : values.get(0).strip());
            }
            if (!sent || parts.stream().allMatch(String::isEmpty)) {
                continue;
            }
            answers.put(field.name(), List.of(isoDate(parts).orElse(FormHtml.DATE_PARTS + String.join("/", parts))));
        }
        return answers;
    }

    private static Optional<String> isoDate(List<String> dayMonthYear) {
        if (!dayMonthYear.get(0).matches("\\d{1,2}") || !dayMonthYear.get(1).matches("\\d{1,2}") || !dayMonthYear.get(2).matches("\\d{4}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(dayMonthYear.get(2)), Integer.parseInt(dayMonthYear.get(1)),
                    Integer.parseInt(dayMonthYear.get(0))).toString());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** "End date must be after the start date": checked once both dates are valid. */
    private static void checkDateOrder(FormDefinition form, Map<String, List<String>> clean, List<Problem> problems) {
        for (FormField field : form.fields()) {
            if (field.after() == null || !clean.containsKey(field.name()) || !clean.containsKey(field.after())) {
                continue;
            }
            LocalDate date = LocalDate.parse(clean.get(field.name()).get(0));
            LocalDate other = LocalDate.parse(clean.get(field.after()).get(0));
            if (!date.isAfter(other)) {
                String otherName = form.field(field.after()).orElseThrow().errorName();
                problem(field, "dateNotAfter", Map.of("other", otherName)).ifPresent(problems::add);
            }
        }
    }

    private static List<String> tidy(FormField field, List<String> values) {
        return switch (field.type()) {
            case POSTCODE -> List.of(postcode(values.get(0)).orElseThrow());
            case PHONE -> List.of(PhoneNumber.normalise(values.get(0)).orElseThrow());
            case MONEY -> List.of(Money.plain(Money.parse(values.get(0)).orElseThrow()));
            case CHECKBOXES -> List.copyOf(new LinkedHashSet<>(values));
            case DECLARATION -> List.of("yes");
            default -> values;
        };
    }

    private static String requiredCode(FieldType type) {
        return switch (type) {
            case RADIOS -> "required.radios";
            case CHECKBOXES -> "required.checkboxes";
            case DECLARATION -> "required.declaration";
            default -> "required";
        };
    }

    private static Optional<Problem> problem(FormField field, String code, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("errorName", field.errorName());
        // "required.radios" words the message; the code callers see is plain "required".
        String publicCode = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
        return Optional.of(new Problem(field.name(), publicCode, Messages.get(code, all)));
    }

    /** Echo a field name back only if it is a plain name; anything else may be an attack. */
    static String safeName(String name) {
        return name.matches("[A-Za-z0-9_-]{1,64}") ? name : "unknown";
    }
}
