package uk.opcc.funding.function.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;

/**
 * A fake of our own store interface for unit tests. The real adapter meets DynamoDB Local in
 * {@code DynamoDbApplicationStoreIT}, which checks the same behaviour.
 */
public final class InMemoryApplicationStore implements ApplicationStore {
    public final Map<String, Application> applications = new LinkedHashMap<>();
    public final Map<String, String> notification = new LinkedHashMap<>();
    private final Map<String, Saved> keys = new LinkedHashMap<>();
    public boolean unavailable;

    @Override
    public synchronized Saved save(Application application, IdempotencyKey key, Instant now) {
        if (unavailable) {
            throw new StorageUnavailableException("store is down", null);
        }
        Saved earlier = keys.get(key.value());
        if (earlier != null) {
            return new Saved(earlier.reference(), earlier.receivedAt(), true);
        }
        if (applications.containsKey(application.reference())) {
            throw new ReferenceTakenException(application.reference());
        }
        applications.put(application.reference(), application);
        notification.put(application.reference(), "pending");
        Saved saved = new Saved(application.reference(), application.receivedAt(), false);
        keys.put(key.value(), saved);
        return saved;
    }

    @Override
    public synchronized Optional<Application> claimForNotification(String reference, Instant now, Duration lease) {
        if (!"pending".equals(notification.get(reference))) {
            return Optional.empty();
        }
        notification.put(reference, "sending");
        return Optional.of(applications.get(reference));
    }

    @Override
    public synchronized void markNotified(String reference, String messageId, Instant at) {
        notification.put(reference, "sent");
    }

    @Override
    public synchronized void releaseClaim(String reference, String reason) {
        notification.put(reference, "pending");
    }

    @Override
    public synchronized List<Application> applicationsInRound(String fundId, String roundId) {
        if (unavailable) {
            throw new StorageUnavailableException("store is down", null);
        }
        return applications.values().stream().filter(a -> a.fundId().equals(fundId) && a.panelRound().equals(roundId))
                .sorted(Comparator.comparing(Application::receivedAt).thenComparing(Application::reference)).toList();
    }
}
