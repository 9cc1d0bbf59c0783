package uk.opcc.funding.catalogue.question;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A telephone number that can be dialled, stored in one plain form (see {@link PhoneNumber}) and
 * shown to people, on the check page, in emails and in the panel pack, spaced as they read it.
 */
public record PhoneQuestion() implements Question {
    static final String KIND = "phone";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<String> limit(Optional<BigDecimal> cap, Function<String, String> nameOf) {
        return Optional.of("a full number with its area code, or + and the country code");
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        return PhoneNumber.normalise(values.get(0)).isPresent() ? Optional.empty() : Optional.of(Refusal.of("invalidPhone"));
    }

    @Override
    public List<String> tidy(List<String> values) {
        return List.of(PhoneNumber.normalise(values.get(0)).orElseThrow());
    }

    @Override
    public List<String> show(FormField field, List<String> values) {
        return List.of(PhoneNumber.spaced(values.get(0)));
    }

    /** Spaced in the pack's CSV too: a spreadsheet would read 07700900982 as a number and drop its 0. */
    @Override
    public String cell(FormField field, List<String> values) {
        return PhoneNumber.spaced(values.get(0));
    }

    @Override
    public void draw(StringBuilder html, Drawing drawing) {
        html.append(drawing.input("tel", "", "input--width-20")).append('\n');
    }
}
