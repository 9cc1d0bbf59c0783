package uk.opcc.funding.function.endorse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.opcc.funding.function.intake.Application;

/**
 * An application's endorsement as stored: each step asked so far, and the emails still to send.
 *
 * @param steps by step id, only those asked
 * @param due   the emails waiting to be sent, oldest step first
 */
public record EndorsementState(Application application, Map<String, Step> steps, List<EmailJob> due) {
    /** Where a step stands. */
    public enum Status {
        REQUESTED, REMINDED, SUPPORTED, DECLINED, EXPIRED;

        /** Still waiting for the endorser's answer. */
        public boolean open() {
            return this == REQUESTED || this == REMINDED;
        }

        public String stored() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status fromStored(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One step as stored.
     *
     * @param linkExpires when its links stop working, whatever its state
     * @param linkHashes  the SHA-256 of each link sent for it
     * @param statement   the endorser's statement (supported) or reason (declined)
     */
    public record Step(String stepId, Status status, Instant requestedAt, Instant linkExpires, Optional<Instant> remindedAt,
                       Optional<Instant> answeredAt, Optional<String> statement, Set<String> linkHashes) {
        public Step {
            linkHashes = Set.copyOf(linkHashes);
        }
    }

    public EndorsementState {
        steps = Map.copyOf(steps);
        due = List.copyOf(due);
    }

    public Optional<Step> step(String id) {
        return Optional.ofNullable(steps.get(id));
    }

    /** The prefix of a step's attributes on the stored application: {@code endorsementOfficer}. */
    public static String prefix(String stepId) {
        return "endorsement" + Character.toUpperCase(stepId.charAt(0)) + stepId.substring(1);
    }
}
