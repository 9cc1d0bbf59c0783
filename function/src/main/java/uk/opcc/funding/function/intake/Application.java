package uk.opcc.funding.function.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.Role;

/**
 * An application as stored: every answer, and what staff need to act on it.
 *
 * @param callId    the targeted call it answers, or null
 * @param panelRound the id of the panel round that will consider it (see the fund's panelRounds
 *                  in funds.yml), or {@link #UNSCHEDULED} when the calendar had no round for it yet
 * @param expiresAt epoch seconds after which the store deletes it (the fund's retention)
 */
public record Application(
        String reference,
        String formId,
        String fundId,
        String callId,
        String panelRound,
        Instant receivedAt,
        Map<String, List<String>> answers,
        long expiresAt) {

    public static final String UNSCHEDULED = "unscheduled";

    public Application {
        answers = Map.copyOf(answers);
    }

    /** The answer to {@code form}'s question with this role, if it was answered: answers are stored under each question's name. */
    public Optional<String> answerTo(FormDefinition form, Role role) {
        return form.answerTo(role, answers);
    }

    /** The (first) answer to the question named so, if it was answered. */
    public Optional<String> answer(String question) {
        List<String> values = answers.get(question);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The address the applicant gave, where their confirmation goes (every form has a contactEmail question). */
    public Optional<String> applicantEmail(FormDefinition form) {
        return answerTo(form, Role.CONTACT_EMAIL);
    }
}
