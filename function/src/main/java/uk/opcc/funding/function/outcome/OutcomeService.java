package uk.opcc.funding.function.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.decision.Decision;
import uk.opcc.funding.catalogue.decision.Decisions;
import uk.opcc.funding.catalogue.decision.Entry;
import uk.opcc.funding.function.config.MailConfig;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.Sha256;
import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.mail.EmailRefusedException;
import uk.opcc.funding.function.mail.Mailer;

/**
 * Tells every applicant in a final decision its outcome, once, and the fund's staff what was sent.
 * Run after each deploy, and again by the resend: however often it runs, an email that was sent is
 * never sent again (each is claimed with a lease on its application's item, as the other emails
 * are), one that failed is sent by the next run, and a decision whose staff summary went is done
 * with after one read.
 *
 * <p>A reference the table does not hold, or holds for another fund or round, is refused: nothing
 * is written or sent for it, and the summary and the log name it, so staff put the file right.
 *
 * <p>The one duplicate this cannot rule out is the notifier's: SES accepted an email and the run
 * died before it recorded it sent; the lease lapses and a later run sends it again.
 */
public final class OutcomeService {
    /** The longest one outcome email takes (claim, send, record) with the clients' timeouts: none is started with less left. */
    public static final Duration EMAIL_BUDGET = Duration.ofSeconds(15);
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    /** What became of one application's outcome email. */
    public enum Result {
        SENT, SENT_BEFORE,
        /** Not sent, for good: SES refused the address, or the application gave none. */
        NOT_SENT,
        /** Refused: the table has no application with the reference. */
        NOT_IN_TABLE,
        /** Refused: the table holds it for another fund or round. */
        OTHER_ROUND,
        /** Another run holds its claim now. */
        HELD_ELSEWHERE,
        FAILED,
        /** Too little of the run left to start it: the next run sends it. */
        NO_TIME_LEFT;

        /** Nothing more will ever be done for it. */
        public boolean settled() {
            return this == SENT || this == SENT_BEFORE || this == NOT_SENT || this == NOT_IN_TABLE || this == OTHER_ROUND;
        }

        /** A problem in the decision file, for staff to put right. */
        public boolean refused() {
            return this == NOT_IN_TABLE || this == OTHER_ROUND;
        }
    }

    /** One entry's result, with what staff need to act on it. */
    public record EntryResult(Entry entry, Result result, String detail) {
        public String line() {
            return entry.reference() + " (" + (entry instanceof Entry.Award a ? "award of " + uk.opcc.funding.catalogue.text.Wording.money(a.amount())
                    : "decline") + "): " + describe(result) + (detail == null ? "" : " (" + detail + ")");
        }
    }

    /** What a run did with one decision. */
    public record DecisionResult(Decision decision, List<EntryResult> entries, boolean summarySent, boolean doneBefore,
                                 List<RuntimeException> errors) {
        public boolean settled() {
            return doneBefore || summarySent;
        }

        public long sent() {
            return entries.stream().filter(e -> e.result() == Result.SENT).count();
        }
    }

    private final Catalogue catalogue;
    private final Decisions decisions;
    private final Publisher publisher;
    private final OutcomeRecords records;
    private final Mailer mailer;
    private final MailConfig config;
    private final Clock clock;

    public OutcomeService(Catalogue catalogue, Decisions decisions, Publisher publisher, OutcomeRecords records, Mailer mailer, MailConfig config,
            Clock clock) {
        this.catalogue = catalogue;
        this.decisions = decisions;
        this.publisher = publisher;
        this.records = records;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    /** Every final decision, earliest first. */
    public List<DecisionResult> sendAll(Supplier<Duration> remaining) {
        List<DecisionResult> results = new ArrayList<>();
        for (Decision decision : decisions.published()) {
            results.add(send(decision, remaining));
        }
        return results;
    }

    public DecisionResult send(Decision decision, Supplier<Duration> remaining) {
        String key = decisionKey(decision);
        if (records.summarySent(key)) {
            return new DecisionResult(decision, List.of(), false, true, List.of());
        }
        Fund fund = catalogue.fund(decision.fundId()).orElseThrow(() -> new IllegalStateException(
                decision.file() + " decides for fund " + decision.fundId() + ", which the catalogue does not hold"));
        List<EntryResult> entries = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        for (Entry entry : decision.entries()) {
            if (remaining.get().compareTo(EMAIL_BUDGET) < 0) {
                entries.add(new EntryResult(entry, Result.NO_TIME_LEFT, null));
                continue;
            }
            try {
                entries.add(sendOne(decision, fund, entry, remaining.get()));
            } catch (RuntimeException e) {
                entries.add(new EntryResult(entry, Result.FAILED, e.getClass().getSimpleName()));
                errors.add(e);
            }
        }
        boolean summarySent = false;
        if (entries.stream().allMatch(e -> e.result().settled()) && remaining.get().compareTo(EMAIL_BUDGET) >= 0) {
            try {
                summarySent = sendSummary(key, decision, fund, entries, remaining.get());
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        return new DecisionResult(decision, entries, summarySent, false, errors);
    }

    private EntryResult sendOne(Decision decision, Fund fund, Entry entry, Duration remaining) {
        Instant now = clock.instant();
        Instant leaseUntil = leaseUntil(now, remaining);
        OutcomeRecords.Claim claim = records.claim(entry.reference(), decided(decision, entry), now, leaseUntil);
        if (claim instanceof OutcomeRecords.Claim.NotInTable) {
            return new EntryResult(entry, Result.NOT_IN_TABLE, null);
        }
        if (claim instanceof OutcomeRecords.Claim.OtherRound other) {
            return new EntryResult(entry, Result.OTHER_ROUND, "the table holds it for " + other.fundId() + " round " + other.roundId());
        }
        if (claim instanceof OutcomeRecords.Claim.Done done) {
            return new EntryResult(entry, "sent".equals(done.state()) ? Result.SENT_BEFORE : Result.NOT_SENT, "sent".equals(done.state()) ? null : done.state());
        }
        if (claim instanceof OutcomeRecords.Claim.Held held) {
            return new EntryResult(entry, Result.HELD_ELSEWHERE, "until " + held.until());
        }
        Application application = ((OutcomeRecords.Claim.Granted) claim).application();
        Optional<String> to = catalogue.form(application.formId()).flatMap(application::applicantEmail);
        if (to.isEmpty()) {
            records.markNotSent(entry.reference(), leaseUntil, "none", "the application gave no email address");
            return new EntryResult(entry, Result.NOT_SENT, "no email address");
        }
        String messageId;
        try {
            messageId = mailer.send(OutcomeEmail.compose(decision, entry, fund, catalogue, decisions, publisher, to.get(), staffMailbox(fund),
                            now),
                    config.senderAddress());
        } catch (EmailRefusedException e) {
            // An address SES refuses for good: sending again would fail again.
            records.markNotSent(entry.reference(), leaseUntil, "refused", e.getMessage());
            return new EntryResult(entry, Result.NOT_SENT, "the mail service refused the address");
        } catch (RuntimeException e) {
            release(entry.reference(), leaseUntil, e);
            throw e;
        }
        records.markSent(entry.reference(), messageId, clock.instant());
        return new EntryResult(entry, Result.SENT, null);
    }

    private boolean sendSummary(String key, Decision decision, Fund fund, List<EntryResult> entries, Duration remaining) {
        Instant now = clock.instant();
        Instant leaseUntil = leaseUntil(now, remaining);
        if (records.claimSummary(key, now, leaseUntil) != OutcomeRecords.SummaryClaim.GRANTED) {
            return false;
        }
        String messageId;
        try {
            messageId = mailer.send(OutcomeSummary.compose(decision, fund, entries, staffMailbox(fund)), config.senderAddress());
        } catch (RuntimeException e) {
            try {
                records.releaseSummary(key, leaseUntil, e.getClass().getSimpleName());
            } catch (StorageUnavailableException s) {
                e.addSuppressed(s);
            }
            throw e;
        }
        records.markSummarySent(key, messageId, clock.instant());
        return true;
    }

    /**
     * A claim lasts until the run holding it must have ended, and a margin for the difference
     * between two hosts' clocks: a live run never loses it, a crashed one's lapses for the next.
     */
    private static Instant leaseUntil(Instant now, Duration remaining) {
        return now.plus(remaining).plus(LEASE_MARGIN);
    }

    private void release(String reference, Instant leaseUntil, RuntimeException cause) {
        try {
            records.release(reference, leaseUntil, cause.getClass().getSimpleName());
        } catch (StorageUnavailableException e) {
            cause.addSuppressed(e); // the lease lapses by itself and a later run takes it over
        }
    }

    /** The fund's staff mailbox; a fund that no longer takes applications may have none, and the publisher's address stands in. */
    private String staffMailbox(Fund fund) {
        return config.staffMailboxes().getOrDefault(fund.id(), publisher.email());
    }

    private static OutcomeRecords.Decided decided(Decision decision, Entry entry) {
        return new OutcomeRecords.Decided(decision.fundId(), decision.roundId(), entry instanceof Entry.Award ? "award" : "decline",
                entry instanceof Entry.Award award ? Optional.of(award.amount()) : Optional.empty(), decision.decided());
    }

    /**
     * The decision as it stands: its id and a digest of its entries (each reference, award or
     * decline, amount). A decision corrected after it was sent (a mistyped reference put right) is
     * a new one: its summary is sent again, and only the emails not sent before go.
     */
    public static String decisionKey(Decision decision) {
        StringBuilder entries = new StringBuilder();
        for (Entry entry : decision.entries()) {
            entries.append(entry.reference()).append(entry instanceof Entry.Award a ? " award " + a.amount().toPlainString() : " decline").append('\n');
        }
        return decision.id() + "#" + Sha256.hex(entries.toString()).substring(0, 16);
    }

    static String describe(Result result) {
        return switch (result) {
            case SENT -> "outcome email sent";
            case SENT_BEFORE -> "outcome email sent before";
            case NOT_SENT -> "no email could be sent: tell them another way";
            case NOT_IN_TABLE -> "REFUSED: no application has this reference; check the decision file";
            case OTHER_ROUND -> "REFUSED: this application is in another fund or round; check the decision file";
            case HELD_ELSEWHERE -> "being sent by another run";
            case FAILED -> "sending failed; the next run tries again";
            case NO_TIME_LEFT -> "left for the next run";
        };
    }
}
