package uk.opcc.funding.function.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;

class ConfigTest {
    static Map<String, String> notifierEnv() {
        Map<String, String> env = new HashMap<>(Map.of("TABLE_NAME", "applications", "AWS_REGION", "eu-west-2",
                "SENDER_ADDRESS", "no-reply@example.gov.uk",
                "STAFF_MAILBOXES", "property-fund=grants@example.gov.uk, victims-services-fund=victims@example.gov.uk"));
        return env;
    }

    @Test
    void readsEverySetting() {
        Map<String, String> env = notifierEnv();
        env.put("DYNAMODB_ENDPOINT", "http://localhost:8000");

        Config config = Config.forNotifier(env, Fixtures.CATALOGUE);

        assertThat(config.tableName()).isEqualTo("applications");
        assertThat(config.mailboxFor("victims-services-fund")).isEqualTo("victims@example.gov.uk");
        assertThat(config.dynamoDbEndpoint()).hasValueSatisfying(u -> assertThat(u).hasPort(8000));
        assertThat(config.sesEndpoint()).isEmpty();
    }

    @Test
    void theConfigurationSetIsOptionalAndMustBeAName() {
        Map<String, String> env = notifierEnv();
        assertThat(Config.forNotifier(env, Fixtures.CATALOGUE).configurationSet()).isEmpty();

        env.put("SES_CONFIGURATION_SET", " Funding-production-mail ");
        assertThat(Config.forNotifier(env, Fixtures.CATALOGUE).configurationSet()).contains("Funding-production-mail");

        env.put("SES_CONFIGURATION_SET", "funding mail");
        assertThatThrownBy(() -> Config.forNotifier(env, Fixtures.CATALOGUE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("SES_CONFIGURATION_SET is not a configuration set name");
    }

    @Test
    void namesAMissingSetting() {
        assertThatThrownBy(() -> Config.forIntake(Map.of("AWS_REGION", "eu-west-2")))
                .isInstanceOf(ConfigException.class).hasMessage("TABLE_NAME is not set");
        Map<String, String> env = notifierEnv();
        env.remove("SENDER_ADDRESS");
        assertThatThrownBy(() -> Config.forNotifier(env, Fixtures.CATALOGUE)).hasMessage("SENDER_ADDRESS is not set");
    }

    @Test
    void requiresAMailboxForEveryFundTakingApplications() {
        Map<String, String> env = notifierEnv();
        env.put("STAFF_MAILBOXES", "property-fund=grants@example.gov.uk");

        assertThatThrownBy(() -> Config.forNotifier(env, Fixtures.CATALOGUE))
                .hasMessage("STAFF_MAILBOXES has no address for victims-services-fund, which takes applications");
    }

    @Test
    void rejectsBadMailboxesAndEndpoints() {
        Map<String, String> env = notifierEnv();
        env.put("STAFF_MAILBOXES", "lottery=grants@example.gov.uk");
        assertThatThrownBy(() -> Config.forNotifier(env, Fixtures.CATALOGUE)).hasMessageContaining("'lottery=grants@example.gov.uk'");

        env.put("STAFF_MAILBOXES", "property-fund=grants@example.gov.uk\r\nBcc: x@y.z,victims-services-fund=v@example.gov.uk");
        assertThatThrownBy(() -> Config.forNotifier(env, Fixtures.CATALOGUE)).hasMessageContaining("not an email address");

        assertThatThrownBy(() -> Config.forIntake(Map.of("TABLE_NAME", "t", "AWS_REGION", "eu-west-2", "DYNAMODB_ENDPOINT", "localhost",
                "CONFIRMATION_KEY", Fixtures.CONFIRMATION_KEY)))
                .hasMessageContaining("DYNAMODB_ENDPOINT is not a URL");
    }

    @Test
    void theIntakeNeedsALongEnoughConfirmationKeyAndNeverShowsIt() {
        Map<String, String> env = new HashMap<>(Map.of("TABLE_NAME", "t", "AWS_REGION", "eu-west-2"));
        assertThatThrownBy(() -> Config.forIntake(env)).hasMessage("CONFIRMATION_KEY is not set");

        env.put("CONFIRMATION_KEY", "too-short-to-be-safe");
        assertThatThrownBy(() -> Config.forIntake(env)).hasMessage("CONFIRMATION_KEY must be at least 32 characters");

        env.put("CONFIRMATION_KEY", Fixtures.CONFIRMATION_KEY);
        Config config = Config.forIntake(env);
        assertThat(config.confirmationKey()).contains(Fixtures.CONFIRMATION_KEY);
        assertThat(config.toString()).doesNotContain(Fixtures.CONFIRMATION_KEY).contains("confirmationKey=(set)");
    }
}
