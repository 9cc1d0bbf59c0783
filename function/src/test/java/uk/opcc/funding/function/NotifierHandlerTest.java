package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.notify.EmailFailedException;
import uk.opcc.funding.function.notify.NotificationService;
import uk.opcc.funding.function.notify.NotificationServiceTest;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/** The handler on a DynamoDB stream batch shaped as Lambda delivers it. */
class NotifierHandlerTest {
    final DynamodbEvent batch = EventLoader.loadDynamoDbEvent("events/stream-batch.json");
    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final List<String> subjects = new ArrayList<>();

    NotifierHandler handlerWhoseMailFailsFor(String failingReference) {
        for (String reference : List.of("KX7P-M2RD", "PN4W-8HTC")) {
            store.applications.put(reference, new Application(reference, "property-fund", "property-fund", null,
                    "2026-27-Q3", Fixtures.NOW, Fixtures.propertyFundAnswers(), 0));
            store.notification.put(reference, "pending");
        }
        return new NotifierHandler(new NotificationService(Fixtures.CATALOGUE, store, (email, from) -> {
            if (email.subject().contains(failingReference)) {
                throw new EmailFailedException("down", null);
            }
            subjects.add(email.subject());
            return "message-id";
        }, NotificationServiceTest.CONFIG, Fixtures.CLOCK));
    }

    @Test
    void readsOnlyNewApplicationsFromTheStream() {
        assertThat(batch.getRecords()).extracting(NotifierHandler::newApplication)
                .containsExactly("KX7P-M2RD", null, null, "PN4W-8HTC");
    }

    @Test
    void reportsTheRecordsWhoseEmailFailedSoOnlyTheyAreRetried() {
        StreamsEventResponse response = handlerWhoseMailFailsFor("PN4W-8HTC").handleRequest(batch, null);

        assertThat(subjects).containsExactly("Property Fund application KX7P-M2RD");
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("114");
        assertThat(store.notification).containsEntry("KX7P-M2RD", "sent").containsEntry("PN4W-8HTC", "pending");
    }

    @Test
    void aRetriedBatchSendsNothingTwice() {
        NotifierHandler handler = handlerWhoseMailFailsFor("nothing fails");

        handler.handleRequest(batch, null);
        StreamsEventResponse retry = handler.handleRequest(batch, null);

        assertThat(subjects).hasSize(2);
        assertThat(retry.getBatchItemFailures()).isEmpty();
    }
}
