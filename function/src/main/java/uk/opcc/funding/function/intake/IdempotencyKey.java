package uk.opcc.funding.function.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two submissions "the same": the browser's submissionId when it sends one,
 * otherwise the same answers to the same form (and call) within a day.
 */
public record IdempotencyKey(String value, Duration remembered) {

    /** A browser retrying with its submissionId is the same submission for as long as we could see a retry. */
    static final Duration SUBMISSION_ID_WINDOW = Duration.ofDays(7);
    /** Without an id, identical answers count as a double submission for 24 hours (ARCHITECTURE). */
    static final Duration SAME_ANSWERS_WINDOW = Duration.ofHours(24);

    public static IdempotencyKey of(String formId, String callId, String submissionId, Map<String, List<String>> answers) {
        if (submissionId != null) {
            return new IdempotencyKey("id#" + formId + "#" + submissionId, SUBMISSION_ID_WINDOW);
        }
        StringBuilder canonical = new StringBuilder(formId).append('\u001e').append(callId == null ? "" : callId);
        for (Map.Entry<String, List<String>> answer : new TreeMap<>(answers).entrySet()) {
            canonical.append('\u001e').append(answer.getKey());
            answer.getValue().forEach(v -> canonical.append('\u001f').append(v));
        }
        return new IdempotencyKey("answers#" + Sha256.hex(canonical.toString()), SAME_ANSWERS_WINDOW);
    }
}
