package uk.opcc.funding.function.intake;

import java.util.List;
import java.util.Map;

/**
 * What arrived from the applicant: the answers, and the fields that are about the submission
 * rather than answers (the call it answers, the browser's submission id, the honeypot).
 */
public record Submission(String formId, Map<String, List<String>> fields) {

    /** A field hidden from people; only bots fill it in. */
    public static final String HONEYPOT = "website";
    public static final String CALL = "call";
    public static final String SUBMISSION_ID = "submissionId";

    public Submission {
        fields = Map.copyOf(fields);
    }

    String single(String name) {
        List<String> values = fields.getOrDefault(name, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    /** The answers alone, without the fields about the submission. */
    Map<String, List<String>> answers() {
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>(fields);
        answers.keySet().removeAll(List.of(HONEYPOT, CALL, SUBMISSION_ID));
        return answers;
    }
}
