package uk.opcc.funding.function.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.config.IntakeConfig;

/** The intake's secrets: read once, kept, checked, and never left in memory for a snapshot. */
class IntakeSecretsTest {
    final Map<String, String> stored = new HashMap<>(Map.of("key", Fixtures.CONFIRMATION_KEY, "origin", "from-cloudfront\n"));
    final List<String> reads = new ArrayList<>();
    final Secrets source = name -> {
        reads.add(name);
        String value = stored.get(name);
        if (value == null) {
            throw new SecretUnavailableException("no secret " + name);
        }
        return value;
    };

    IntakeSecrets secrets(Optional<String> origin) {
        return new IntakeSecrets(source, new IntakeConfig.SecretNames("key", origin, Optional.empty()));
    }

    @Test
    void readsEachSecretOnceAndKeepsIt() {
        // given the intake's secrets, loaded at start-up
        IntakeSecrets secrets = secrets(Optional.of("origin"));
        secrets.load();

        // when they are used by many requests
        for (int i = 0; i < 3; i++) {
            assertThat(new String(secrets.confirmationKey(), StandardCharsets.UTF_8)).isEqualTo(Fixtures.CONFIRMATION_KEY);
            assertThat(secrets.origin()).hasValue("from-cloudfront");
        }

        // then each was read once
        assertThat(reads).containsExactly("key", "origin");
    }

    @Test
    void aKeyTooShortToSignStopsTheStartUpNamingTheSecretNotItsValue() {
        stored.put("key", "too-short-to-be-safe");

        assertThatThrownBy(() -> secrets(Optional.empty()).load())
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("The secret key is shorter than 32 characters")
                .hasMessageNotContaining("too-short-to-be-safe");
    }

    @Test
    void withoutAnOriginSecretThereIsNothingToCheckAndNothingIsRead() {
        IntakeSecrets secrets = secrets(Optional.empty());

        assertThat(secrets.origin()).isEmpty();
        assertThat(reads).containsExactly("key");
    }

    @Test
    void beforeASnapshotTheKeyIsWipedAndForgottenAndAfterTheRestoreReadAgain() {
        // given secrets read before SnapStart's snapshot
        IntakeSecrets secrets = secrets(Optional.of("origin"));
        secrets.load();
        byte[] held = secrets.confirmationKey();

        // when the snapshot is taken
        secrets.beforeCheckpoint(null);

        // then no copy of the key is left in the array the JVM held, and none is loaded
        assertThat(held).containsOnly(0);
        assertThat(secrets.isLoaded()).isFalse();

        // and the restored JVM reads both again
        secrets.afterRestore(null);
        assertThat(secrets.isLoaded()).isTrue();
        assertThat(reads).containsExactly("key", "origin", "key", "origin");
    }

    @Test
    void aFailedReadAfterTheRestoreIsTriedAgainByTheFirstRequest() {
        IntakeSecrets secrets = secrets(Optional.empty());
        stored.remove("key");
        secrets.afterRestore(null);
        assertThat(secrets.isLoaded()).isFalse();

        stored.put("key", Fixtures.CONFIRMATION_KEY);

        assertThat(secrets.confirmationKey()).isNotEmpty();
    }
}
