package uk.opcc.funding.function.intake;

import java.time.Instant;
import java.util.List;
import uk.opcc.funding.function.validation.Problem;

/** What became of a submission; the handler turns each into a response. */
public sealed interface Outcome {

    /** Stored (or stored before, for a replay): the applicant gets the reference. {@code callId} is null for a general application. */
    record Accepted(String formId, String callId, String reference, Instant receivedAt) implements Outcome {
    }

    /** A bot filled the honeypot: it is told what a person would be told, and nothing is kept. */
    record Ignored(String formId, String callId, String reference, Instant receivedAt) implements Outcome {
    }

    record Invalid(String formId, List<Problem> problems) implements Outcome {
    }

    /**
     * Moving between the form's pages without JavaScript: nothing stored. Show page {@code show}
     * (a section or the check page) with {@code problems}, its Continue button going to {@code then}.
     */
    record Moved(String formId, String show, String then, List<Problem> problems) implements Outcome {
    }

    record UnknownForm(String formId) implements Outcome {
    }

    /** The form's fund, or the call answered, is not taking applications now. */
    record NotOpen(String formId, String reason) implements Outcome {
    }
}
