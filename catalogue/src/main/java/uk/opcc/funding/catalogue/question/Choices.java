package uk.opcc.funding.catalogue.question;

import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.FormField;
import uk.opcc.funding.catalogue.Html;

/** What radios and checkboxes share: their options, how they are drawn, and each choice shown as its words. */
final class Choices {
    private Choices() {
    }

    static boolean allows(List<FormField.Option> options, String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }

    static List<String> labels(List<FormField.Option> options, List<String> values) {
        return values.stream().map(v -> options.stream().filter(o -> o.value().equals(v)).map(FormField.Option::label).findFirst().orElse(v))
                .toList();
    }

    static Map<String, Object> settings(List<FormField.Option> options) {
        return Map.of("options", options.stream().map(o -> {
            Map<String, Object> option = new java.util.LinkedHashMap<>();
            option.put("value", o.value());
            option.put("label", o.label());
            return option;
        }).toList());
    }

    /** @param kind "radios" or "checkboxes": the class names, and the input type without its last letters */
    static void draw(StringBuilder html, Drawing d, List<FormField.Option> options, String kind, String inputType) {
        List<String> values = d.posted().values();
        html.append("<div class=\"").append(kind).append("\">\n");
        for (int i = 0; i < options.size(); i++) {
            FormField.Option option = options.get(i);
            // The first choice carries the question's own id, so the error summary's link lands on it.
            String optionId = i == 0 ? d.id() : d.id() + "-" + (i + 1);
            html.append("<div class=\"").append(kind).append("__item\"><input class=\"").append(kind).append("__input\" id=\"").append(optionId)
                    .append("\" name=\"").append(d.id()).append("\" type=\"").append(inputType)
                    .append("\" value=\"").append(Html.escape(option.value())).append("\"").append(values.contains(option.value()) ? " checked" : "")
                    .append("><label class=\"label ").append(kind).append("__label\" for=\"").append(optionId).append("\">")
                    .append(Html.escape(option.label())).append("</label></div>\n");
        }
        html.append("</div>\n");
    }
}
