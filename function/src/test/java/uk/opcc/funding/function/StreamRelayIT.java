package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import uk.opcc.funding.function.engines.StackMapping;
import uk.opcc.funding.function.storage.ApplicationTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.engines.FailedRecordsFolder;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.engines.StreamRelay;

/**
 * The stream relay of the local run and the ITs gives up as the deployed mapping does: a record
 * still failing after its first attempt and five retries (waiting longer before each) is written
 * where the stack's failed-records bucket would have it, and passed over; its application stays on
 * the needs-email index, and the resend finds it and sends its emails. DynamoDB Local and the SES
 * emulator, on a clock the test moves.
 */
class StreamRelayIT {
    final DynamoDbLocal dynamoDb = DynamoDbLocal.get();
    final SesEmulator ses = SesEmulator.get();
    final String table = dynamoDb.newTable(ApplicationTable::create);
    final IntakeHandler intake = new IntakeHandler(Fixtures.intake(Fixtures.withConfirmationKey(dynamoDb.environment(table))));
    final NotifierFaultIT.TestClock clock = new NotifierFaultIT.TestClock();
    final List<StreamRelay.Parked> parked = new ArrayList<>();
    final StreamRelay stream = new StreamRelay(dynamoDb, table, StackMapping.NOTIFIER, new StreamRelay.Retries(clock, Duration.ofSeconds(1), Duration.ofSeconds(8),
            new FailedRecordsFolder(Path.of("target", "failed-records", table)), parked::add));

    Map<String, String> environment(String sesEndpoint) {
        return ses.notifierEnvironment(dynamoDb.environment(table), sesEndpoint);
    }

    @BeforeEach
    void emptyOutbox() {
        ses.clear();
    }

    /** Calls the relay a second of the clock at a time until it hands the notifier something: the seconds waited. */
    long secondsUntilDelivered(NotifierHandler notifier) {
        long seconds = 0;
        while (stream.deliverTo(notifier) == 0) {
            assertThat(seconds).as("a retry within a minute").isLessThan(60);
            clock.advance(Duration.ofSeconds(1));
            seconds++;
        }
        return seconds;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordStillFailingAfterItsAttemptsIsParkedWhereTheResendFindsIt_andTheResendSendsItsEmails() throws Exception {
        String reference = ApplicationJourneyIT.applications(intake, "Parked Club ", 1).get(0);
        NotifierHandler sesDown = new NotifierHandler(Fixtures.wiring(environment("http://127.0.0.1:" + DynamoDbLocal.freePort())).notificationService());

        // when SES stays down through the first attempt and every retry
        assertThat(stream.deliverTo(sesDown)).as("the first attempt").isPositive();
        List<Long> waits = new ArrayList<>();
        while (parked.isEmpty()) {
            waits.add(secondsUntilDelivered(sesDown));
            assertThat(waits).hasSizeLessThanOrEqualTo(NotifierHandler.STREAM_RETRY_ATTEMPTS);
        }

        // then five retries, each waiting longer (up to the longest wait), and the record parked after the sixth attempt
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 8L);
        assertThat(parked).hasSize(1);
        StreamRelay.Parked gaveUp = parked.get(0);
        assertThat(gaveUp.attempts()).isEqualTo(1 + NotifierHandler.STREAM_RETRY_ATTEMPTS);
        assertThat(gaveUp.keys()).contains("APP#" + reference);
        Map<String, Object> object = CatalogueJson.parse(Files.readString(gaveUp.file()));
        assertThat((Map<String, Object>) object.get("requestContext")).containsEntry("condition", "RetryAttemptsExhausted")
                .containsEntry("approximateInvokeCount", 6);
        Map<String, Object> batch = (Map<String, Object>) object.get("DDBStreamBatchInfo");
        List<Map<String, Object>> records = (List<Map<String, Object>>) ((Map<String, Object>) object.get("payload")).get("Records");
        assertThat(batch).containsEntry("batchSize", records.size()).containsKeys("shardId", "startSequenceNumber", "endSequenceNumber", "streamArn");
        Map<String, Object> application = records.stream().filter(r -> ("APP#" + reference).equals(
                ((Map<String, Map<String, Object>>) ((Map<String, Object>) r.get("dynamodb")).get("Keys")).get("pk").get("S"))).findFirst().orElseThrow();
        assertThat(application).containsEntry("eventName", "INSERT");
        assertThat((Map<String, Object>) ((Map<String, Object>) application.get("dynamodb")).get("NewImage")).containsKeys("answers", "fundId");

        // and it is passed over: later calls never hand it to the notifier again
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            stream.deliverTo(sesDown);
        }
        ResendHandler resend = Fixtures.resend(Fixtures.wiring(environment(ses.endpoint)));
        assertThat((List<String>) resend.handleRequest(Map.of("list", true), null).get("unsent")).singleElement()
                .satisfies(line -> assertThat(line).startsWith(reference).contains("STAFF=pending, 6 attempt(s)"));

        // when mail works again, the resend sends both emails, once
        Map<String, Object> resent = resend.handleRequest(Map.of(), null);

        assertThat(resent).containsEntry("found", 1).containsEntry("emailsSent", 2L).containsEntry("stillUnsent", List.of());
        assertThat(ses.emails()).extracting(e -> (String) e.get("subject")).hasSize(2).allSatisfy(s -> assertThat(s).endsWith(reference));
    }

}
