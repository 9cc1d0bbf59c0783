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
import uk.opcc.funding.function.LegacyFixtures;
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
    /** After the Property Fund's 2026-27-Q3 deadline (11 December 2026, 17:00). */
    public static final Instant AFTER = Instant.parse("2026-12-11T17:05:00Z");
    public static final MailConfig CONFIG = new MailConfig("applications", "eu-west-2", Optional.empty(), Optional.empty(), "no-reply@example.gov.uk",
            Map.of("property-fund", "grants@example.gov.uk", "victims-services-fund", "victims@example.gov.uk"), Optional.empty());

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
        return new PanelPackService(LegacyFixtures.CATALOGUE, store, claims, sender, CONFIG, Clock.fixed(now, ZoneOffset.UTC),
                PanelPackHandler.TIMEOUT);
    }

    void store(String reference, String fund, String round) {
        uk.opcc.funding.function.Fixtures.save(store, new Application(reference, fund, fund, null, round, LegacyFixtures.NOW, LegacyFixtures.propertyFundAnswers(), 0),
                new IdempotencyKey(reference, Duration.ofHours(24)), LegacyFixtures.NOW);
    }

    @Test
    void afterTheDeadlineTheRoundsPackGoesOutOnceToTheFundsMailbox() {
        store("KX7P-M2RD", "property-fund", "2026-27-Q3");
        store("PN4W-8HTC", "property-fund", "2026-27-Q4");
        store("TR6X-9HCW", "victims-services-fund", "2026-27-Q3");

        PanelPackService.Result first = service(AFTER).send("property-fund", "2026-27-Q3");
        PanelPackService.Result second = service(AFTER.plusSeconds(1)).send("property-fund", "2026-27-Q3");

        assertThat(first).isEqualTo(new PanelPackService.Result(PanelPackService.Status.SENT, 1, "message-1"));
        assertThat(second.status()).isEqualTo(PanelPackService.Status.ALREADY_SENT);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).isEqualTo("grants@example.gov.uk");
        assertThat(sent.get(0).text()).contains("KX7P-M2RD").doesNotContain("PN4W-8HTC", "TR6X-9HCW");
        assertThat(claims.state).containsEntry("property-fund#2026-27-Q3", "sent");
    }

    @Test
    void whileAnotherAttemptHoldsTheClaimNothingIsSentAndTheCallerIsToldToAskAgain() {
        store("KX7P-M2RD", "property-fund", "2026-27-Q3");
        claims.state.put("property-fund#2026-27-Q3", "sending");

        assertThat(service(AFTER).send("property-fund", "2026-27-Q3").status()).isEqualTo(PanelPackService.Status.IN_PROGRESS);
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedEmailGivesTheClaimBackSoTheRetrySendsIt() {
        store("KX7P-M2RD", "property-fund", "2026-27-Q3");
        mailDown = true;

        assertThatThrownBy(() -> service(AFTER).send("property-fund", "2026-27-Q3")).isInstanceOf(EmailFailedException.class);
        assertThat(claims.state).containsEntry("property-fund#2026-27-Q3", "pending");

        mailDown = false;
        assertThat(service(AFTER).send("property-fund", "2026-27-Q3").status()).isEqualTo(PanelPackService.Status.SENT);
        assertThat(sent).hasSize(1);
    }

    @Test
    void beforeTheDeadlineAnInterimPackIsSentEachTimeAndClaimsNothing() {
        store("KX7P-M2RD", "property-fund", "2026-27-Q3");

        assertThat(service(LegacyFixtures.NOW).send("property-fund", "2026-27-Q3").status()).isEqualTo(PanelPackService.Status.INTERIM_SENT);
        assertThat(service(LegacyFixtures.NOW).send("property-fund", "2026-27-Q3").status()).isEqualTo(PanelPackService.Status.INTERIM_SENT);

        assertThat(sent).hasSize(2).allSatisfy(p -> assertThat(p.subject()).startsWith("Interim panel pack: "));
        assertThat(claims.state).isEmpty();
        assertThat(service(AFTER).send("property-fund", "2026-27-Q3").status()).isEqualTo(PanelPackService.Status.SENT);
    }

    @Test
    void anUnknownFundOrRoundOrTheUnscheduledRoundIsRefusedAndNothingIsDone() {
        store("KX7P-M2RD", "property-fund", Application.UNSCHEDULED);

        assertThatThrownBy(() -> service(AFTER).send("no-such-fund", "2026-27-Q3"))
                .isInstanceOf(UnknownRoundException.class).hasMessage("There is no fund 'no-such-fund' in the catalogue");
        assertThatThrownBy(() -> service(AFTER).send("property-fund", "1999-Q1"))
                .isInstanceOf(UnknownRoundException.class).hasMessage("The Property Fund has no panel round '1999-Q1'");
        assertThatThrownBy(() -> service(AFTER).send("property-fund", Application.UNSCHEDULED))
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
