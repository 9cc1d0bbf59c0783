package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import uk.opcc.funding.function.config.MailConfig;

/** The AWS clients every function builds: each call ends well inside the function's timeout. */
class WiringTest {
    static final Duration INTAKE_TIMEOUT = Duration.ofSeconds(10);
    final MailConfig config = MailConfig.from(Map.of("TABLE_NAME", "applications", "AWS_REGION", "eu-west-2",
            "SENDER_ADDRESS", "no-reply@example.gov.uk", "SITE_ADDRESS", "https://funding.example.gov.uk",
            "STAFF_MAILBOXES", "safer-villages-fund=grants@example.gov.uk,youth-diversion-fund=youth@example.gov.uk"), Fixtures.CATALOGUE);

    @Test
    void dynamoDbCallsAndAttemptsHaveTimeoutsInsideTheIntakesTimeout() {
        try (DynamoDbClient client = Wiring.dynamoDb(config.region(), config.dynamoDbEndpoint())) {
            ClientOverrideConfiguration timeouts = client.serviceClientConfiguration().overrideConfiguration();
            assertThat(timeouts.apiCallAttemptTimeout()).hasValueSatisfying(t -> assertThat(t).isLessThan(timeouts.apiCallTimeout().orElseThrow()));
            assertThat(timeouts.apiCallTimeout()).hasValueSatisfying(t -> assertThat(t).isLessThan(INTAKE_TIMEOUT));
        }
    }

    @Test
    void sesCallsHaveTimeoutsAndAnEmailFitsInTheNotifiersTimeoutWithRoomToSpare() {
        try (SesV2Client client = Wiring.ses(config.region(), config.sesEndpoint())) {
            ClientOverrideConfiguration timeouts = client.serviceClientConfiguration().overrideConfiguration();
            assertThat(timeouts.apiCallAttemptTimeout()).hasValueSatisfying(t -> assertThat(t).isLessThan(timeouts.apiCallTimeout().orElseThrow()));
            assertThat(timeouts.apiCallTimeout()).hasValue(Wiring.SES_CALL_TIMEOUT);
        }
        assertThat(Wiring.EMAIL_BUDGET).isGreaterThan(Wiring.SES_CALL_TIMEOUT.plus(Wiring.DYNAMODB_CALL_TIMEOUT))
                .isLessThan(NotifierHandler.TIMEOUT.dividedBy(3).multipliedBy(2));
    }
}
