package uk.opcc.funding.function.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.site.FixtureAnswers;
import uk.opcc.funding.function.PanelPackHandler;
import uk.opcc.funding.function.config.MailConfig;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.mail.EmailFailedException;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/** The service's rules with fakes of our own interfaces; PanelPackIT runs it on the real engines. */
public class PanelPackServiceTest {
    /** After the Safer Villages Grant's NV-2030-R1 deadline (28 March 2030, 16:00 GMT). */
    public static final Instant AFTER = Instant.parse("2030-03-28T16:05:00Z");
    public static final MailConfig CONFIG = new MailConfig("applications", "eu-west-2", Optional.empty(), Optional.empty(), "no-reply@example.gov.uk",
            Map.of(Fixtures.FUND, "grants@example.gov.uk", Fixtures.SHORT_FUND, "youth@example.gov.uk"), Optional.empty());

    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final FakeClaims claims = new FakeClaims();
    final List<Email> sent = new ArrayList<>();
    boolean mailDown;
    final Mailer sender = (pack, from) -> {
        if (mailDown) {
            throw new EmailFailedException("mail is down", null);
        }
        sent.add(pack);
        return "message-" + sent.size();
    };

    PanelPackService service(Instant now) {
        return new PanelPackService(Fixtures.CATALOGUE, store, claims, sender, CONFIG, Clock.fixed(now, ZoneOffset.UTC),
                PanelPackHandler.TIMEOUT);
    }

    void store(String reference, String fund, String round) {
        String form = Fixtures.CATALOGUE.formFor(fund).orElseThrow().id();
        Map<String, List<String>> answers = fund.equals(Fixtures.FUND) ? Fixtures.answers() : FixtureAnswers.youthDiversion();
        Fixtures.save(store, new Application(reference, form, fund, null, round, Fixtures.NOW, answers, 0),
                new IdempotencyKey(reference, Duration.ofHours(24)), Fixtures.NOW);
    }

    @Test
    void afterTheDeadlineTheRoundsPackGoesOutOnceToTheFundsMailbox() {
        store("KX7P-M2RD", Fixtures.FUND, Fixtures.ROUND);
        store("PN4W-8HTC", Fixtures.FUND, "NV-2030-R2");
        store("TR6X-9HCW", Fixtures.SHORT_FUND, "NV-2030-R1"); // another fund's, under the same round id

        PanelPackService.Result first = service(AFTER).send(Fixtures.FUND, Fixtures.ROUND);
        PanelPackService.Result second = service(AFTER.plusSeconds(1)).send(Fixtures.FUND, Fixtures.ROUND);

        assertThat(first).isEqualTo(new PanelPackService.Result(PanelPackService.Status.SENT, 1, "message-1"));
        assertThat(second.status()).isEqualTo(PanelPackService.Status.ALREADY_SENT);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).isEqualTo("grants@example.gov.uk");
        assertThat(sent.get(0).text()).contains("KX7P-M2RD").doesNotContain("PN4W-8HTC", "TR6X-9HCW");
        assertThat(claims.state).containsEntry(Fixtures.FUND + "#" + Fixtures.ROUND, "sent");
    }

    @Test
    void whileAnotherAttemptHoldsTheClaimNothingIsSentAndTheCallerIsToldToAskAgain() {
        store("KX7P-M2RD", Fixtures.FUND, Fixtures.ROUND);
        claims.state.put(Fixtures.FUND + "#" + Fixtures.ROUND, "sending");

        assertThat(service(AFTER).send(Fixtures.FUND, Fixtures.ROUND).status()).isEqualTo(PanelPackService.Status.IN_PROGRESS);
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedEmailGivesTheClaimBackSoTheRetrySendsIt() {
        store("KX7P-M2RD", Fixtures.FUND, Fixtures.ROUND);
        mailDown = true;

        assertThatThrownBy(() -> service(AFTER).send(Fixtures.FUND, Fixtures.ROUND)).isInstanceOf(EmailFailedException.class);
        assertThat(claims.state).containsEntry(Fixtures.FUND + "#" + Fixtures.ROUND, "pending");

        mailDown = false;
        assertThat(service(AFTER).send(Fixtures.FUND, Fixtures.ROUND).status()).isEqualTo(PanelPackService.Status.SENT);
        assertThat(sent).hasSize(1);
    }

    @Test
    void beforeTheDeadlineAnInterimPackIsSentEachTimeAndClaimsNothing() {
        store("KX7P-M2RD", Fixtures.FUND, Fixtures.ROUND);

        assertThat(service(Fixtures.NOW).send(Fixtures.FUND, Fixtures.ROUND).status()).isEqualTo(PanelPackService.Status.INTERIM_SENT);
        assertThat(service(Fixtures.NOW).send(Fixtures.FUND, Fixtures.ROUND).status()).isEqualTo(PanelPackService.Status.INTERIM_SENT);

        assertThat(sent).hasSize(2).allSatisfy(p -> assertThat(p.subject()).startsWith("Interim panel pack: "));
        assertThat(claims.state).isEmpty();
        assertThat(service(AFTER).send(Fixtures.FUND, Fixtures.ROUND).status()).isEqualTo(PanelPackService.Status.SENT);
    }

    @Test
    void anUnknownFundOrRoundOrTheUnscheduledRoundIsRefusedAndNothingIsDone() {
        store("KX7P-M2RD", Fixtures.FUND, Application.UNSCHEDULED);

        assertThatThrownBy(() -> service(AFTER).send("no-such-fund", Fixtures.ROUND))
                .isInstanceOf(UnknownRoundException.class).hasMessage("There is no fund 'no-such-fund' in the catalogue");
        assertThatThrownBy(() -> service(AFTER).send(Fixtures.FUND, "1999-Q1"))
                .isInstanceOf(UnknownRoundException.class).hasMessage("The Safer Villages Grant has no panel round '1999-Q1'");
        assertThatThrownBy(() -> service(AFTER).send(Fixtures.FUND, Application.UNSCHEDULED))
                .isInstanceOf(UnknownRoundException.class).hasMessageContaining("are in no panel pack");
        assertThatThrownBy(() -> service(AFTER).send(null, null)).isInstanceOf(UnknownRoundException.class);

        assertThat(sent).isEmpty();
        assertThat(claims.state).isEmpty();
    }

    /** Claims in memory, with the adapter's rules; DynamoDbPanelPackClaims meets DynamoDB Local in PanelPackIT. */
    public static final class FakeClaims implements PanelPackClaims {
        public final Map<String, String> state = new HashMap<>();

        @Override
        public synchronized Claim claim(String fundId, String roundId, Instant now, Instant leaseUntil) {
            String current = state.get(fundId + "#" + roundId);
            if ("sent".equals(current)) {
                return Claim.SENT;
            }
            if ("sending".equals(current)) {
                return Claim.HELD;
            }
            state.put(fundId + "#" + roundId, "sending");
            return Claim.GRANTED;
        }

        @Override
        public synchronized void markSent(String fundId, String roundId, String messageId, int applications, Instant at) {
            state.put(fundId + "#" + roundId, "sent");
        }

        @Override
        public synchronized boolean release(String fundId, String roundId, Instant leaseUntil, String reason) {
            state.put(fundId + "#" + roundId, "pending");
            return true;
        }
    }
}
