package uk.opcc.funding.function.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.storage.ApplicationTable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.config.IntakeConfig;
import uk.opcc.funding.function.IntakeHandler;
import uk.opcc.funding.function.Wiring;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.engines.Events;
import uk.opcc.funding.function.engines.SecretsManagerStandIn;
import uk.opcc.funding.function.intake.ConfirmationToken;

/**
 * The Secrets Manager adapter through the real SDK client over HTTP, against the stand-in that
 * holds it to the service's wire protocol (LocalStackIT does the same against LocalStack where
 * Docker is), and the intake wired as Lambda wires it, with and without SnapStart.
 */
class IntakeSecretsIT {
    final SecretsManagerStandIn standIn = SecretsManagerStandIn.get();
    final DynamoDbLocal dynamoDb = DynamoDbLocal.get();
    final String table = dynamoDb.newTableWithoutStream(ApplicationTable::create); // reads no stream

    @Test
    void readsASecretByArnOrByNameAndNamesOneItCannotFind() {
        // given a secret in Secrets Manager
        String arn = standIn.put("funding/it/plain", "a value");
        Map<String, String> env = Fixtures.withConfirmationKey(dynamoDb.environment(table));
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(Wiring.Clients.AWS.secretsManager("eu-west-2", IntakeConfig.from(env).secrets().endpoint()));

        // when it is read by ARN and by name, then a missing one
        assertThat(secrets.read(arn)).isEqualTo("a value");
        assertThat(secrets.read("funding/it/plain")).isEqualTo("a value");
        assertThatThrownBy(() -> secrets.read("funding/it/missing"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("funding/it/missing")
                .hasMessageContaining("can't find the specified secret");

        // then every request was Secrets Manager's protocol
        assertThat(standIn.violations).isEmpty();
    }

    @Test
    void onDemandTheIntakeReadsItsSecretsAtStartUpOnceAndCheckTheOrigin() {
        // given the intake's settings naming its secrets, as the stack writes them
        Map<String, String> env = new HashMap<>(Fixtures.withConfirmationKey(dynamoDb.environment(table)));
        env.put("ORIGIN_SECRET", standIn.put("funding/it/origin-on-demand", "cloudfront-was-here"));
        int before = standIn.reads(Fixtures.CONFIRMATION_KEY_SECRET);

        // when Lambda starts it on demand and requests arrive
        IntakeHandler intake = new IntakeHandler(Fixtures.intake(env));
        int atStartUp = standIn.reads(Fixtures.CONFIRMATION_KEY_SECRET) - before;
        var refused = intake.handleRequest(Events.json(Fixtures.FORM, Map.of("groupName", "")), null);
        var withHeader = Events.json(Fixtures.FORM, Map.of("groupName", ""));
        withHeader.getHeaders().put("x-origin-verify", "cloudfront-was-here");
        var checked = intake.handleRequest(withHeader, null);

        // then the key was read once, at start-up, and only CloudFront's requests are served
        assertThat(atStartUp).isEqualTo(1);
        assertThat(standIn.reads(Fixtures.CONFIRMATION_KEY_SECRET) - before).isEqualTo(1);
        assertThat(refused.getStatusCode()).isEqualTo(403);
        assertThat(checked.getStatusCode()).isEqualTo(422);
        assertThat(standIn.violations).isEmpty();
    }

    @Test
    void beforeASnapStartSnapshotNothingIsReadAndTheRestoredJvmReadsItsSecrets() {
        // given the init SnapStart snapshots
        Map<String, String> env = new HashMap<>(Fixtures.withConfirmationKey(dynamoDb.environment(table)));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        int before = standIn.reads(Fixtures.CONFIRMATION_KEY_SECRET);

        // when the function is built and primed, and the snapshot taken
        Wiring.Intake intake = Fixtures.intake(env);
        intake.priming().beforeCheckpoint(null);
        intake.secrets().beforeCheckpoint(null);

        // then the key was never read into the JVM that is snapshotted
        assertThat(standIn.reads(Fixtures.CONFIRMATION_KEY_SECRET)).isEqualTo(before);
        assertThat(intake.secrets().isLoaded()).isFalse();

        // and once restored it reads the key, and signs and checks confirmation links with it
        intake.secrets().afterRestore(null);
        assertThat(standIn.reads(Fixtures.CONFIRMATION_KEY_SECRET)).isEqualTo(before + 1);
        String token = intake.tokens().issue("KX7P-M2RD", Fixtures.FORM, null, Fixtures.NOW);
        var sameKey = new ConfirmationToken(Fixtures.CONFIRMATION_KEY.getBytes(StandardCharsets.UTF_8), Fixtures.CLOCK);
        assertThat(sameKey.check(token, Fixtures.FORM).claims()).hasValueSatisfying(c -> assertThat(c.reference()).isEqualTo("KX7P-M2RD"));
        assertThat(standIn.violations).isEmpty();
    }
}
