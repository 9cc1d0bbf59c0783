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
                "SENDER_ADDRESS", "no-reply@example.gov.uk", "SITE_ADDRESS", "https://funding.example.gov.uk",
                "STAFF_MAILBOXES", "safer-villages-fund=grants@example.gov.uk, youth-diversion-fund=youth@example.gov.uk"));
        return env;
    }

    @Test
    void readsEverySetting() {
        Map<String, String> env = notifierEnv();
        env.put("DYNAMODB_ENDPOINT", "http://localhost:8000");

        MailConfig config = MailConfig.from(env, Fixtures.CATALOGUE);

        assertThat(config.tableName()).isEqualTo("applications");
        assertThat(config.mailboxFor("youth-diversion-fund")).isEqualTo("youth@example.gov.uk");
        assertThat(config.dynamoDbEndpoint()).hasValueSatisfying(u -> assertThat(u).hasPort(8000));
        assertThat(config.sesEndpoint()).isEmpty();
    }

    @Test
    void theConfigurationSetIsOptionalAndMustBeAName() {
        Map<String, String> env = notifierEnv();
        assertThat(MailConfig.from(env, Fixtures.CATALOGUE).configurationSet()).isEmpty();

        env.put("SES_CONFIGURATION_SET", " Funding-production-mail ");
        assertThat(MailConfig.from(env, Fixtures.CATALOGUE).configurationSet()).contains("Funding-production-mail");

        env.put("SES_CONFIGURATION_SET", "funding mail");
        assertThatThrownBy(() -> MailConfig.from(env, Fixtures.CATALOGUE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("SES_CONFIGURATION_SET is not a configuration set name");
    }

    @Test
    void namesAMissingSetting() {
        assertThatThrownBy(() -> IntakeConfig.from(Map.of("AWS_REGION", "eu-west-2")))
                .isInstanceOf(ConfigException.class).hasMessage("TABLE_NAME is not set");
        Map<String, String> env = notifierEnv();
        env.remove("SENDER_ADDRESS");
        assertThatThrownBy(() -> MailConfig.from(env, Fixtures.CATALOGUE)).hasMessage("SENDER_ADDRESS is not set");
    }

    @Test
    void requiresAMailboxForEveryFundTakingApplications() {
        Map<String, String> env = notifierEnv();
        env.put("STAFF_MAILBOXES", "safer-villages-fund=grants@example.gov.uk");

        assertThatThrownBy(() -> MailConfig.from(env, Fixtures.CATALOGUE))
                .hasMessage("STAFF_MAILBOXES has no address for youth-diversion-fund, which takes applications");
    }

    @Test
    void rejectsBadMailboxesAndEndpoints() {
        Map<String, String> env = notifierEnv();
        env.put("STAFF_MAILBOXES", "lottery=grants@example.gov.uk");
        assertThatThrownBy(() -> MailConfig.from(env, Fixtures.CATALOGUE)).hasMessageContaining("'lottery=grants@example.gov.uk'");

        env.put("STAFF_MAILBOXES", "safer-villages-fund=grants@example.gov.uk\r\nBcc: x@y.z,youth-diversion-fund=v@example.gov.uk");
        assertThatThrownBy(() -> MailConfig.from(env, Fixtures.CATALOGUE)).hasMessageContaining("not an email address");

        assertThatThrownBy(() -> IntakeConfig.from(Map.of("TABLE_NAME", "t", "AWS_REGION", "eu-west-2", "DYNAMODB_ENDPOINT", "localhost",
                "CONFIRMATION_KEY_SECRET", "funding/key")))
                .hasMessageContaining("DYNAMODB_ENDPOINT is not a URL");
    }

    @Test
    void theIntakeNamesItsSecretsAndNeverTakesTheKeyItselfAsASetting() {
        Map<String, String> env = new HashMap<>(Map.of("TABLE_NAME", "t", "AWS_REGION", "eu-west-2"));
        assertThatThrownBy(() -> IntakeConfig.from(env)).hasMessage("CONFIRMATION_KEY_SECRET is not set");

        env.put("CONFIRMATION_KEY_SECRET", "arn:aws:secretsmanager:eu-west-2:123456789012:secret:key-AbCdEf");
        assertThatThrownBy(() -> IntakeConfig.from(env)).hasMessageStartingWith("ORIGIN_SECRET is not set");

        env.put("ORIGIN_SECRET", "arn:aws:secretsmanager:eu-west-2:123456789012:secret:origin-AbCdEf");
        IntakeConfig.SecretNames names = IntakeConfig.from(env).secrets();
        assertThat(names.confirmationKey()).endsWith(":secret:key-AbCdEf");
        assertThat(names.origin()).hasValueSatisfying(o -> assertThat(o).endsWith(":secret:origin-AbCdEf"));
        assertThat(names.endpoint()).isEmpty();

        env.put("CONFIRMATION_KEY", Fixtures.CONFIRMATION_KEY);
        assertThatThrownBy(() -> IntakeConfig.from(env)).hasMessageStartingWith("CONFIRMATION_KEY must not be set");
    }

    @Test
    void withLocalEnginesTheIntakeNeedsNoOriginSecret() {
        IntakeConfig config = IntakeConfig.from(Map.of("TABLE_NAME", "t", "AWS_REGION", "eu-west-2", "DYNAMODB_ENDPOINT", "http://localhost:8000",
                "CONFIRMATION_KEY_SECRET", "confirmation.key", "SECRETS_MANAGER_ENDPOINT", "http://localhost:4566"));

        assertThat(config.secrets().origin()).isEmpty();
        assertThat(config.secrets().endpoint()).hasValue(java.net.URI.create("http://localhost:4566"));
    }
}
