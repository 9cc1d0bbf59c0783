package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.panel.PanelPack;
import uk.opcc.funding.function.panel.PanelPackService;
import uk.opcc.funding.function.panel.PanelPackServiceTest;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/** The handler's answers; PanelPackIT runs it wired from the environment on the real engines. */
class PanelPackHandlerTest {
    final PanelPackServiceTest.FakeClaims claims = new PanelPackServiceTest.FakeClaims();
    final List<uk.opcc.funding.function.mail.Email> sent = new ArrayList<>();
    final PanelPackHandler handler = new PanelPackHandler(new PanelPackService(Fixtures.CATALOGUE, new InMemoryApplicationStore(), claims,
            (pack, from) -> {
                sent.add(pack);
                return "m-" + sent.size();
            }, PanelPackServiceTest.CONFIG, Clock.fixed(PanelPackServiceTest.AFTER, ZoneOffset.UTC),
            PanelPackHandler.TIMEOUT));

    @Test
    void sendsOnceThenSaysSo() {
        assertThat(handler.handleRequest(Map.of("fundId", Fixtures.FUND, "roundId", Fixtures.ROUND), null))
                .isEqualTo(Map.of("status", "SENT", "applications", 0));
        assertThat(handler.handleRequest(Map.of("fundId", Fixtures.FUND, "roundId", Fixtures.ROUND), null))
                .isEqualTo(Map.of("status", "ALREADY_SENT", "applications", 0));
        assertThat(sent).hasSize(1);
    }

    @Test
    void failsWhileAnotherAttemptHoldsTheClaimSoLambdaRetriesLater() {
        claims.state.put(Fixtures.FUND + "#" + Fixtures.ROUND, "sending");

        assertThatThrownBy(() -> handler.handleRequest(Map.of("fundId", Fixtures.FUND, "roundId", Fixtures.ROUND), null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void anUnknownRoundIsAnsweredNotRetried() {
        assertThat(handler.handleRequest(Map.of("fundId", Fixtures.FUND), null)).containsEntry("status", "UNKNOWN_ROUND");
        assertThat(sent).isEmpty();
    }
}
