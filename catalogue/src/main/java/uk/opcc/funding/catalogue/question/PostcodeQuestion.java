package uk.opcc.funding.catalogue.question;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A UK postcode, stored as CA11 7BS however it was typed: "ca11 7bs", "CA117BS", "CA11  7BS". */
public record PostcodeQuestion() implements Question {
    static final String KIND = "postcode";
    /** Outward code and inward code, once spaces are taken out: the inward code is always digit, letter, letter. */
    private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<String> limit(Optional<BigDecimal> cap, Function<String, String> nameOf) {
        return Optional.of("a UK postcode");
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        return postcode(values.get(0)).isPresent() ? Optional.empty() : Optional.of(Refusal.of("invalidPostcode"));
    }

    @Override
    public List<String> tidy(List<String> values) {
        return List.of(postcode(values.get(0)).orElseThrow());
    }

    private static Optional<String> postcode(String value) {
        Matcher match = POSTCODE.matcher(value.replaceAll("\\s", "").toUpperCase(Locale.UK));
        return match.matches() ? Optional.of(match.group(1) + " " + match.group(2)) : Optional.empty();
    }

    @Override
    public void draw(StringBuilder html, Drawing drawing) {
        html.append(drawing.input("text", " spellcheck=\"false\"", "input--width-10")).append('\n');
    }
}
