package uk.opcc.funding.function.panel;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.function.config.MailConfig;
import uk.opcc.funding.function.mail.Attachment;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.intake.Application;

/**
 * Makes and sends one fund's panel pack for one round. After the round's deadline the pack is
 * the round's own and goes out once, however often it is asked for; before it, an interim pack
 * of the applications so far is sent each time and claims nothing, so the real one still follows.
 */
public final class PanelPackService {
    /**
     * How long a claim on a pack lasts when the function runs at most {@code timeout}: longer than
     * the function can run, so a live attempt never loses its claim to a retry; twice as long, so
     * Lambda's second retry of a crashed invocation (one, then two minutes after it failed) finds
     * the claim lapsed and sends the pack.
     */
    public static Duration claimLease(Duration timeout) {
        return timeout.multipliedBy(2);
    }

    /** What came of a request; IN_PROGRESS means another attempt holds the claim: ask again later. */
    public enum Status { SENT, INTERIM_SENT, ALREADY_SENT, IN_PROGRESS }

    public record Result(Status status, int applications, String messageId) {
    }

    private final Catalogue catalogue;
    private final RoundApplications store;
    private final PanelPackClaims claims;
    private final Mailer mailer;
    private final MailConfig config;
    private final Clock clock;
    private final Duration claimLease;

    /** @param timeout the longest the function sending packs runs: each claim outlasts it ({@link #claimLease}) */
    public PanelPackService(Catalogue catalogue, RoundApplications store, PanelPackClaims claims, Mailer mailer, MailConfig config, Clock clock,
            Duration timeout) {
        this.catalogue = catalogue;
        this.store = store;
        this.claims = claims;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.claimLease = claimLease(timeout);
    }

    /**
     * @throws UnknownRoundException when the fund or round is not in the catalogue (nothing is done)
     * @throws uk.opcc.funding.function.mail.EmailFailedException when sending failed; the claim is given back
     */
    public Result send(String fundId, String roundId) {
        Fund fund = catalogue.fund(fundId == null ? "" : fundId)
                .orElseThrow(() -> new UnknownRoundException("There is no fund '" + fundId + "' in the catalogue"));
        if (Application.UNSCHEDULED.equals(roundId)) {
            throw new UnknownRoundException("Applications stored as '" + Application.UNSCHEDULED + "' arrived after the last round in "
                    + fund.name() + "'s calendar and are in no panel pack: add the next rounds to funds.yml");
        }
        PanelRound round = catalogue.round(fundId, roundId == null ? "" : roundId)
                .orElseThrow(() -> new UnknownRoundException("The " + fund.name() + " has no panel round '" + roundId + "'"));
        FormDefinition form = catalogue.formFor(fundId)
                .orElseThrow(() -> new UnknownRoundException("The " + fund.name() + " has no application form, so no applications"));
        String mailbox = config.mailboxFor(fundId);

        Instant now = clock.instant();
        boolean interim = now.isBefore(round.deadline().toInstant());
        Instant leaseUntil = now.plus(claimLease);
        if (!interim) {
            PanelPackClaims.Claim claim = claims.claim(fundId, roundId, now, leaseUntil);
            if (claim != PanelPackClaims.Claim.GRANTED) {
                return new Result(claim == PanelPackClaims.Claim.SENT ? Status.ALREADY_SENT : Status.IN_PROGRESS, 0, null);
            }
        }
        String messageId;
        PanelPack pack;
        try {
            pack = PanelPack.composeEndorsed(catalogue, fund, round, form, store.roundWithEndorsements(fundId, roundId), mailbox, interim);
            messageId = mailer.send(email(pack), config.senderAddress());
        } catch (RuntimeException e) {
            if (!interim) {
                // If our lease lapsed, the attempt that took the pack over keeps it.
                claims.release(fundId, roundId, leaseUntil, e.getClass().getSimpleName());
            }
            throw e;
        }
        if (interim) {
            return new Result(Status.INTERIM_SENT, pack.count(), messageId);
        }
        claims.markSent(fundId, roundId, messageId, pack.count(), clock.instant());
        return new Result(Status.SENT, pack.count(), messageId);
    }

    /** The pack as an email: its summary as the text, its CSV attached, then the round's draft decision if it has applications. */
    public static Email email(PanelPack pack) {
        List<Attachment> attachments = new ArrayList<>();
        attachments.add(new Attachment(pack.attachmentName(), "text/csv; charset=UTF-8", pack.csv().getBytes(StandardCharsets.UTF_8)));
        pack.draft().ifPresent(draft -> attachments.add(
                new Attachment(pack.draftName().orElseThrow(), "application/yaml", draft.getBytes(StandardCharsets.UTF_8))));
        return new Email(pack.to(), null, pack.subject(), pack.text(), null, attachments);
    }
}
