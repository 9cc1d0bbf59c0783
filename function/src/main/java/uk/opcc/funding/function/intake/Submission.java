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
    /** Which page of the form the post came from, and (on the buttons) which page to go to. */
    public static final String SECTION = uk.opcc.funding.catalogue.FormHtml.SECTION;
    public static final String GO = uk.opcc.funding.catalogue.FormHtml.GO;

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
        answers.keySet().removeAll(List.of(HONEYPOT, CALL, SUBMISSION_ID, SECTION, GO));
        return answers;
    }
}
