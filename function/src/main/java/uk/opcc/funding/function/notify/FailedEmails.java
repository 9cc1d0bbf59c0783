package uk.opcc.funding.function.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import uk.opcc.funding.function.notify.EmailRecords.EmailState;
import uk.opcc.funding.function.notify.EmailRecords.Unsent;

/**
 * The way back for emails that failed: every application with an email not sent (after Lambda's
 * retries gave up, after an SES outage, or claimed by an attempt that died), found on the
 * needs-email index, and sent again through the notifier's own claim, so an email that is sent,
 * or being sent right now, is never sent again.
 */
public final class FailedEmails {
    /** One application the resend found, what its emails were, and what became of them. */
    public record Resent(String reference, Instant receivedAt, Map<Recipient, EmailState> before, NotificationService.Outcome outcome) {
        /** "KX7P-M2RD (received 2026-11-24T12:00:00Z): staff pending, 5 attempt(s) → SENT; applicant sent → ALREADY_SENT" */
        public String line() {
            List<String> emails = new ArrayList<>();
            for (Recipient recipient : Recipient.values()) {
                emails.add(recipient.id + " " + before.get(recipient) + " → " + outcome.deliveries().get(recipient));
            }
            outcome.endorsement().forEach(sent -> emails.add(sent.job() + " → " + sent.delivery()));
            return reference + " (received " + receivedAt + "): " + String.join("; ", emails);
        }
    }

    private final EmailRecords store;
    private final NotificationService notifications;

    public FailedEmails(EmailRecords store, NotificationService notifications) {
        this.store = store;
        this.notifications = notifications;
    }

    /** Every application with an email not sent, oldest first, as stored: nothing is sent. */
    public List<Unsent> list() {
        return store.unsent();
    }

    /**
     * Sends every email not sent yet, once: each through its claim, so one held by a live attempt
     * is left to it (reported {@code HELD_ELSEWHERE}) and one whose lease lapsed is taken over.
     *
     * @param remaining how long the caller has left, read before each email
     */
    public List<Resent> resend(Supplier<Duration> remaining) {
        List<Resent> results = new ArrayList<>();
        for (Unsent unsent : store.unsent()) {
            NotificationService.Outcome outcome = notifications.notify(unsent.reference(), remaining);
            if (outcome.settled()) {
                store.finishIfAllSent(unsent.reference()); // sent before, and only the index entry was left behind
            }
            results.add(new Resent(unsent.reference(), unsent.receivedAt(), unsent.emails(), outcome));
        }
        return results;
    }

    /** How many emails a resend sent: what a person checks after running it. */
    public static long sent(List<Resent> results) {
        return results.stream().flatMap(r -> r.outcome().deliveries().values().stream())
                .filter(d -> d == NotificationService.Delivery.SENT).count();
    }

    /** The applications a resend could not finish: run it again later, or look at the errors. */
    public static List<String> stillUnsent(List<Resent> results) {
        return results.stream().filter(r -> !r.outcome().settled()).map(Resent::reference).toList();
    }
}
