package uk.opcc.funding.function.endorse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The endorsement's port: each step's state on the stored application, changed only by conditional
 * writes (so a link used twice, or two tabs sending at once, records one answer), and its emails
 * claimed with a lease like every other email.
 *
 * <p>Every method throws {@link uk.opcc.funding.function.intake.StorageUnavailableException} when the
 * store cannot be reached or refuses.
 */
public interface EndorsementRecords {

    /** The application with its endorsement, or empty when there is no such application. */
    Optional<EndorsementState> find(String reference);

    /**
     * Asks the first step: requested now, its links good until {@code linkExpires}, its request email
     * due. Nothing when the endorsement has already started.
     *
     * @return whether this call started it
     */
    boolean start(String reference, String stepId, Instant now, Instant linkExpires);

    /**
     * An endorser's answer, recorded only while their step waits for one, its links are in date and
     * {@code linkHash} is one of them; with the emails it makes due, and the next step asked.
     *
     * @param next the step asked next and its links' expiry, when the answer is support and there is one
     * @return whether it was recorded: false when the step was answered, expired or the link is not its
     */
    boolean answer(String reference, String stepId, String linkHash, boolean supported, String statement, Instant now,
            List<EmailJob> due, Optional<Next> next);

    /** The step asked after one that supports. */
    record Next(String stepId, Instant linkExpires) {
    }

    /** Every application of one fund's round, each with its steps as stored: one query, page by page. */
    List<EndorsementState> inRound(String fundId, String roundId);

    /** Marks a waiting step reminded, its reminder due: only once, and only while it waits. */
    boolean remind(String reference, String stepId, Instant now);

    /** Marks a waiting step whose links have expired as expired, staff's and the applicant's notes due. */
    boolean expire(String reference, String stepId, Instant now);

    /** What a claim on one email found. */
    sealed interface Claim {
        /** Ours until the lease: send it, then mark it sent or give it back. */
        record Granted(EndorsementState state) implements Claim {
        }

        /** Sent already, or never to be sent. */
        record Done() implements Claim {
        }

        /** Another attempt holds it. */
        record Held(Instant until) implements Claim {
        }
    }

    Claim claim(String reference, EmailJob job, Instant now, Instant leaseUntil);

    /** Adds the hash of the link this email carries to its step's, while the claim taken with {@code leaseUntil} holds: false if it no longer does. */
    boolean addLink(String reference, EmailJob job, String linkHash, Instant leaseUntil);

    void markSent(String reference, EmailJob job, String messageId, Instant at);

    /** Final, like sent: the address had the day's most already ({@code held}), or SES refused it for good ({@code refused}). */
    void markNotSent(String reference, EmailJob job, Instant leaseUntil, String state, String reason);

    void release(String reference, EmailJob job, Instant leaseUntil, String reason);

    /**
     * The day's cap on emails to one address (the same count as the application's other emails), counted
     * once for this email however often it is asked.
     *
     * @return whether the email is within the cap
     */
    boolean countEmailToAddress(String reference, EmailJob job, String addressKey, LocalDate day, int cap);
}
