package uk.opcc.funding.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import uk.opcc.funding.catalogue.Json;

/**
 * The local stand-in for the stack's failed-records bucket (the stream mapping's on-failure
 * destination): each batch the relay gave up on is one JSON file, shaped as the bucket's object
 * is (README, "The failed-records bucket"): {@code requestContext}, {@code responseContext},
 * {@code DDBStreamBatchInfo} and the invocation's {@code payload}, the stream records themselves
 * with each application's key and new image.
 */
public final class FailedRecordsFolder {
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss").withZone(ZoneOffset.UTC);

    private final Path folder;

    public FailedRecordsFolder(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /**
     * @param condition       Lambda's reason, {@code RetryAttemptsExhausted}
     * @param invocations     how many times the batch was handed to the function
     * @param functionError   {@code Unhandled} when the function died, null when it reported the records
     * @return the file written
     */
    public Path write(String streamArn, String shardId, List<Record> records, String condition, int invocations, String functionError,
            Instant now) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", "arn:aws:lambda:eu-west-2:000000000000:function:local-notifier");
        request.put("condition", condition);
        request.put("approximateInvokeCount", invocations);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        if (functionError != null) {
            response.put("functionError", functionError);
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("shardId", shardId);
        batch.put("startSequenceNumber", records.get(0).dynamodb().sequenceNumber());
        batch.put("endSequenceNumber", records.get(records.size() - 1).dynamodb().sequenceNumber());
        batch.put("approximateArrivalOfFirstRecord", arrival(records.get(0)));
        batch.put("approximateArrivalOfLastRecord", arrival(records.get(records.size() - 1)));
        batch.put("batchSize", records.size());
        batch.put("streamArn", streamArn);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("requestContext", request);
        object.put("responseContext", response);
        object.put("version", "1.0");
        object.put("timestamp", now.toString());
        object.put("DDBStreamBatchInfo", batch);
        object.put("payload", Map.of("Records", records.stream().map(r -> lambdaShaped(r, streamArn)).toList()));
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(NAME_TIME.format(now) + "-" + batch.get("startSequenceNumber") + ".json");
            Path partial = folder.resolve(file.getFileName() + ".partial");
            Files.writeString(partial, Json.writeIndented(object), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the failed records into " + folder, e);
        }
    }

    private static String arrival(Record record) {
        Instant created = record.dynamodb().approximateCreationDateTime();
        return created == null ? null : created.toString();
    }

    /** A stream record as Lambda hands it to the function, in DynamoDB's own JSON for attribute values. */
    private static Map<String, Object> lambdaShaped(Record record, String streamArn) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        if (record.dynamodb().approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.put("Keys", item(record.dynamodb().keys()));
        if (record.dynamodb().hasNewImage()) {
            dynamodb.put("NewImage", item(record.dynamodb().newImage()));
        }
        if (record.dynamodb().hasOldImage()) {
            dynamodb.put("OldImage", item(record.dynamodb().oldImage()));
        }
        dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
        dynamodb.put("SizeBytes", record.dynamodb().sizeBytes());
        dynamodb.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
        Map<String, Object> lambda = new LinkedHashMap<>();
        lambda.put("eventID", record.eventID());
        lambda.put("eventName", record.eventNameAsString());
        lambda.put("eventVersion", record.eventVersion());
        lambda.put("eventSource", "aws:dynamodb");
        lambda.put("awsRegion", record.awsRegion());
        lambda.put("dynamodb", dynamodb);
        lambda.put("eventSourceARN", streamArn);
        return lambda;
    }

    private static Map<String, Object> item(Map<String, AttributeValue> attributes) {
        Map<String, Object> item = new LinkedHashMap<>();
        attributes.forEach((name, value) -> item.put(name, value(value)));
        return item;
    }

    private static Map<String, Object> value(AttributeValue value) {
        return switch (value.type()) {
            case S -> Map.of("S", value.s());
            case N -> Map.of("N", value.n());
            case B -> Map.of("B", base64(value.b()));
            case SS -> Map.of("SS", value.ss());
            case NS -> Map.of("NS", value.ns());
            case BS -> Map.of("BS", value.bs().stream().map(FailedRecordsFolder::base64).toList());
            case M -> Map.of("M", item(value.m()));
            case L -> Map.of("L", new ArrayList<>(value.l().stream().map(FailedRecordsFolder::value).toList()));
            case BOOL -> Map.of("BOOL", value.bool());
            case NUL -> Map.of("NULL", true);
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("An attribute of a type this SDK does not know");
        };
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
