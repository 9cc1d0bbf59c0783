package uk.opcc.funding.function.intake;

import java.time.Instant;
import java.util.Optional;
import uk.opcc.funding.catalogue.FormDefinition;

/** The intake's port: where an application is kept once, with the key that makes a replay find it. */
public interface Applications {

    /** What happened to a save: stored now, or the same submission was stored before. */
    record Saved(String reference, Instant receivedAt, boolean replay) {
    }

    /**
     * Stores the application unless a submission with the same key is already stored, in one
     * atomic step, so concurrent replays make one application. In the same step the application
     * is filed under each of its {@link SameOrganisation#keys} in its fund's round, so finding
     * earlier ones from the same organisation is a keyed read (read by the notifier: {@code EmailRecords.sameOrganisation}).
     *
     * @param form the form it answers, whose roles say which answers are the organisation and the applicant's address
     * @throws ReferenceTakenException     when the application's reference is already used
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    Saved save(Application application, FormDefinition form, IdempotencyKey key, Instant now);

    /**
     * The application stored under this reference, read for its confirmation page only, once its
     * signed token has been checked; empty if there is none.
     *
     * @throws StorageUnavailableException when the store cannot be reached or refuses
     */
    Optional<Application> find(String reference);
}
