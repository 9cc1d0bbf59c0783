package uk.opcc.funding.catalogue.question;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.text.Html;

/** What radios and checkboxes share: their options, asked as a group, drawn alike, each choice shown and written as its words. */
public sealed interface ChoiceQuestion extends Question permits RadiosQuestion, CheckboxesQuestion {
    List<FormField.Option> options();

    /** The class names of its markup ("radios", "checkboxes") and its inputs' type ("radio", "checkbox"). */
    String markup();

    String inputType();

    default boolean allows(String value) {
        return options().stream().anyMatch(o -> o.value().equals(value));
    }

    @Override
    default Map<String, Object> settings() {
        return Map.of("options", options().stream().map(o -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", o.value());
            option.put("label", o.label());
            return option;
        }).toList());
    }

    @Override
    default Asked asked() {
        return Asked.AS_A_GROUP;
    }

    @Override
    default Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        return values.stream().allMatch(this::allows) ? Optional.empty() : Optional.of(Refusal.of("invalidOption"));
    }

    @Override
    default void draw(StringBuilder html, Drawing d) {
        List<String> values = d.posted().values();
        html.append("<div class=\"").append(markup()).append("\">\n");
        for (int i = 0; i < options().size(); i++) {
            FormField.Option option = options().get(i);
            // The first choice carries the question's own id, so the error summary's link lands on it.
            String optionId = i == 0 ? d.id() : d.id() + "-" + (i + 1);
            html.append("<div class=\"").append(markup()).append("__item\"><input class=\"").append(markup()).append("__input\" id=\"")
                    .append(optionId).append("\" name=\"").append(d.id()).append("\" type=\"").append(inputType())
                    .append("\" value=\"").append(Html.escape(option.value())).append("\"").append(values.contains(option.value()) ? " checked" : "")
                    .append("><label class=\"label ").append(markup()).append("__label\" for=\"").append(optionId).append("\">")
                    .append(Html.escape(option.label())).append("</label></div>\n");
        }
        html.append("</div>\n");
    }

    /** Each choice as its words; a value no longer among the options as it was stored. */
    @Override
    default List<String> show(FormField field, List<String> values) {
        return values.stream().map(v -> options().stream().filter(o -> o.value().equals(v)).map(FormField.Option::label).findFirst().orElse(v))
                .toList();
    }

    @Override
    default String cell(FormField field, List<String> values) {
        return String.join("; ", show(field, values));
    }
}
