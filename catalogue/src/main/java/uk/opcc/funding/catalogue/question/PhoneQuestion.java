package uk.opcc.funding.catalogue.question;

import java.util.List;
import java.util.Optional;

/** A telephone number that can be dialled, stored in one plain form (see {@link PhoneNumber}). */
public record PhoneQuestion() implements Question {
    static final String KIND = "phone";

    @Override
    public String kind() {
        return KIND;
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
    public void draw(StringBuilder html, Drawing drawing) {
        html.append(drawing.input("tel", "", "input--width-20")).append('\n');
    }
}
