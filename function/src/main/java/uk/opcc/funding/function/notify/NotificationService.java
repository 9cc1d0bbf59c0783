package uk.opcc.funding.function.notify;

import uk.opcc.funding.function.mail.EmailRefusedException;
import uk.opcc.funding.function.mail.Mailer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import uk.opcc.funding.function.endorse.EndorsementService;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.notify.EmailRecords.Claim;
import uk.opcc.funding.function.intake.StorageUnavailableException;

/**
 * Sends an application's emails, each once. Each email is claimed before it is sent, with a lease
 * that ends when the invocation sending it must have ended (its remaining time, plus a margin for
 * clocks): a retry that meets a live claim leaves it alone and says so, and one that meets a lapsed
 * claim (its holder crashed or was timed out) takes it over.
 *
 * <p>The one duplicate this cannot rule out: SES accepted the email and the attempt died before it
 * recorded {@code sent}. The lease then lapses and a retry sends it again; SES takes no idempotency
 * key, so nothing can tell the retry the first one went.
 */
public final class NotificationService {
    /** Beyond the invocation's end: covers the difference between two Lambda hosts' clocks. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    /** Staff first: if the invocation runs short, the office hears before the applicant. */
    private static final List<Recipient> RECIPIENTS = List.of(Recipient.STAFF, Recipient.APPLICANT);

    /** What became of one email. */
    public enum Delivery {
        SENT,
        /** Sent before, or nothing to send (no address given, or held back before). */
        ALREADY_SENT,
        /** Not sent, for good: the address had the day's most emails already; the staff email says so. */
        HELD_BACK,
        /** Not sent, for good: the mail service refused the applicant's address; sending again would fail again. */
        REFUSED,
        /** Another attempt holds its claim: not ours to send, not known to be sent. */
        HELD_ELSEWHERE,
        FAILED,
        /** Too little of the invocation left to send it safely: left for the retry. */
        NO_TIME_LEFT;

        public boolean settled() {
            return this == SENT || this == ALREADY_SENT || this == HELD_BACK || this == REFUSED;
        }
    }

    /**
     * What became of each of an application's emails, and why any failed.
     *
     * @param endorsement each of its endorsement's emails that was due (none for a fund that asks for none)
     */
    public record Outcome(Map<Recipient, Delivery> deliveries, List<EndorsementService.Sent> endorsement, List<RuntimeException> errors) {
        public Outcome(Map<Recipient, Delivery> deliveries, List<RuntimeException> errors) {
            this(deliveries, List.of(), errors);
        }

        /** Every email sent, now or before: nothing left for a retry. */
        public boolean settled() {
            return deliveries.values().stream().allMatch(Delivery::settled) && errors.isEmpty()
                    && endorsement.stream().allMatch(s -> s.delivery().settled());
        }
    }

    private final EmailRecords store;
    private final Emails emails;
    private final Mailer mailer;
    private final String sender;
    private final Clock clock;
    private final Duration emailBudget;
    private final EndorsementService endorsements;

    /**
     * @param emailBudget the longest one email can take (claim, send, record) with the clients'
     *                    timeouts: an email is not started with less of the invocation left
     */
    public NotificationService(EmailRecords store, Emails emails, Mailer mailer, String sender, Clock clock, Duration emailBudget) {
        this(store, emails, mailer, sender, clock, emailBudget, null);
    }

    /** @param endorsements the endorsement of applications to funds that ask for one; null for none */
    public NotificationService(EmailRecords store, Emails emails, Mailer mailer, String sender, Clock clock, Duration emailBudget,
            EndorsementService endorsements) {
        this.endorsements = endorsements;
        this.store = store;
        this.emails = emails;
        this.mailer = mailer;
        this.sender = sender;
        this.clock = clock;
        this.emailBudget = emailBudget;
    }

    /**
     * Sends whichever of the application's emails are not sent yet; a failure of one does not
     * stop the other.
     *
     * @param remaining how long the invocation has left, read afresh before each email
     */
    public Outcome notify(String reference, Supplier<Duration> remaining) {
        Map<Recipient, Delivery> deliveries = new EnumMap<>(Recipient.class);
        List<RuntimeException> errors = new ArrayList<>();
        boolean endorsed = false;
        if (endorsements != null) {
            // Started first, so its request is due before the two emails below can take the application off the needs-email index.
            try {
                endorsed = endorsements.start(reference);
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        for (Recipient recipient : RECIPIENTS) {
            try {
                deliveries.put(recipient, send(reference, recipient, remaining.get()));
            } catch (RuntimeException e) {
                deliveries.put(recipient, Delivery.FAILED);
                errors.add(e);
            }
        }
        List<EndorsementService.Sent> endorsement = List.of();
        if (endorsed) {
            endorsement = endorsements.sendDue(reference, remaining);
            endorsement.stream().map(EndorsementService.Sent::error).filter(java.util.Objects::nonNull).forEach(errors::add);
        }
        return new Outcome(deliveries, endorsement, errors);
    }

    private Delivery send(String reference, Recipient recipient, Duration remaining) {
        if (remaining.compareTo(emailBudget) < 0) {
            return Delivery.NO_TIME_LEFT;
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(remaining).plus(LEASE_MARGIN);
        Claim claim = store.claimEmail(reference, recipient, now, leaseUntil);
        if (claim instanceof Claim.Done) {
            return Delivery.ALREADY_SENT;
        }
        if (claim instanceof Claim.Held) {
            return Delivery.HELD_ELSEWHERE;
        }
        Claim.Granted granted = (Claim.Granted) claim;
        Application application = granted.application();
        String messageId;
        try {
            if (!emails.mayBeSent(application, recipient, granted.capDecisions())) {
                store.markEmailNotSent(reference, recipient, leaseUntil, EmailRecords.NotSent.HELD_BACK, "daily cap");
                return Delivery.HELD_BACK;
            }
            messageId = mailer.send(emails.compose(application, recipient, granted.capDecisions()), sender);
        } catch (EmailRefusedException e) {
            if (recipient == Recipient.STAFF) {
                release(reference, recipient, leaseUntil, e); // a staff mailbox SES refuses is a setting to put right, then resend
                throw e;
            }
            // An address a visitor typed that SES refuses for good: retrying would only fail again and park the record.
            store.markEmailNotSent(reference, recipient, leaseUntil, EmailRecords.NotSent.REFUSED, e.getMessage());
            return Delivery.REFUSED;
        } catch (RuntimeException e) {
            release(reference, recipient, leaseUntil, e);
            throw e;
        }
        // SES has it now. Dying before the next line is the duplicate described above.
        store.markEmailed(reference, recipient, messageId, clock.instant());
        return Delivery.SENT;
    }

    /** If the store cannot take the claim back now, the lease lapses by itself and a retry takes it over. */
    private void release(String reference, Recipient recipient, Instant leaseUntil, RuntimeException cause) {
        try {
            store.releaseEmail(reference, recipient, leaseUntil, cause.getClass().getSimpleName());
        } catch (StorageUnavailableException e) {
            cause.addSuppressed(e);
        }
    }
}
