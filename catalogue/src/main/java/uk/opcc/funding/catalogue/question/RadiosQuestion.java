package uk.opcc.funding.catalogue.question;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.FormField;

/** One of the options. */
public record RadiosQuestion(List<FormField.Option> options) implements Question {
    static final String KIND = "radios";

    public RadiosQuestion {
        options = List.copyOf(options);
    }

    static RadiosQuestion from(Settings settings) {
        return new RadiosQuestion(settings.options(KIND));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> settings() {
        return Choices.settings(options);
    }

    @Override
    public Asked asked() {
        return Asked.AS_A_GROUP;
    }

    @Override
    public String requiredCode() {
        return "required.radios";
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        return Choices.allows(options, values.get(0)) ? Optional.empty() : Optional.of(Refusal.of("invalidOption"));
    }

    @Override
    public void draw(StringBuilder html, Drawing drawing) {
        Choices.draw(html, drawing, options, "radios", "radio");
    }

    @Override
    public List<String> show(FormField field, List<String> values) {
        return Choices.labels(options, values);
    }

    @Override
    public String cell(FormField field, List<String> values) {
        return String.join("; ", Choices.labels(options, values));
    }
}
