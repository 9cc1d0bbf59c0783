package uk.opcc.funding.function.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The one table's shape. Items are keyed by {@code pk}: {@code APP#<reference>} for an
 * application, {@code IDEM#<key>} for the record that makes replays return the first reference
 * (both expire through the {@code expiresAt} time-to-live attribute), and
 * {@code PACK#<fundId>#<roundId>} for the record that a round's panel pack went out (kept: it
 * holds no personal data).
 *
 * <p>The {@value #ROUND_INDEX} index holds applications only (the attribute it is keyed by is
 * written on nothing else), by {@code fundRound} = {@code <fundId>#<panelRound>} and
 * {@code receivedAt}: one query gathers a fund's panel round, with every attribute projected so
 * it needs no second read. The deployed table is made by the CDK stack with the same shape;
 * {@link #create} is for DynamoDB Local.
 */
public final class ApplicationTable {
    public static final String KEY = "pk";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String APPLICATION_PREFIX = "APP#";
    public static final String IDEMPOTENCY_PREFIX = "IDEM#";
    public static final String PACK_PREFIX = "PACK#";
    public static final String ROUND_INDEX = "byFundRound";
    public static final String FUND_ROUND = "fundRound";
    public static final String RECEIVED_AT = "receivedAt";

    private ApplicationTable() {
    }

    public static void create(DynamoDbClient dynamoDb, String tableName) {
        dynamoDb.createTable(b -> b.tableName(tableName)
                .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build())
                .attributeDefinitions(string(KEY), string(FUND_ROUND), string(RECEIVED_AT))
                .globalSecondaryIndexes(roundIndex())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build()));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        dynamoDb.updateTimeToLive(b -> b.tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(EXPIRES_AT).enabled(true).build()));
    }

    /** The value applications are indexed by: one fund's one panel round. */
    public static String fundRound(String fundId, String roundId) {
        return fundId + "#" + roundId;
    }

    /**
     * Adds the round index to a table made before it existed (the local run keeps its data
     * between runs), and waits until DynamoDB has filled it. Applications stored before it are
     * not in it until {@code fundRound} is written on them.
     */
    public static void addRoundIndexIfMissing(DynamoDbClient dynamoDb, String tableName) {
        var table = dynamoDb.describeTable(b -> b.tableName(tableName)).table();
        if (table.hasGlobalSecondaryIndexes() && table.globalSecondaryIndexes().stream().anyMatch(i -> i.indexName().equals(ROUND_INDEX))) {
            return;
        }
        GlobalSecondaryIndex index = roundIndex();
        dynamoDb.updateTable(b -> b.tableName(tableName)
                .attributeDefinitions(string(FUND_ROUND), string(RECEIVED_AT))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName()).keySchema(index.keySchema())
                        .projection(index.projection()))));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
    }

    private static GlobalSecondaryIndex roundIndex() {
        return GlobalSecondaryIndex.builder().indexName(ROUND_INDEX)
                .keySchema(KeySchemaElement.builder().attributeName(FUND_ROUND).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(RECEIVED_AT).keyType(KeyType.RANGE).build())
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
