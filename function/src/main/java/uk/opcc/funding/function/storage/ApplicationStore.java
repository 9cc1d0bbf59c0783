package uk.opcc.funding.function.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;

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

    /**
     * Takes the right to email staff about an application: granted once, unless an earlier
     * holder let it go after a failure or its lease ran out.
     *
     * @return the application, or empty when staff were already emailed or another attempt holds it
     */
    Optional<Application> claimForNotification(String reference, Instant now, Duration lease);

    void markNotified(String reference, String messageId, Instant at);

    /** Gives the claim back after an email failed, so a retry can send it. */
    void releaseClaim(String reference, String reason);

    /**
     * Every application stored for one fund's panel round (as {@code Application.panelRound}),
     * earliest received first.
     *
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    List<Application> applicationsInRound(String fundId, String roundId);
}
