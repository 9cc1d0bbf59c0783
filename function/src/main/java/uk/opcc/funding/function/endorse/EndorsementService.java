package uk.opcc.funding.function.endorse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Endorsement;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.question.AnswerText;
import uk.opcc.funding.function.intake.Sha256;
import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.mail.EmailRefusedException;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.validation.Problem;

/**
 * The endorsement of an application (a fund's {@code endorsement}): its first endorser asked once
 * it is stored, each endorser's page and answer, the next endorser asked when one supports, and
 * every email that makes due sent once, through its claim. An answer is recorded before any email
 * about it is tried, so a failed email never loses it: the email stays due for the resend.
 */
public final class EndorsementService {
    /** The longest statement or reason an endorser can give. */
    public static final int STATEMENT_MAX = 2000;
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    /** What became of one email. */
    public enum Delivery {
        SENT, ALREADY_SENT, HELD_BACK, REFUSED, HELD_ELSEWHERE, FAILED, NO_TIME_LEFT;

        public boolean settled() {
            return this == SENT || this == ALREADY_SENT || this == HELD_BACK || this == REFUSED;
        }
    }

    /** One email tried, and why it failed if it did. */
    public record Sent(EmailJob job, Delivery delivery, RuntimeException error) {
    }

    /** What an endorser's link opens. */
    public sealed interface View {
        /** Not a link of ours: cut short, altered, made up, for another application, or for a step not asked. */
        record NotALink() implements View {
        }

        /** A real link whose time ran out before it was answered. */
        record Expired(EndorsementState state, Endorsement.Step step) implements View {
        }

        /** Waiting for this endorser's answer. */
        record Open(EndorsementState state, Endorsement.Step step, String link) implements View {
        }

        /** Answered already: what was recorded, and nothing changes. */
        record Answered(EndorsementState state, Endorsement.Step step) implements View {
        }
    }

    /** What an answer came to: recorded, refused with problems (the page again), or a view of why not. */
    public sealed interface Result {
        record Recorded(View.Answered view, List<Sent> emails) implements Result {
        }

        record Invalid(View.Open view, List<Problem> problems, String choice, String statement) implements Result {
        }

        record NotRecorded(View view) implements Result {
        }
    }

    public static final String SUPPORT = "support";
    public static final String DECLINE = "decline";

    private final Catalogue catalogue;
    private final Publisher publisher;
    private final EndorsementRecords records;
    private final EndorsementEmails emails;
    private final Mailer mailer;
    private final java.util.function.Function<String, String> mailboxes;
    private final String sender;
    private final Clock clock;
    private final Duration emailBudget;

    /**
     * @param mailboxes   the staff mailbox of each fund
     * @param emailBudget the longest one email can take (claim, send, record): none is started with less left
     */
    public EndorsementService(Catalogue catalogue, Publisher publisher, EndorsementRecords records, EndorsementEmails emails, Mailer mailer,
            java.util.function.Function<String, String> mailboxes, String sender, Clock clock, Duration emailBudget) {
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.records = records;
        this.emails = emails;
        this.mailer = mailer;
        this.mailboxes = mailboxes;
        this.sender = sender;
        this.clock = clock;
        this.emailBudget = emailBudget;
    }

    /** Whether the application's fund asks for endorsement: only then is there anything to start. */
    public boolean endorsed(String fundId) {
        return catalogue.fund(fundId).flatMap(Fund::endorsement).isPresent();
    }

    /**
     * Once an application is stored: its first endorser asked (once, however often this runs).
     *
     * @return false when the application's fund asks for none, or there is no such application
     */
    public boolean start(String reference) {
        Optional<EndorsementState> state = records.find(reference);
        if (state.isEmpty() || !endorsed(state.get().application().fundId())) {
            return false;
        }
        if (state.get().steps().isEmpty()) {
            Endorsement endorsement = EndorsementEmails.endorsement(catalogue, state.get().application());
            Instant now = clock.instant();
            records.start(reference, endorsement.first().id(), now, endorsement.linksExpire(now));
        }
        return true;
    }

    /** Sends every email of the application's endorsement that is due, each once; a failure of one does not stop the next. */
    public List<Sent> sendDue(String reference, Supplier<Duration> remaining) {
        Optional<EndorsementState> state = records.find(reference);
        List<Sent> sent = new ArrayList<>();
        if (state.isEmpty()) {
            return sent;
        }
        for (EmailJob job : state.get().due()) {
            try {
                sent.add(new Sent(job, send(reference, job, remaining.get()), null));
            } catch (RuntimeException e) {
                sent.add(new Sent(job, Delivery.FAILED, e));
            }
        }
        return sent;
    }

    /** What a sweep did: steps reminded, steps whose links expired, and the emails that made due. */
    public record Swept(int reminded, int expired, List<Sent> emails) {
        public boolean settled() {
            return emails.stream().allMatch(s -> s.delivery().settled());
        }
    }

    /**
     * Run on a schedule: each waiting step gets its one reminder once {@code remindAfterDays} have
     * passed since it was asked, never after its round's deadline; a step whose links have expired
     * is marked so, and staff and the applicant are told. Reads only the rounds that can still hold
     * a waiting step: those whose deadline is ahead, or was within the steps' links' time.
     */
    public Swept sweep(Supplier<Duration> remaining) {
        Instant now = clock.instant();
        int reminded = 0;
        int expired = 0;
        List<Sent> sent = new ArrayList<>();
        for (Fund fund : catalogue.funds()) {
            if (fund.endorsement().isEmpty()) {
                continue;
            }
            Endorsement endorsement = fund.endorsement().get();
            Duration links = Duration.ofDays((long) endorsement.linkValidDays() * endorsement.steps().size() + 1);
            for (uk.opcc.funding.catalogue.PanelRound round : fund.panelRounds()) {
                Instant deadline = round.deadline().toInstant();
                if (!now.isBefore(deadline.plus(links))) {
                    continue;
                }
                for (EndorsementState state : records.inRound(fund.id(), round.id())) {
                    String reference = state.application().reference();
                    boolean changed = false;
                    for (EndorsementState.Step step : state.steps().values()) {
                        if (!step.status().open()) {
                            continue;
                        }
                        if (!now.isBefore(step.linkExpires())) {
                            if (records.expire(reference, step.stepId(), now)) {
                                expired++;
                                changed = true;
                            }
                        } else if (step.status() == EndorsementState.Status.REQUESTED && now.isBefore(deadline)
                                && !now.isBefore(step.requestedAt().plus(Duration.ofDays(endorsement.remindAfterDays())))) {
                            if (records.remind(reference, step.stepId(), now)) {
                                reminded++;
                                changed = true;
                            }
                        }
                    }
                    if (changed) {
                        sent.addAll(sendDue(reference, remaining));
                    }
                }
            }
        }
        return new Swept(reminded, expired, sent);
    }

    /** What a link opens: checked against its step's stored hashes, its state and its expiry. */
    public View open(String linkValue) {
        Optional<EndorsementLink> link = EndorsementLink.parse(linkValue);
        if (link.isEmpty()) {
            return new View.NotALink();
        }
        Optional<EndorsementState> state = records.find(link.get().reference());
        if (state.isEmpty() || !endorsed(state.get().application().fundId())) {
            return new View.NotALink();
        }
        Optional<Endorsement.Step> step = EndorsementEmails.endorsement(catalogue, state.get().application()).step(link.get().stepId());
        Optional<EndorsementState.Step> stored = state.get().step(link.get().stepId());
        if (step.isEmpty() || stored.isEmpty() || !link.get().matchesOneOf(stored.get().linkHashes())) {
            return new View.NotALink();
        }
        if (!stored.get().status().open()) {
            return stored.get().status() == EndorsementState.Status.EXPIRED
                    ? new View.Expired(state.get(), step.get()) : new View.Answered(state.get(), step.get());
        }
        if (!clock.instant().isBefore(stored.get().linkExpires())) {
            return new View.Expired(state.get(), step.get());
        }
        return new View.Open(state.get(), step.get(), link.get().value());
    }

    /**
     * An endorser's answer: {@code support} with their statement, or {@code decline} with their reason.
     * Recorded once; the emails it makes due are tried now and, if they fail, left for the resend.
     */
    public Result answer(String linkValue, String choice, String statement, Supplier<Duration> remaining) {
        View view = open(linkValue);
        if (!(view instanceof View.Open open)) {
            return new Result.NotRecorded(view);
        }
        List<Problem> problems = new ArrayList<>();
        String cleanChoice = choice == null ? "" : choice.strip().toLowerCase(Locale.ROOT);
        if (!cleanChoice.equals(SUPPORT) && !cleanChoice.equals(DECLINE)) {
            problems.add(new Problem("choice", "required", "Select whether you support this application"));
        }
        Optional<String> tidied = statement == null ? Optional.of("") : AnswerText.tidy(statement);
        String text = tidied.map(String::strip).orElse("");
        if (tidied.isEmpty()) {
            problems.add(new Problem("statement", "invalidCharacters",
                    "Your statement must only contain letters, numbers, spaces and punctuation. If you copied it from somewhere else, type it in instead"));
        } else if (text.isEmpty()) {
            problems.add(new Problem("statement", "required", cleanChoice.equals(DECLINE)
                    ? "Enter why you do not support this application" : "Enter your statement of support"));
        } else if (text.length() > STATEMENT_MAX) {
            problems.add(new Problem("statement", "tooLong", "Your statement must be " + STATEMENT_MAX + " characters or fewer"));
        }
        if (!problems.isEmpty()) {
            return new Result.Invalid(open, problems, cleanChoice, statement == null ? "" : statement);
        }
        EndorsementLink link = EndorsementLink.parse(linkValue).orElseThrow();
        boolean supported = cleanChoice.equals(SUPPORT);
        Endorsement endorsement = EndorsementEmails.endorsement(catalogue, open.state().application());
        Instant now = clock.instant();
        Optional<Endorsement.Step> next = supported ? endorsement.after(open.step().id()) : Optional.empty();
        List<EmailJob> due = new ArrayList<>();
        due.add(new EmailJob(open.step().id(), EmailJob.Kind.STAFF));
        next.ifPresentOrElse(n -> due.add(new EmailJob(n.id(), EmailJob.Kind.REQUEST)), () -> due.add(EmailJob.applicant()));
        boolean recorded = records.answer(link.reference(), open.step().id(), link.hash(), supported, text, now, due,
                next.map(n -> new EndorsementRecords.Next(n.id(), endorsement.linksExpire(now))));
        if (!recorded) {
            return new Result.NotRecorded(open(linkValue)); // answered a moment ago in another tab, or expired just now
        }
        List<Sent> sent = sendDue(link.reference(), remaining);
        View after = open(linkValue);
        return after instanceof View.Answered answered ? new Result.Recorded(answered, sent) : new Result.NotRecorded(after);
    }

    private Delivery send(String reference, EmailJob job, Duration remaining) {
        if (remaining.compareTo(emailBudget) < 0) {
            return Delivery.NO_TIME_LEFT;
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(remaining).plus(LEASE_MARGIN);
        EndorsementRecords.Claim claim = records.claim(reference, job, now, leaseUntil);
        if (claim instanceof EndorsementRecords.Claim.Done) {
            return Delivery.ALREADY_SENT;
        }
        if (claim instanceof EndorsementRecords.Claim.Held) {
            return Delivery.HELD_ELSEWHERE;
        }
        EndorsementState state = ((EndorsementRecords.Claim.Granted) claim).state();
        String mailbox = mailboxes.apply(state.application().fundId());
        try {
            Optional<String> to = EndorsementEmails.to(state, job, catalogue, mailbox);
            if (to.isEmpty()) {
                records.markNotSent(reference, job, leaseUntil, "none", "no address to send to");
                return Delivery.ALREADY_SENT;
            }
            if (job.kind() != EmailJob.Kind.STAFF && !records.countEmailToAddress(reference, job,
                    Sha256.hex(to.get().strip().toLowerCase(Locale.ROOT)), now.atZone(Catalogue.UK).toLocalDate(), publisher.emailsToOneAddressADay())) {
                records.markNotSent(reference, job, leaseUntil, "held", "daily cap");
                return Delivery.HELD_BACK;
            }
            Optional<EndorsementLink> link = Optional.empty();
            if (job.kind() == EmailJob.Kind.REQUEST || job.kind() == EmailJob.Kind.REMINDER) {
                link = Optional.of(EndorsementLink.issue(reference, job.stepId()));
                if (!records.addLink(reference, job, link.get().hash(), leaseUntil)) {
                    return Delivery.HELD_ELSEWHERE; // our lease lapsed and another attempt took the email
                }
            }
            String messageId = mailer.send(emails.compose(state, job, link, to.get(), mailbox), sender);
            records.markSent(reference, job, messageId, clock.instant());
            return Delivery.SENT;
        } catch (EmailRefusedException e) {
            if (job.kind() == EmailJob.Kind.STAFF) {
                release(reference, job, leaseUntil, e);
                throw e;
            }
            records.markNotSent(reference, job, leaseUntil, "refused", e.getMessage());
            return Delivery.REFUSED;
        } catch (RuntimeException e) {
            release(reference, job, leaseUntil, e);
            throw e;
        }
    }

    private void release(String reference, EmailJob job, Instant leaseUntil, RuntimeException cause) {
        try {
            records.release(reference, job, leaseUntil, cause.getClass().getSimpleName());
        } catch (StorageUnavailableException e) {
            cause.addSuppressed(e);
        }
    }
}
