package uk.opcc.funding.catalogue.question;

import java.util.List;

/** One of the options. */
public record RadiosQuestion(List<FormField.Option> options) implements ChoiceQuestion {
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
    public String markup() {
        return "radios";
    }

    @Override
    public String inputType() {
        return "radio";
    }

    @Override
    public String requiredCode() {
        return "required.radios";
    }
}
