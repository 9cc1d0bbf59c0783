package uk.opcc.funding.function.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * The one table's shape. Items are keyed by {@code pk}: {@code APP#<reference>} for an
 * application, {@code IDEM#<key>} for the record that makes replays return the first reference.
 * Both expire through the {@code expiresAt} time-to-live attribute. The deployed table is made
 * by the CDK stack with the same shape; {@link #create} is for DynamoDB Local.
 */
public final class ApplicationTable {
    public static final String KEY = "pk";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String APPLICATION_PREFIX = "APP#";
    public static final String IDEMPOTENCY_PREFIX = "IDEM#";

    private ApplicationTable() {
    }

    public static void create(DynamoDbClient dynamoDb, String tableName) {
        dynamoDb.createTable(b -> b.tableName(tableName)
                .keySchema(KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(KEY).attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build()));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        dynamoDb.updateTimeToLive(b -> b.tableName(tableName)
                .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(EXPIRES_AT).enabled(true).build()));
    }
}
