package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import uk.opcc.funding.function.log.Log;
import uk.opcc.funding.function.notify.NotificationService;
import uk.opcc.funding.function.storage.ApplicationTable;

/**
 * Fed by the table's stream: sends each new application's emails. A record is reported as failed
 * (so Lambda retries it and, in the end, hands it to the on-failure destination) unless every
 * one of its emails is sent, now or before: a record whose email another attempt still holds is
 * reported too, never passed over as done.
 */
public final class NotifierHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** The function's timeout in the stack, for a caller that passes no Lambda context. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * How the table's stream feeds this function, read by the stack's event source mapping and by
     * the local run's stream relay alike: at most this many records an invocation, and a record
     * that keeps failing is retried this many times after its first attempt, then parked.
     */
    public static final int STREAM_BATCH_SIZE = 10;
    public static final int STREAM_RETRY_ATTEMPTS = 5;

    private final NotificationService service;

    /** For Lambda: everything built once, at start-up, from the environment. */
    public NotifierHandler() {
        this(Wiring.packaged(System.getenv()).notificationService());
    }

    public NotifierHandler(NotificationService service) {
        this.service = service;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        Supplier<Duration> remaining = remaining(context);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String reference = newApplication(record);
            if (reference == null) {
                continue;
            }
            NotificationService.Outcome outcome = service.notify(reference, remaining);
            outcome.deliveries().forEach((recipient, delivery) -> Log.info("email-" + delivery.name().toLowerCase().replace('_', '-'),
                    Map.of("requestId", requestId, "reference", reference, "recipient", recipient.id)));
            outcome.errors().forEach(e -> Log.error("email-failed", Map.of("requestId", requestId, "reference", reference), e));
            if (!outcome.settled()) {
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    private static Supplier<Duration> remaining(Context context) {
        if (context != null) {
            return () -> Duration.ofMillis(context.getRemainingTimeInMillis());
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        return () -> Duration.ofNanos(deadline - System.nanoTime());
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
