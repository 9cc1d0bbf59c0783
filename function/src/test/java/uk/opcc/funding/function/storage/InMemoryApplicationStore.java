package uk.opcc.funding.function.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.Applications;
import uk.opcc.funding.function.intake.ReferenceTakenException;
import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.notify.EmailRecords;
import uk.opcc.funding.function.panel.RoundApplications;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.intake.SameOrganisation;
import uk.opcc.funding.function.notify.Recipient;

/**
 * A fake of our own store ports (intake, notifier, panel) for unit tests. The real adapter meets DynamoDB Local in
 * {@code DynamoDbApplicationStoreIT}, which checks the same behaviour.
 */
public final class InMemoryApplicationStore implements Applications, EmailRecords, RoundApplications {
    public final Map<String, Application> applications = new LinkedHashMap<>();
    private final Map<String, String> notification = new LinkedHashMap<>();
    private final Map<String, Instant> leases = new LinkedHashMap<>();
    private final Map<String, Saved> keys = new LinkedHashMap<>();
    private final Map<String, List<String>> sameOrganisation = new LinkedHashMap<>();
    private final Map<String, Integer> dailyCounts = new LinkedHashMap<>();
    private final Map<String, CapDecision> capDecisions = new LinkedHashMap<>();
    public boolean unavailable;

    @Override
    public synchronized Saved save(Application application, uk.opcc.funding.catalogue.FormDefinition form, IdempotencyKey key, Instant now) {
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
        put(application, form);
        Saved saved = new Saved(application.reference(), application.receivedAt(), false);
        keys.put(key.value(), saved);
        return saved;
    }

    @Override
    public synchronized java.util.Optional<Application> find(String reference) {
        if (unavailable) {
            throw new StorageUnavailableException("store is down", null);
        }
        return java.util.Optional.ofNullable(applications.get(reference));
    }

    @Override
    public synchronized Claim claimEmail(String reference, Recipient recipient, Instant now, Instant leaseUntil) {
        String key = key(reference, recipient);
        String state = notification.get(key);
        Instant lease = leases.get(key);
        if ("pending".equals(state) || "sending".equals(state) && lease.isBefore(now)) {
            notification.put(key, "sending");
            leases.put(key, leaseUntil);
            return new Claim.Granted(applications.get(reference));
        }
        return "sending".equals(state) ? new Claim.Held(lease) : new Claim.Done();
    }

    @Override
    public synchronized void markEmailed(String reference, Recipient recipient, String messageId, Instant at) {
        notification.put(key(reference, recipient), "sent");
        leases.remove(key(reference, recipient));
    }

    @Override
    public synchronized void markEmailNotSent(String reference, Recipient recipient, Instant leaseUntil, NotSent why, String reason) {
        String key = key(reference, recipient);
        if ("sending".equals(notification.get(key)) && leaseUntil.equals(leases.get(key))) {
            notification.put(key, why.state);
            leases.remove(key);
        }
    }

    @Override
    public synchronized CapDecision countEmailToAddress(String reference, Recipient recipient, String addressKey, LocalDate day, int cap) {
        if (unavailable) {
            throw new StorageUnavailableException("store is down", null);
        }
        return capDecisions.computeIfAbsent(key(reference, recipient), k -> {
            int sent = dailyCounts.getOrDefault(addressKey + "#" + day, 0);
            if (sent >= cap) {
                return CapDecision.HELD_BACK;
            }
            dailyCounts.put(addressKey + "#" + day, sent + 1);
            return CapDecision.WITHIN_CAP;
        });
    }

    @Override
    public synchronized List<SameOrganisation.Listed> sameOrganisation(String fundId, String roundId, List<String> organisationKeys) {
        if (unavailable) {
            throw new StorageUnavailableException("store is down", null);
        }
        return organisationKeys.stream().map(k -> new SameOrganisation.Listed(
                List.copyOf(sameOrganisation.getOrDefault(fundId + "#" + roundId + "#" + k, List.of())), 0)).toList();
    }

    @Override
    public synchronized void releaseEmail(String reference, Recipient recipient, Instant leaseUntil, String reason) {
        String key = key(reference, recipient);
        if ("sending".equals(notification.get(key)) && leaseUntil.equals(leases.get(key))) {
            notification.put(key, "pending");
            leases.remove(key);
        }
    }

    /** The state of one email: pending, sending, sent, none or held. */
    public synchronized String state(String reference, Recipient recipient) {
        return notification.get(key(reference, recipient));
    }

    /** Puts a fixture application in as the intake would have stored it, every email waiting, filed under its organisation's keys. */
    public synchronized void put(Application application) {
        put(application, uk.opcc.funding.function.Fixtures.formOf(application));
    }

    /** The same, read by the roles of {@code form} (the one the intake saved it with, of whatever catalogue). */
    private void put(Application application, uk.opcc.funding.catalogue.FormDefinition form) {
        applications.put(application.reference(), application);
        for (String organisationKey : SameOrganisation.keys(application, form)) {
            sameOrganisation.computeIfAbsent(application.fundId() + "#" + application.panelRound() + "#" + organisationKey, k -> new ArrayList<>())
                    .add(application.reference());
        }
        notification.put(key(application.reference(), Recipient.STAFF), "pending");
        notification.put(key(application.reference(), Recipient.APPLICANT), application.applicantEmail(form).isPresent() ? "pending" : "none");
    }

    @Override
    public synchronized List<Unsent> unsent() {
        List<Unsent> unsent = new java.util.ArrayList<>();
        for (Application application : applications.values()) {
            Map<Recipient, EmailState> emails = new java.util.EnumMap<>(Recipient.class);
            for (Recipient recipient : Recipient.values()) {
                String key = key(application.reference(), recipient);
                emails.put(recipient, new EmailState(notification.getOrDefault(key, "none"), leases.get(key), 0, null));
            }
            if (emails.values().stream().anyMatch(e -> e.state().equals("pending") || e.state().equals("sending"))) {
                unsent.add(new Unsent(application.reference(), application.receivedAt(), emails));
            }
        }
        return unsent;
    }

    @Override
    public void finishIfAllSent(String reference) {
        // unsent() looks at the states themselves: nothing to forget
    }

    private static String key(String reference, Recipient recipient) {
        return reference + "#" + recipient.id;
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
