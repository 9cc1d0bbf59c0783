package uk.opcc.funding.function.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConfirmationTokenTest {
    static final byte[] KEY = "test-only-confirmation-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final Instant ISSUED = Instant.parse("2026-11-24T12:00:00Z");
    static final Instant RECEIVED = Instant.parse("2026-11-24T11:59:58Z");

    static ConfirmationToken at(Instant now) {
        return new ConfirmationToken(KEY, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenItIssuedIsGoodUntilItExpires() {
        String token = at(ISSUED).issue("KX7P-M2RD", "safer-villages", "lit-lanes-2030", RECEIVED);

        ConfirmationToken.Checked checked = at(ISSUED.plus(ConfirmationToken.LIFETIME).minusSeconds(1)).check(token, "safer-villages");

        assertThat(checked.claims()).contains(new ConfirmationToken.Claims("KX7P-M2RD", "safer-villages", "lit-lanes-2030",
                RECEIVED, ISSUED.plus(ConfirmationToken.LIFETIME)));
        assertThat(at(ISSUED.plus(ConfirmationToken.LIFETIME)).check(token, "safer-villages").refusal()).isEqualTo(ConfirmationToken.Refusal.EXPIRED);
    }

    @Test
    void carriesNothingPersonalAndIsSafeInAUrl() {
        String token = at(ISSUED).issue("KX7P-M2RD", "safer-villages", null, RECEIVED);

        assertThat(token).matches("v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .isEqualTo("KX7P-M2RD|safer-villages||" + RECEIVED.getEpochSecond() + "|" + ISSUED.plus(ConfirmationToken.LIFETIME).getEpochSecond());
    }

    @Test
    void refusesAChangedTokenAnotherKeysTokenAndAnotherFormsToken() {
        String token = at(ISSUED).issue("KX7P-M2RD", "safer-villages", null, RECEIVED);
        String[] parts = token.split("\\.");
        String longer = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("ABCD-EFGH|safer-villages||1|" + Long.MAX_VALUE).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        ConfirmationToken other = new ConfirmationToken("another-key-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(ISSUED, ZoneOffset.UTC));

        for (String bad : new String[] {longer, token + "A", token.replace("v1.", "v2."), other.issue("KX7P-M2RD", "safer-villages", null, RECEIVED),
                "KX7P-M2RD", "", "..", "v1.x.y", "v1." + parts[1] + ".%%%", null}) {
            assertThat(at(ISSUED).check(bad, "safer-villages").refusal()).as(String.valueOf(bad)).isEqualTo(ConfirmationToken.Refusal.INVALID);
            assertThat(at(ISSUED).check(bad, "safer-villages").claims()).isEmpty();
        }
        assertThat(at(ISSUED).check(token, "youth-diversion").refusal()).isEqualTo(ConfirmationToken.Refusal.INVALID);
    }

    @Test
    void needsALongEnoughKey() {
        assertThatThrownBy(() -> new ConfirmationToken("short".getBytes(StandardCharsets.UTF_8), Clock.systemUTC()))
                .hasMessageContaining("at least 32 bytes");
    }
}
