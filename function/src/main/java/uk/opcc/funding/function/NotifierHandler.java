package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.function.notify.NotificationService;
import uk.opcc.funding.function.storage.ApplicationTable;

/**
 * Fed by the table's stream: emails staff about each new application. Failed records are
 * reported, so Lambda retries them (and, in the end, sends them to the dead-letter queue);
 * records already emailed are skipped on the retry.
 */
public final class NotifierHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private final NotificationService service;

    /** For Lambda: everything built once, at start-up, from the environment. */
    public NotifierHandler() {
        this(Wiring.notificationService(System.getenv()));
    }

    public NotifierHandler(NotificationService service) {
        this.service = service;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String reference = newApplication(record);
            if (reference == null) {
                continue;
            }
            try {
                boolean sent = service.notifyStaff(reference);
                Log.info(sent ? "staff-emailed" : "already-emailed", Map.of("requestId", requestId, "reference", reference));
            } catch (RuntimeException e) {
                Log.error("email-failed", Map.of("requestId", requestId, "reference", reference), e);
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    /** The reference of a newly stored application; null for anything else on the stream. */
    static String newApplication(DynamodbEvent.DynamodbStreamRecord record) {
        if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null || record.getDynamodb().getKeys() == null) {
            return null;
        }
        AttributeValue key = record.getDynamodb().getKeys().get(ApplicationTable.KEY);
        if (key == null || key.getS() == null || !key.getS().startsWith(ApplicationTable.APPLICATION_PREFIX)) {
            return null;
        }
        return key.getS().substring(ApplicationTable.APPLICATION_PREFIX.length());
    }
}
