package uk.opcc.funding.catalogue.question;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import uk.opcc.funding.catalogue.text.Wording;

/**
 * forms.yml's {@code number}: a whole number, such as how many people will benefit, between
 * {@code min} and {@code max} where forms.yml sets them. "1,200" and " 1200 " are both 1200, stored so.
 */
public record WholeNumberQuestion(Integer min, Integer max) implements Question {
    static final String KIND = "number";
    /** With or without thousands commas in the right places; a minus sign, for a question whose min allows one. */
    private static final Pattern TYPED = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d{1,9})");

    static WholeNumberQuestion from(Settings settings) {
        Integer min = settings.integer("min");
        Integer max = settings.integer("max");
        if (min != null && max != null && min > max) {
            settings.problem("min must not be more than max");
        }
        return new WholeNumberQuestion(min, max);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("min", min);
        settings.put("max", max);
        return settings;
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        Optional<BigInteger> number = number(values.get(0));
        if (number.isEmpty()) {
            return Optional.of(Refusal.of("invalidWholeNumber"));
        }
        if (min != null && number.get().compareTo(BigInteger.valueOf(min)) < 0) {
            return Optional.of(new Refusal("numberTooSmall", Map.of("min", String.valueOf(min))));
        }
        if (max != null && number.get().compareTo(BigInteger.valueOf(max)) > 0) {
            return Optional.of(new Refusal("numberTooLarge", Map.of("max", String.valueOf(max))));
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> limit(Optional<BigDecimal> cap, Function<String, String> nameOf) {
        if (min != null && max != null) {
            return Optional.of("a whole number from " + Wording.number(min) + " to " + Wording.number(max));
        }
        return Optional.of("a whole number" + (min != null ? ", " + Wording.number(min) + " or more" : "")
                + (max != null ? ", " + Wording.number(max) + " or fewer" : ""));
    }

    private static Optional<BigInteger> number(String typed) {
        String value = typed.strip();
        return TYPED.matcher(value).matches() ? Optional.of(new BigInteger(value.replace(",", ""))) : Optional.empty();
    }

    @Override
    public List<String> tidy(List<String> values) {
        return List.of(number(values.get(0)).orElseThrow().toString());
    }

    @Override
    public void draw(StringBuilder html, Drawing drawing) {
        html.append(drawing.input("text", " inputmode=\"numeric\" spellcheck=\"false\"", "input--width-10")).append('\n');
    }

    /** 1,200: as people read a number. */
    @Override
    public List<String> show(FormField field, List<String> values) {
        return List.of(number(values.get(0)).map(n -> Wording.number(n.longValueExact())).orElse(values.get(0)));
    }
}
