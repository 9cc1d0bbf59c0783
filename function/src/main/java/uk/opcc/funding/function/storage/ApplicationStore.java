package uk.opcc.funding.function.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.intake.SameOrganisation;
import uk.opcc.funding.function.notify.Recipient;

/** Where applications are kept, and their notification state. */
public interface ApplicationStore {

    /** What happened to a save: stored now, or the same submission was stored before. */
    record Saved(String reference, Instant receivedAt, boolean replay) {
    }

    /**
     * Stores the application unless a submission with the same key is already stored, in one
     * atomic step, so concurrent replays make one application. In the same step the application
     * is filed under each of its {@link SameOrganisation#keys} in its fund's round, so finding
     * earlier ones from the same organisation is a keyed read ({@link #sameOrganisation}).
     *
     * @param form the form it answers, whose roles say which answers are the organisation and the applicant's address
     * @throws ReferenceTakenException     when the application's reference is already used
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    Saved save(Application application, FormDefinition form, IdempotencyKey key, Instant now);

    /** What a claim on one email found. */
    sealed interface Claim {
        /**
         * Ours until {@code leaseUntil}: send it, then mark it sent or release it.
         *
         * @param capDecisions what the daily cap already decided for the application's emails
         *                     ({@link #countEmailToAddress}), as the claim read them: no second read needed
         */
        record Granted(Application application, Map<Recipient, CapDecision> capDecisions) implements Claim {
            public Granted {
                capDecisions = Map.copyOf(capDecisions);
            }

            public Granted(Application application) {
                this(application, Map.of());
            }
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

    /** Why an email will never be sent. */
    enum NotSent {
        /** Its address has had the day's most already (see {@link #countEmailToAddress}). */
        HELD_BACK("held"),
        /** The mail service refused the address for good: sending again would fail again. */
        REFUSED("refused");

        /** The email's state as stored. */
        public final String state;

        NotSent(String state) {
            this.state = state;
        }
    }

    /**
     * Records, from the claim taken with {@code leaseUntil}, that the email will not be sent, and
     * why. Final, like sent: no claim is granted on it again, and the resend does not list it.
     */
    void markEmailNotSent(String reference, Recipient recipient, Instant leaseUntil, NotSent why, String reason);

    /** What the day's cap on emails to one address decided for one application's email. */
    enum CapDecision { WITHIN_CAP, HELD_BACK }

    /**
     * Counts one application's email to an address against the number of emails that address may
     * get in a day, once per application however often it is asked: the first ask decides, and
     * every later one (a retry, the staff email asking on the applicant's behalf) gets that answer.
     *
     * @param addressKey a digest of the address, never the address itself
     * @param day        the day (UK time) the count is for
     * @param cap        the most emails one address may get that day
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    CapDecision countEmailToAddress(String reference, Recipient recipient, String addressKey, LocalDate day, int cap);

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
     * The lists that {@code keys} name in one fund's round, as {@link #save} filed them: one keyed
     * read a key, whatever the size of the round.
     *
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    List<SameOrganisation.Listed> sameOrganisation(String fundId, String roundId, List<String> keys);

    /**
     * Every application stored for one fund's panel round (as {@code Application.panelRound}),
     * earliest received first.
     *
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    List<Application> applicationsInRound(String fundId, String roundId);
}
