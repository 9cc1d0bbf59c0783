package uk.opcc.funding.catalogue.question;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.catalogue.text.Wording;

/**
 * A real date, posted by the site as GOV.UK's three boxes (name-day, name-month, name-year) or by
 * JSON callers as YYYY-MM-DD; stored as YYYY-MM-DD. As GOV.UK's date pattern asks, the month box
 * also takes the month's name or its first three letters, in any case ("March", "mar", "MAR").
 *
 * @param notBefore "today" when the date may not be in the past; null otherwise
 * @param after     the name of a date question in the same section this one must come after; null otherwise
 */
public record DateQuestion(String notBefore, String after) implements Question {
    static final String KIND = "date";
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final List<String> BOXES = List.of("day", "month", "year");

    static DateQuestion from(Settings settings) {
        String notBefore = settings.text("notBefore");
        if (notBefore != null && !notBefore.equals("today")) {
            settings.problem("notBefore can only be 'today'");
        }
        return new DateQuestion(notBefore, settings.text("after"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("notBefore", notBefore);
        settings.put("after", after);
        return settings;
    }

    @Override
    public Asked asked() {
        return Asked.AS_A_GROUP;
    }

    @Override
    public Set<String> postedNames(String name) {
        return Set.of(name, name + "-day", name + "-month", name + "-year");
    }

    /** The three boxes folded into one answer: a real date as YYYY-MM-DD, anything else kept as its parts. */
    @Override
    public Posted read(String name, Map<String, List<String>> post) {
        List<String> parts = new ArrayList<>();
        boolean sent = false;
        for (String box : BOXES) {
            List<String> values = post.get(name + "-" + box);
            sent |= values != null;
            parts.add(values == null || values.isEmpty() ? "" : values.get(0).strip());
        }
        if (!sent || parts.stream().allMatch(String::isEmpty)) {
            return new Posted.Values(post.getOrDefault(name, List.of()));
        }
        return date(parts).<Posted>map(d -> new Posted.Values(List.of(d.toString())))
                .orElse(new Posted.DateParts(parts.get(0), parts.get(1), parts.get(2)));
    }

    private static Optional<LocalDate> date(List<String> dayMonthYear) {
        Optional<Integer> month = month(dayMonthYear.get(1));
        if (!dayMonthYear.get(0).matches("\\d{1,2}") || month.isEmpty() || !dayMonthYear.get(2).matches("\\d{4}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(dayMonthYear.get(2)), month.get(), Integer.parseInt(dayMonthYear.get(0))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The month a box names: 1 to 12 as digits, or the month in English, whole or its first three
     * letters, and "Sept", as British English also shortens it.
     */
    private static Optional<Integer> month(String typed) {
        if (typed.matches("\\d{1,2}")) {
            return Optional.of(Integer.parseInt(typed));
        }
        if (typed.equalsIgnoreCase("sept")) {
            return Optional.of(Month.SEPTEMBER.getValue());
        }
        for (Month month : Month.values()) {
            String name = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (typed.equalsIgnoreCase(name) || typed.equalsIgnoreCase(name.substring(0, 3))) {
                return Optional.of(month.getValue());
            }
        }
        return Optional.empty();
    }

    /** "today or later", "after the start date", or both; the order of two dates is checked by FormValidator, from {@link #after}. */
    @Override
    public Optional<String> limit(Optional<BigDecimal> cap, Function<String, String> nameOf) {
        List<String> limits = new ArrayList<>();
        if ("today".equals(notBefore)) {
            limits.add("today or later");
        }
        if (after != null) {
            limits.add("after " + nameOf.apply(after));
        }
        return limits.isEmpty() ? Optional.empty() : Optional.of(String.join(", and ", limits));
    }

    /** The date a stored or posted YYYY-MM-DD answer names; empty for anything else. */
    public static Optional<LocalDate> date(String value) {
        try {
            return ISO.matcher(value).matches() ? Optional.of(LocalDate.parse(value)) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        Optional<LocalDate> date = date(values.get(0));
        if (date.isEmpty()) {
            return Optional.of(Refusal.of("invalidDate"));
        }
        if ("today".equals(notBefore) && date.get().isBefore(checking.today())) {
            return Optional.of(Refusal.of("dateInPast"));
        }
        return Optional.empty();
    }

    /**
     * GOV.UK's date input. The day box carries the question's id, so the error summary's link lands on it.
     */
    @Override
    public void draw(StringBuilder html, Drawing d) {
        String[] parts = {"", "", ""};
        if (d.posted() instanceof Posted.DateParts typed) {
            parts = new String[] {typed.day(), typed.month(), typed.year()};
        } else if (ISO.matcher(d.value()).matches()) {
            String value = d.value();
            parts = new String[] {String.valueOf(Integer.parseInt(value.substring(8))), String.valueOf(Integer.parseInt(value.substring(5, 7))), value.substring(0, 4)};
        }
        String[][] boxes = {{"day", "Day", "2"}, {"month", "Month", "2"}, {"year", "Year", "4"}};
        html.append("<div class=\"date-input\">\n");
        for (int i = 0; i < 3; i++) {
            String id = i == 0 ? d.id() : d.id() + "-" + boxes[i][0];
            html.append("<div class=\"date-input__item\"><label class=\"label date-input__label\" for=\"").append(id).append("\">")
                    .append(boxes[i][1]).append("</label><input class=\"input date-input__input date-input__input--").append(boxes[i][2])
                    .append(d.error() ? " input--error" : "").append("\" id=\"").append(id).append("\" name=\"").append(d.id()).append("-")
                    .append(boxes[i][0]).append("\" type=\"text\" inputmode=\"numeric\" value=\"").append(Html.escape(parts[i]))
                    .append("\"></div>\n");
        }
        html.append("</div>\n");
    }

    @Override
    public List<String> show(FormField field, List<String> values) {
        return List.of(date(values.get(0)).map(Wording::day).orElse(values.get(0)));
    }
}
