package uk.opcc.funding.function.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import uk.opcc.funding.function.panel.PanelPackClaims;

/**
 * {@link PanelPackClaims} as one {@code PACK#<fundId>#<roundId>} item per round in the
 * applications table, changed only by conditional updates: the first claim creates it.
 */
public final class DynamoDbPanelPackClaims implements PanelPackClaims {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPanelPackClaims(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Claim claim(String fundId, String roundId, Instant now, Duration lease) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(fundId, roundId))
                    .updateExpression("SET #state = :sending, claimedUntil = :until, kind = :pack, fundId = :fund, roundId = :round ADD attempts :one")
                    .conditionExpression("attribute_not_exists(#pk) OR #state = :pending OR (#state = :sending AND claimedUntil < :now)")
                    .expressionAttributeNames(names())
                    .expressionAttributeValues(Map.of(":sending", s("sending"), ":pending", s("pending"), ":pack", s("panel-pack"),
                            ":fund", s(fundId), ":round", s(roundId), ":until", n(now.plus(lease).getEpochSecond()),
                            ":now", n(now.getEpochSecond()), ":one", n(1)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Claim.GRANTED;
        } catch (ConditionalCheckFailedException e) {
            return e.hasItem() && "sent".equals(e.item().get("state").s()) ? Claim.SENT : Claim.HELD;
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not claim the panel pack of " + fundId + " round " + roundId, e);
        }
    }

    @Override
    public void markSent(String fundId, String roundId, String messageId, int applications, Instant at) {
        update(fundId, roundId, "SET #state = :sent, sentAt = :at, emailMessageId = :id, applications = :count REMOVE claimedUntil",
                Map.of(":sent", s("sent"), ":at", s(at.toString()), ":id", s(messageId), ":count", n(applications)));
    }

    @Override
    public void release(String fundId, String roundId, String reason) {
        update(fundId, roundId, "SET #state = :pending, lastError = :reason REMOVE claimedUntil",
                Map.of(":pending", s("pending"), ":reason", s(reason)));
    }

    private void update(String fundId, String roundId, String expression, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(fundId, roundId)).updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(names()).expressionAttributeValues(new HashMap<>(values)));
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not update the panel pack of " + fundId + " round " + roundId, e);
        }
    }

    private static Map<String, String> names() {
        return Map.of("#state", "state", "#pk", ApplicationTable.KEY);
    }

    static Map<String, AttributeValue> key(String fundId, String roundId) {
        return Map.of(ApplicationTable.KEY, s(ApplicationTable.PACK_PREFIX + fundId + "#" + roundId));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
