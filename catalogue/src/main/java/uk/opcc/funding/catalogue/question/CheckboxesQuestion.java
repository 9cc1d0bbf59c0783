package uk.opcc.funding.catalogue.question;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.FormField;

/** At least one of the options (or none, where optional); each chosen once. */
public record CheckboxesQuestion(List<FormField.Option> options) implements Question {
    static final String KIND = "checkboxes";

    public CheckboxesQuestion {
        options = List.copyOf(options);
    }

    static CheckboxesQuestion from(Settings settings) {
        return new CheckboxesQuestion(settings.options(KIND));
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
    public boolean manyAnswers() {
        return true;
    }

    @Override
    public String requiredCode() {
        return "required.checkboxes";
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        return values.stream().allMatch(v -> Choices.allows(options, v)) ? Optional.empty() : Optional.of(Refusal.of("invalidOption"));
    }

    @Override
    public List<String> tidy(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    @Override
    public void draw(StringBuilder html, Drawing drawing) {
        Choices.draw(html, drawing, options, "checkboxes", "checkbox");
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
