package uk.opcc.funding.function.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.StorageUnavailableException;

/**
 * The outcome emails' port: the decision recorded on each application, its outcome email claimed
 * with a lease so it is sent once, and one staff summary per decision, claimed the same way.
 * Every method may throw {@link StorageUnavailableException} when the store cannot be reached.
 */
public interface OutcomeRecords {

    /**
     * What was decided for one application, as the application's item keeps it.
     *
     * @param decision      {@code award} or {@code decline}
     * @param amountAwarded the award's amount in pounds; empty for a decline
     */
    record Decided(String fundId, String roundId, String decision, Optional<BigDecimal> amountAwarded, LocalDate decidedAt) {
    }

    /** What a claim on one application's outcome email found. */
    sealed interface Claim {
        /** Ours until the lease: send it, then mark it sent or not sent, or give it back. */
        record Granted(Application application) implements Claim {
        }

        /** Finished before: {@code sent}, or not sent for good ({@code refused}, {@code none}). */
        record Done(String state) implements Claim {
        }

        /** Another attempt holds it until {@code until}; after that it may be taken over. */
        record Held(Instant until) implements Claim {
        }

        /** The table holds no application with this reference (a mistyped reference, or one past its retention). */
        record NotInTable() implements Claim {
        }

        /** The table holds it, but for another fund or round than the decision's: never ours to tell. */
        record OtherRound(String fundId, String roundId) implements Claim {
        }
    }

    /**
     * Records the decision on the application, the first time only, and claims its outcome email:
     * granted when it is waiting, or when an earlier holder's lease ran out. Nothing is written for
     * a reference the table does not hold, or holds for another fund or round.
     */
    Claim claim(String reference, Decided decided, Instant now, Instant leaseUntil);

    /** The email went: no claim is granted on it again. */
    void markSent(String reference, String messageId, Instant at);

    /** From the claim taken with {@code leaseUntil}: the email will never be sent, and why ({@code refused}, {@code none}). */
    void markNotSent(String reference, Instant leaseUntil, String state, String reason);

    /** Gives the claim taken with {@code leaseUntil} back after a failure, so a retry sends it. */
    void release(String reference, Instant leaseUntil, String reason);

    /** What a claim on a decision's staff summary found. */
    enum SummaryClaim { GRANTED, SENT, HELD }

    /**
     * @param decisionKey names the decision as it stands ({@link OutcomeService#decisionKey}): a
     *                    corrected decision is a new one, with a summary (and emails) of its own
     */
    SummaryClaim claimSummary(String decisionKey, Instant now, Instant leaseUntil);

    /** Whether the decision's summary went: then every email in it was settled, and nothing is left to do. */
    boolean summarySent(String decisionKey);

    void markSummarySent(String decisionKey, String messageId, Instant at);

    void releaseSummary(String decisionKey, Instant leaseUntil, String reason);
}
