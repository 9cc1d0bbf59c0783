package uk.opcc.funding.catalogue;

import java.util.List;

/**
 * One question on a form.
 *
 * @param errorName how messages name the answer: "Enter the project start date"
 * @param maxLength for text answers: the most characters accepted
 * @param notBefore for dates: "today" when the date may not be in the past; null otherwise
 * @param after     for dates: the name of a date field this one must come after; null otherwise
 */
public record FormField(
        String name,
        FieldType type,
        String label,
        String hint,
        String errorName,
        boolean required,
        int maxLength,
        List<Option> options,
        String notBefore,
        String after) {

    public FormField {
        options = List.copyOf(options);
    }

    /** One choice of a radios or checkboxes question: the value sent, the label shown. */
    public record Option(String value, String label) {
    }

    public boolean allows(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }

    public String labelOf(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }
}
