package uk.opcc.funding.engines;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Plays Lambda's part between a table's stream and a function, as an event source mapping is set
 * ({@link Mapping}: its filter, batch size and retries; batch-item failures, bisection): each call
 * is one invocation of at most the mapping's batch size of records, in stream order. A batch that
 * reports a failed record is delivered again from that record on; one whose invocation dies
 * (throws anything) is split in two, which costs no attempt, until a single record dies, which
 * does. Retries wait as {@link Retries} says, and a batch still failing after its first attempt
 * and the mapping's retries is parked: written to the failed-records folder as
 * the stack writes it to its bucket, and passed over. The table is not touched, so the
 * application stays on the needs-email index, where the resend finds it.
 */
public final class StreamRelay {
    /**
     * The event source mapping, as the stack sets it for the function the records go to.
     *
     * @param keyName   the table's partition key; only new items ({@code INSERT}) whose key begins
     *                  with {@code keyPrefix} pass the mapping's filter
     * @param timeout   the function's timeout: how long each invocation has
     */
    public record Mapping(int batchSize, int retryAttempts, String keyName, String keyPrefix, Duration timeout) {
    }

    /**
     * How long the relay waits before each retry of a failed batch (the first wait, doubled each time
     * up to the longest), by which clock, and where it parks a batch it gives up on.
     */
    public record Retries(Clock clock, Duration firstWait, Duration longestWait, FailedRecordsFolder parking, Consumer<Parked> onParked) {
        /** For tests that drive each invocation themselves: a retry is due on the next call. */
        public static Retries onTheNextCall(Path parkedIn) {
            return new Retries(Clock.systemUTC(), Duration.ZERO, Duration.ZERO, new FailedRecordsFolder(parkedIn), p -> System.out.println(p.line()));
        }

        Duration before(int retry) {
            Duration wait = firstWait.multipliedBy(1L << Math.min(retry - 1, 20));
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }

    /** A batch given up on: the file it was written to, and the keys of its items. */
    public record Parked(Path file, List<String> keys, int attempts) {
        public String line() {
            return "Gave up on " + keys + " after " + attempts + " attempts, as Lambda does; the failed record is in " + file;
        }
    }

    private record Read(String shardId, Record record) {
    }

    private record Batch(List<Read> reads, int attempts, Instant due) {
    }

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Retries retries;
    private final Mapping mapping;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Deque<Read> unread = new ArrayDeque<>();
    /** Batches to deliver again, first due first: they hold back everything after them, as a shard does. */
    private final Deque<Batch> retrying = new ArrayDeque<>();

    /** What killed the last invocation, if it died: null when it returned. */
    public Throwable lastDeath;

    /** For tests: retries on the next call, parked batches under {@code target/failed-records/<table>}. */
    public StreamRelay(DynamoDbLocal engine, String table, Mapping mapping) {
        this(engine, table, mapping, Retries.onTheNextCall(Path.of("target", "failed-records", table)));
    }

    public StreamRelay(DynamoDbLocal engine, String table, Mapping mapping, Retries retries) {
        this.mapping = mapping;
        this.streams = engine.streams();
        try (var client = engine.client()) {
            this.streamArn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        }
        this.retries = retries;
    }

    /** @return how many records the notifier was handed: 0 when there were none, or the next retry is not due yet */
    public int deliverTo(RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        return deliverTo(handler, LambdaContext.lasting(mapping.timeout()));
    }

    /** The same, in a context a test controls (its clock, the time left). */
    public int deliverTo(RequestHandler<DynamodbEvent, StreamsEventResponse> handler, Context context) {
        // The deployed mapping's filter (stream-mapping.json, which FundingAppTest holds the CDK to) passes only
        // new applications, before any batch is made: idempotency, duplicate-list and count items, and our own
        // updates, never take a place in a batch, nor hold a new application back behind a failing one.
        poll().stream().filter(this::passesTheMappingsFilter).forEach(unread::add);
        Batch batch = next();
        if (batch == null) {
            return 0;
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(batch.reads().stream().map(r -> lambdaShaped(r.record())).toList());
        lastDeath = null;
        StreamsEventResponse response;
        try {
            response = handler.handleRequest(event, context);
        } catch (RuntimeException | Error e) {
            // Lambda's view of a crash or a timeout: the invocation failed, so the batch comes again.
            lastDeath = e;
            died(batch);
            return batch.reads().size();
        }
        if (!response.getBatchItemFailures().isEmpty()) {
            String firstFailed = response.getBatchItemFailures().get(0).getItemIdentifier();
            int at = indexOf(batch, firstFailed);
            failed(batch.reads().subList(at, batch.reads().size()), batch.attempts() + 1, null);
        }
        return batch.reads().size();
    }

    private boolean passesTheMappingsFilter(Read read) {
        Record record = read.record();
        var key = record.dynamodb().keys().get(mapping.keyName());
        return "INSERT".equals(record.eventNameAsString()) && key != null && key.s() != null && key.s().startsWith(mapping.keyPrefix());
    }

    /** The batch to deliver now: the first retry once it is due, or else the next records of the stream. */
    private Batch next() {
        if (!retrying.isEmpty()) {
            return retries.clock().instant().isBefore(retrying.peekFirst().due()) ? null : retrying.pollFirst();
        }
        List<Read> reads = new ArrayList<>();
        while (!unread.isEmpty() && reads.size() < mapping.batchSize()) {
            reads.add(unread.pollFirst());
        }
        return reads.isEmpty() ? null : new Batch(reads, 0, retries.clock().instant());
    }

    /** Lambda reads an identifier that names no record of the batch as the whole batch failing. */
    private static int indexOf(Batch batch, String sequenceNumber) {
        for (int i = 0; i < batch.reads().size(); i++) {
            if (batch.reads().get(i).record().dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return 0;
    }

    /** Bisection: a batch of more than one record is split in two at no cost to its attempts. */
    private void died(Batch batch) {
        List<Read> reads = batch.reads();
        if (reads.size() == 1) {
            failed(reads, batch.attempts() + 1, "Unhandled");
            return;
        }
        Instant due = retries.clock().instant().plus(retries.before(batch.attempts() + 1));
        retrying.addFirst(new Batch(List.copyOf(reads.subList(reads.size() / 2, reads.size())), batch.attempts(), due));
        retrying.addFirst(new Batch(List.copyOf(reads.subList(0, reads.size() / 2)), batch.attempts(), due));
    }

    /** @param attempts how many times these records have now failed, the first attempt included */
    private void failed(List<Read> reads, int attempts, String functionError) {
        Instant now = retries.clock().instant();
        if (attempts <= mapping.retryAttempts()) {
            retrying.addFirst(new Batch(List.copyOf(reads), attempts, now.plus(retries.before(attempts))));
            return;
        }
        List<Record> records = reads.stream().map(Read::record).toList();
        Path file = retries.parking().write(streamArn, reads.get(0).shardId(), records, "RetryAttemptsExhausted", attempts, functionError, now);
        retries.onParked().accept(new Parked(file, records.stream().map(r -> r.dynamodb().keys().get(mapping.keyName()).s()).toList(), attempts));
    }

    private List<Read> poll() {
        List<Read> reads = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(b -> b.streamArn(streamArn)
                    .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            if (iterator == null) {
                continue;
            }
            var result = streams.getRecords(b -> b.shardIterator(iterator));
            result.records().forEach(r -> reads.add(new Read(shard.shardId(), r)));
            iterators.put(shard.shardId(), result.nextShardIterator());
        }
        return reads;
    }

    private static DynamodbEvent.DynamodbStreamRecord lambdaShaped(Record record) {
        StreamRecord stream = new StreamRecord();
        stream.setSequenceNumber(record.dynamodb().sequenceNumber());
        Map<String, AttributeValue> keys = new HashMap<>();
        record.dynamodb().keys().forEach((name, value) -> keys.put(name, new AttributeValue().withS(value.s())));
        stream.setKeys(keys);
        DynamodbEvent.DynamodbStreamRecord lambda = new DynamodbEvent.DynamodbStreamRecord();
        lambda.setEventID(record.eventID());
        lambda.setEventName(record.eventNameAsString());
        lambda.setDynamodb(stream);
        return lambda;
    }
}
