package uk.opcc.funding.function.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
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
 * holds no personal data), and the {@link #DUPLICATE_PREFIX} and {@link #MAIL_CAP_PREFIX}
 * records below (both expire).
 *
 * <p>The {@value #ROUND_INDEX} index holds applications only (the attribute it is keyed by is
 * written on nothing else), by {@code fundRound} = {@code <fundId>#<panelRound>} and
 * {@code receivedAt}: one query gathers a fund's panel round, with every attribute projected so
 * it needs no second read.
 *
 * <p>The {@value #NEEDS_EMAIL_INDEX} index is sparse: {@code needsEmail} is written with each
 * application and removed once both its emails are sent, so the index holds only applications
 * with an email still to send (waiting, failed, or claimed by an attempt that may have died),
 * oldest first. Finding them is one small query, never a scan of the table.
 *
 * <p>The deployed table is made by the CDK stack with the same shape;
 * {@link #create} is for DynamoDB Local.
 */
public final class ApplicationTable {
    public static final String KEY = "pk";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String APPLICATION_PREFIX = "APP#";
    public static final String IDEMPOTENCY_PREFIX = "IDEM#";
    public static final String PACK_PREFIX = "PACK#";
    /**
     * {@code DUP#<fundId>#<roundId>#<what>#<value>}: which applications in one fund's round came
     * from one organisation (by normalised name) or one address, written in the intake's own
     * transaction, so a staff email's duplicate check is one read whatever the round's size.
     */
    public static final String DUPLICATE_PREFIX = "DUP#";
    /**
     * {@code MAILCAP#<address hash>#<UK day>}: how many emails went to one address given on a form
     * that day, a conditional counter that holds back more than the day's cap.
     */
    public static final String MAIL_CAP_PREFIX = "MAILCAP#";
    /**
     * {@code OUTCOMES#<decision id>#<digest>}: that a final decision's staff summary went, so its
     * outcome emails are all settled (kept: it holds no personal data). Each application's own
     * outcome email is kept on its item, beside its other emails.
     */
    public static final String OUTCOMES_PREFIX = "OUTCOMES#";
    public static final String ROUND_INDEX = "byFundRound";
    public static final String FUND_ROUND = "fundRound";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String NEEDS_EMAIL_INDEX = "byNeedsEmail";
    public static final String NEEDS_EMAIL = "needsEmail";
    /** The one value of {@link #NEEDS_EMAIL}: the index is sparse, so it holds only applications with an email not sent. */
    public static final String NEEDS_EMAIL_VALUE = "yes";

    private ApplicationTable() {
    }

    public static void create(DynamoDbClient dynamoDb, String tableName) {
        dynamoDb.createTable(b -> b.tableName(tableName)
                .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build())
                .attributeDefinitions(string(KEY), string(FUND_ROUND), string(RECEIVED_AT), string(NEEDS_EMAIL))
                .globalSecondaryIndexes(roundIndex(), needsEmailIndex())
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
     * Adds the indexes to a table made before they existed (the local run keeps its data
     * between runs), one at a time as DynamoDB requires, and waits until each is active.
     * Applications stored before an index are not in it until its key is written on them.
     */
    public static void addMissingIndexes(DynamoDbClient dynamoDb, String tableName) {
        addIndexIfMissing(dynamoDb, tableName, roundIndex(), string(FUND_ROUND), string(RECEIVED_AT));
        addIndexIfMissing(dynamoDb, tableName, needsEmailIndex(), string(NEEDS_EMAIL), string(RECEIVED_AT));
    }

    private static void addIndexIfMissing(DynamoDbClient dynamoDb, String tableName, GlobalSecondaryIndex index, AttributeDefinition... keys) {
        var table = dynamoDb.describeTable(b -> b.tableName(tableName)).table();
        if (table.hasGlobalSecondaryIndexes() && table.globalSecondaryIndexes().stream().anyMatch(i -> i.indexName().equals(index.indexName()))) {
            return;
        }
        dynamoDb.updateTable(b -> b.tableName(tableName)
                .attributeDefinitions(keys)
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName()).keySchema(index.keySchema())
                        .projection(index.projection()))));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        waitUntilIndexActive(dynamoDb, tableName, index.indexName());
    }

    /** The table is ACTIVE before its new index is: writes in between can fail, so wait for the index too. */
    private static void waitUntilIndexActive(DynamoDbClient dynamoDb, String tableName, String indexName) {
        for (int i = 0; i < 600; i++) {
            boolean active = dynamoDb.describeTable(b -> b.tableName(tableName)).table().globalSecondaryIndexes().stream()
                    .anyMatch(index -> index.indexName().equals(indexName) && index.indexStatus() == IndexStatus.ACTIVE);
            if (active) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for index " + indexName, e);
            }
        }
        throw new IllegalStateException("Index " + indexName + " of " + tableName + " did not become active in a minute");
    }

    private static GlobalSecondaryIndex roundIndex() {
        return GlobalSecondaryIndex.builder().indexName(ROUND_INDEX)
                .keySchema(KeySchemaElement.builder().attributeName(FUND_ROUND).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(RECEIVED_AT).keyType(KeyType.RANGE).build())
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    /** Keys only, and the email states: enough to list what is unsent; the resend reads the rest through its claim. */
    private static GlobalSecondaryIndex needsEmailIndex() {
        return GlobalSecondaryIndex.builder().indexName(NEEDS_EMAIL_INDEX)
                .keySchema(KeySchemaElement.builder().attributeName(NEEDS_EMAIL).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(RECEIVED_AT).keyType(KeyType.RANGE).build())
                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(NEEDS_EMAIL_PROJECTION).build())
                .build();
    }

    /** What the needs-email index carries besides its keys; the CDK stack projects the same. */
    public static final java.util.List<String> NEEDS_EMAIL_PROJECTION = java.util.List.of("reference",
            "staffEmail", "staffEmailLeaseUntil", "staffEmailAttempts", "staffEmailError",
            "applicantEmail", "applicantEmailLeaseUntil", "applicantEmailAttempts", "applicantEmailError");

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
