package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import uk.opcc.funding.function.engines.StackMapping;
import uk.opcc.funding.function.storage.ApplicationTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.opcc.funding.function.notify.EmailRecords;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.engines.StreamRelay;
import uk.opcc.funding.function.notify.Recipient;
import uk.opcc.funding.function.notify.EmailRecords.Claim;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;

/**
 * Failed emails come back: SES fails for a while, Lambda gives up on the records, and the resend
 * function (as deployed, built by its no-arg wiring from settings) finds the applications on
 * the needs-email index of DynamoDB Local and sends each missing email once through the SES
 * emulator.
 */
class FailedEmailsIT {
    final DynamoDbLocal dynamoDb = DynamoDbLocal.get();
    final SesEmulator ses = SesEmulator.get();
    final String table = dynamoDb.newTable(ApplicationTable::create);
    final StreamRelay stream = new StreamRelay(dynamoDb, table, StackMapping.NOTIFIER);
    final IntakeHandler intake = new IntakeHandler(Fixtures.intake(Fixtures.withConfirmationKey(dynamoDb.environment(table))));

    Map<String, String> environment(String sesEndpoint) {
        return ses.notifierEnvironment(dynamoDb.environment(table), sesEndpoint);
    }

    @BeforeEach
    void emptyOutbox() {
        ses.clear();
    }

    List<String> apply(int count) {
        return ApplicationJourneyIT.applications(intake, "Resend Club ", count);
    }

    @SuppressWarnings("unchecked")
    List<String> sent() {
        List<String> sent = new ArrayList<>();
        for (Map<String, Object> email : ses.emails()) {
            String subject = (String) email.get("subject");
            String to = ((List<String>) ((Map<String, Object>) email.get("destination")).get("to")).get(0);
            sent.add(subject.substring(subject.lastIndexOf(' ') + 1) + " to " + to);
        }
        return sent;
    }

    static List<String> bothEmailsOf(List<String> references) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            expected.addAll(List.of(references.get(i) + " to " + SesEmulator.STAFF, references.get(i) + " to " + ApplicationJourneyIT.applicantAddress(i)));
        }
        return expected;
    }

    @Test
    @SuppressWarnings("unchecked")
    void fiveApplicationsWhoseEmailsFailedAreEmailedOnceEachByTheResend_andASecondRunSendsNothing() {
        List<String> references = apply(5);
        NotifierHandler sesDown = new NotifierHandler(Fixtures.wiring(environment("http://127.0.0.1:" + DynamoDbLocal.freePort())).notificationService());
        for (int attempt = 0; attempt < 6; attempt++) {
            stream.deliverTo(sesDown); // the first try and Lambda's five retries; then it gives up on them
        }
        assertThat(ses.emails()).isEmpty();
        ResendHandler resend = Fixtures.resend(Fixtures.wiring(environment(ses.endpoint)));

        Map<String, Object> listed = resend.handleRequest(Map.of("list", true), null);
        assertThat((List<String>) listed.get("unsent")).hasSize(5).allSatisfy(line -> assertThat(line).contains("STAFF=pending, 6 attempt(s), last error EmailFailedException"));
        assertThat(ses.emails()).as("listing sends nothing").isEmpty();

        Map<String, Object> first = resend.handleRequest(Map.of(), null);
        Map<String, Object> second = resend.handleRequest(Map.of(), null);

        assertThat(sent()).containsExactlyInAnyOrderElementsOf(bothEmailsOf(references));
        assertThat(first).containsEntry("found", 5).containsEntry("emailsSent", 10L).containsEntry("stillUnsent", List.of());
        assertThat(second).containsEntry("found", 0).containsEntry("emailsSent", 0L);
        assertThat((List<String>) resend.handleRequest(Map.of("list", true), null).get("unsent")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aClaimLeftPastItsLeaseIsResent_aLiveOneIsLeftToItsHolder() {
        List<String> references = apply(2);
        Instant now = Fixtures.NOW; // the functions run on the fixture's fixed clock
        try (DynamoDbClient client = dynamoDb.client()) {
            DynamoDbApplicationStore store = new DynamoDbApplicationStore(client, table);
            // One attempt died holding the staff email of the first (its lease has lapsed); another is sending the second's now.
            assertThat(store.claimEmail(references.get(0), Recipient.STAFF, now.minusSeconds(60), now.minusSeconds(20))).isInstanceOf(Claim.Granted.class);
            assertThat(store.claimEmail(references.get(1), Recipient.STAFF, now, now.plusSeconds(60))).isInstanceOf(Claim.Granted.class);
        }
        ResendHandler resend = Fixtures.resend(Fixtures.wiring(environment(ses.endpoint)));

        Map<String, Object> result = resend.handleRequest(Map.of(), null);

        assertThat(sent()).containsExactlyInAnyOrder(references.get(0) + " to " + SesEmulator.STAFF,
                references.get(0) + " to " + ApplicationJourneyIT.applicantAddress(0), references.get(1) + " to " + ApplicationJourneyIT.applicantAddress(1));
        assertThat(result).containsEntry("stillUnsent", List.of(references.get(1)));
        assertThat((List<String>) result.get("applications")).anySatisfy(line -> assertThat(line).startsWith(references.get(1)).contains("HELD_ELSEWHERE"));
    }

}
