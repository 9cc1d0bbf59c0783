package uk.opcc.funding.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import uk.opcc.funding.function.NotifierHandler;
import uk.opcc.funding.function.storage.ApplicationTable;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.engines.FailedRecordsFolder;
import uk.opcc.funding.engines.StreamRelay;

/**
 * The local run's part of Lambda's stream poller: a thread hands the table's new stream records to
 * the real notifier (as the last good bake of the preview built it) through the {@link StreamRelay}, which retries and gives up as the stack's
 * mapping does.
 */
final class StreamPoller {
    /** Where the local run parks a stream record it gave up on, as the stack's failed-records bucket does. */
    static final String FAILED_RECORDS = "failed-records";

    /** The notifier's event source mapping, as the stack sets it. */
    static final StreamRelay.Mapping MAPPING = new StreamRelay.Mapping(NotifierHandler.STREAM_BATCH_SIZE, NotifierHandler.STREAM_RETRY_ATTEMPTS,
            ApplicationTable.KEY, ApplicationTable.APPLICATION_PREFIX, NotifierHandler.TIMEOUT);

    private StreamPoller() {
    }

    /**
     * A few times a second, one batch after another while records are ready. A failing batch is
     * retried after 1, 2, 4, 8 and 8 seconds, then parked in {@code failedRecords}, with one line on
     * the console.
     */
    static ScheduledExecutorService start(DynamoDbLocal dynamoDb, String table, Supplier<NotifierHandler> notifier, Path failedRecords) {
        StreamRelay stream = new StreamRelay(dynamoDb, table, MAPPING, new StreamRelay.Retries(Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofSeconds(8), new FailedRecordsFolder(failedRecords), StreamPoller::say));
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "stream-poller"));
        poller.scheduleWithFixedDelay(() -> {
            try {
                for (int batches = 0; batches < 100 && stream.deliverTo(notifier.get()) > 0; batches++) {
                    // the next batch at once, as Lambda keeps up with a shard
                }
            } catch (RuntimeException e) {
                System.err.println("Stream poll failed, trying again: " + e.getClass().getSimpleName());
            }
        }, 0, 300, TimeUnit.MILLISECONDS);
        return poller;
    }

    private static void say(StreamRelay.Parked parked) {
        System.out.printf("Emails not sent for %s after %d attempts: the application is stored, the record is in %s. "
                + "Once the cause is put right: mvn -q -B -pl local exec:java@resend%n",
                String.join(", ", parked.keys().stream().filter(k -> k.startsWith("APP#")).toList()), parked.attempts(), parked.file());
    }
}
