package uk.opcc.funding.function.engines;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import uk.opcc.funding.function.NotifierHandler;

/**
 * Plays Lambda's part between the table's stream and the notifier: reads new stream records
 * from DynamoDB Local (or LocalStack), hands them over as a {@link DynamodbEvent} with a fresh
 * context, and, like Lambda with batch-item failures, delivers again from the first failed
 * record on the next call; an invocation that dies (throws anything) has its whole batch
 * delivered again.
 */
public final class StreamRelay {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private List<DynamodbEvent.DynamodbStreamRecord> retry = List.of();

    public StreamRelay(DynamoDbLocal engine, String table) {
        this(engine.client(), engine.streams(), table);
    }

    public StreamRelay(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
        this.streams = streams;
        this.streamArn = dynamoDb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    /** What killed the last invocation, if it died: null when it returned. */
    public Throwable lastDeath;

    /** @return how many records the notifier was handed */
    public int deliverTo(NotifierHandler handler) {
        return deliverTo(handler, LambdaContext.notifier());
    }

    /** The same, in a context a test controls (its clock, the time left). */
    public int deliverTo(NotifierHandler handler, Context context) {
        List<DynamodbEvent.DynamodbStreamRecord> batch = new ArrayList<>(retry);
        for (Record record : poll()) {
            batch.add(lambdaShaped(record));
        }
        retry = List.of();
        if (batch.isEmpty()) {
            return 0;
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(batch);
        lastDeath = null;
        StreamsEventResponse response;
        try {
            response = handler.handleRequest(event, context);
        } catch (RuntimeException | Error e) {
            // Lambda's view of a crash or a timeout: the invocation failed, so the batch comes again.
            lastDeath = e;
            retry = List.copyOf(batch);
            return batch.size();
        }
        if (!response.getBatchItemFailures().isEmpty()) {
            String firstFailed = response.getBatchItemFailures().get(0).getItemIdentifier();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).getDynamodb().getSequenceNumber().equals(firstFailed)) {
                    retry = List.copyOf(batch.subList(i, batch.size()));
                    break;
                }
            }
        }
        return batch.size();
    }

    private List<Record> poll() {
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(b -> b.streamArn(streamArn)
                    .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            if (iterator == null) {
                continue;
            }
            var result = streams.getRecords(b -> b.shardIterator(iterator));
            records.addAll(result.records());
            iterators.put(shard.shardId(), result.nextShardIterator());
        }
        return records;
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
