package uk.opcc.funding.catalogue.question;

import java.util.LinkedHashSet;
import java.util.List;

/** At least one of the options (or none, where optional); each chosen once. */
public record CheckboxesQuestion(List<FormField.Option> options) implements ChoiceQuestion {
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
    public String markup() {
        return "checkboxes";
    }

    @Override
    public String inputType() {
        return "checkbox";
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
    public List<String> tidy(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
