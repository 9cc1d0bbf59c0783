package uk.opcc.funding.function.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.function.config.Config;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.storage.ApplicationStore;

/**
 * Emails staff about one stored application, once. The claim makes a plain retry harmless:
 * an application already emailed is not claimed again.
 */
public final class NotificationService {
    /** Longer than the notifier's timeout, so a crashed attempt's claim lapses before the retry. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    private final Catalogue catalogue;
    private final ApplicationStore store;
    private final StaffNotifier notifier;
    private final Config config;
    private final Clock clock;

    public NotificationService(Catalogue catalogue, ApplicationStore store, StaffNotifier notifier, Config config, Clock clock) {
        this.catalogue = catalogue;
        this.store = store;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @return true if an email was sent now; false if staff had already been emailed
     * @throws EmailFailedException when sending failed; the claim is released for the retry
     */
    public boolean notifyStaff(String reference) {
        Optional<Application> claimed = store.claimForNotification(reference, clock.instant(), CLAIM_LEASE);
        if (claimed.isEmpty()) {
            return false;
        }
        Application application = claimed.get();
        StaffEmail email = StaffEmail.compose(application, catalogue, config.mailboxFor(application.fundId()));
        String messageId;
        try {
            messageId = notifier.send(email, config.senderAddress().orElseThrow());
        } catch (RuntimeException e) {
            store.releaseClaim(reference, e.getClass().getSimpleName());
            throw e;
        }
        store.markNotified(reference, messageId, clock.instant());
        return true;
    }
}
