package uk.opcc.funding.catalogue.question;

import java.util.Map;

/**
 * Why an answer cannot be taken: a code from {@code messages.properties} and the values its
 * message needs besides the question's errorName.
 */
public record Refusal(String code, Map<String, String> values) {
    public Refusal {
        values = Map.copyOf(values);
    }

    public static Refusal of(String code) {
        return new Refusal(code, Map.of());
    }
}
