package uk.opcc.funding.function.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.notify.Recipient;

/** Where applications are kept, and their notification state. */
public interface ApplicationStore {

    /** What happened to a save: stored now, or the same submission was stored before. */
    record Saved(String reference, Instant receivedAt, boolean replay) {
    }

    /**
     * Stores the application unless a submission with the same key is already stored, in one
     * atomic step, so concurrent replays make one application.
     *
     * @throws ReferenceTakenException     when the application's reference is already used
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    Saved save(Application application, IdempotencyKey key, Instant now);

    /** What a claim on one email found. */
    sealed interface Claim {
        /** Ours until {@code leaseUntil}: send it, then mark it sent or release it. */
        record Granted(Application application) implements Claim {
        }

        /** Nothing to send: sent already, no address to send to, or no such application. */
        record Done() implements Claim {
        }

        /** Another attempt holds it until {@code until}; after that it may be taken over. */
        record Held(Instant until) implements Claim {
        }
    }

    /**
     * Takes the right to send one of an application's emails: granted when it is waiting to be
     * sent, or when an earlier holder's lease ran out (that holder crashed or timed out).
     *
     * @param leaseUntil when the claim lapses if it is neither marked sent nor released
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    Claim claimEmail(String reference, Recipient recipient, Instant now, Instant leaseUntil);

    /** Records that the email was sent: no claim is granted on it again. */
    void markEmailed(String reference, Recipient recipient, String messageId, Instant at);

    /**
     * Gives the claim back after the email failed, so a retry can send it; only the claim taken
     * with {@code leaseUntil}, so a holder whose lease lapsed cannot free someone else's.
     */
    void releaseEmail(String reference, Recipient recipient, Instant leaseUntil, String reason);

    /** An application with an email not sent, and the state of each of its emails. */
    record Unsent(String reference, Instant receivedAt, Map<Recipient, EmailState> emails) {
    }

    /** One email's state as stored: pending, sending (until {@code leaseUntil}), sent or none; its attempts and last error. */
    record EmailState(String state, Instant leaseUntil, int attempts, String lastError) {
        @Override
        public String toString() {
            return state + (leaseUntil == null ? "" : " until " + leaseUntil) + (attempts == 0 ? "" : ", " + attempts + " attempt(s)")
                    + (lastError == null ? "" : ", last error " + lastError);
        }
    }

    /**
     * Every application with an email not sent (waiting, failed, or claimed by an attempt that
     * may have died), oldest first: a query on the sparse needs-email index, never a scan.
     *
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    List<Unsent> unsent();

    /** Takes the application off the needs-email index once every one of its emails is sent (or has none to send). */
    void forgetIfAllSent(String reference);

    /**
     * Every application stored for one fund's panel round (as {@code Application.panelRound}),
     * earliest received first.
     *
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    List<Application> applicationsInRound(String fundId, String roundId);
}
