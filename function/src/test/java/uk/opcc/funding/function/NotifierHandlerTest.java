package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.mail.EmailFailedException;
import uk.opcc.funding.function.notify.NotificationService;
import uk.opcc.funding.function.notify.NotificationServiceTest;
import uk.opcc.funding.function.notify.Recipient;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/** The handler on a DynamoDB stream batch shaped as Lambda delivers it. */
class NotifierHandlerTest {
    final DynamodbEvent batch = EventLoader.loadDynamoDbEvent("events/stream-batch.json");
    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final List<String> subjects = new ArrayList<>();

    NotifierHandler handlerWhoseMailFailsFor(String failingReference) {
        for (String reference : List.of("KX7P-M2RD", "PN4W-8HTC")) {
            store.put(new Application(reference, Fixtures.FORM, Fixtures.FUND, null,
                    Fixtures.ROUND, Fixtures.NOW, Fixtures.answers(), 0));
        }
        return new NotifierHandler(NotificationServiceTest.service(store, (email, from) -> {
            if (email.subject().contains(failingReference)) {
                throw new EmailFailedException("down", null);
            }
            subjects.add(email.subject());
            return "message-id";
        }, Fixtures.CLOCK));
    }

    @Test
    void readsOnlyNewApplicationsFromTheStream() {
        assertThat(batch.getRecords()).extracting(NotifierHandler::newApplication)
                .containsExactly("KX7P-M2RD", null, null, "PN4W-8HTC");
    }

    @Test
    void reportsTheRecordsWhoseEmailFailedSoOnlyTheyAreRetried() {
        StreamsEventResponse response = handlerWhoseMailFailsFor("PN4W-8HTC").handleRequest(batch, null);

        assertThat(subjects).hasSize(2).allSatisfy(subject -> assertThat(subject).endsWith("KX7P-M2RD"));
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("114");
        assertThat(store.state("KX7P-M2RD", Recipient.STAFF)).isEqualTo("sent");
        assertThat(store.state("PN4W-8HTC", Recipient.STAFF)).isEqualTo("pending");
    }

    @Test
    void aRetriedBatchSendsNothingTwice() {
        NotifierHandler handler = handlerWhoseMailFailsFor("nothing fails");

        handler.handleRequest(batch, null);
        StreamsEventResponse retry = handler.handleRequest(batch, null);

        assertThat(subjects).hasSize(4); // staff and applicant, for each of the two applications
        assertThat(retry.getBatchItemFailures()).isEmpty();
    }

    @Test
    void aRecordWhoseEmailAnotherAttemptHoldsIsReportedNotPassedOver() {
        NotifierHandler handler = handlerWhoseMailFailsFor("nothing fails");
        store.claimEmail("PN4W-8HTC", Recipient.STAFF, Fixtures.NOW, Fixtures.NOW.plusSeconds(60));

        StreamsEventResponse response = handler.handleRequest(batch, null);

        assertThat(subjects).hasSize(3).noneMatch(subject -> subject.endsWith("PN4W-8HTC") && subject.contains("·"));
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("114");
    }
}
