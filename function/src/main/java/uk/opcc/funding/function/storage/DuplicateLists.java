package uk.opcc.funding.function.storage;

import uk.opcc.funding.function.intake.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.SameOrganisation;

/**
 * The {@code DUP#<fundId>#<roundId>#<key>} items: for one fund's round and one
 * {@link SameOrganisation#keys key} (a hashed name or address), the references filed under it in
 * the order they were stored. Written in the intake's own transaction, read by the notifier with
 * one consistent read a key, so a staff email's duplicate check costs the same in a round of ten
 * applications or ten thousand.
 *
 * <p>A list holds at most {@value #MOST_LISTED} references (one item stays far below DynamoDB's
 * 400 KB); past that, applications are only counted ({@code beyondTheList}), so a flood of
 * applications under one name cannot make the item too big to write and stop applications being stored.
 */
final class DuplicateLists {
    static final int MOST_LISTED = 100;
    private static final String REFERENCES = "references";
    private static final String BEYOND = "beyondTheList";

    private final DynamoDbClient dynamoDb;
    private final String table;

    DuplicateLists(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * The transaction's update that files {@code application} under {@code key}: on the list while
     * it has room (its condition fails when full), or, once the store has seen it full, counted beyond it.
     */
    static Update file(String table, Application application, String key, boolean listFull) {
        Map<String, AttributeValue> itemKey = key(application.fundId(), application.panelRound(), key);
        Map<String, AttributeValue> expires = Map.of(":expires", AttributeValue.fromN(Long.toString(application.expiresAt())),
                ":kind", AttributeValue.fromS("duplicates"));
        if (listFull) {
            return Update.builder().tableName(table).key(itemKey)
                    .updateExpression("ADD #beyond :one SET #expires = :expires, #kind = :kind")
                    .expressionAttributeNames(Map.of("#beyond", BEYOND, "#expires", ApplicationTable.EXPIRES_AT, "#kind", "kind"))
                    .expressionAttributeValues(with(expires, ":one", AttributeValue.fromN("1")))
                    .build();
        }
        return Update.builder().tableName(table).key(itemKey)
                // Each later application's retention ends later: the list lives as long as its newest entry.
                .updateExpression("SET #refs = list_append(if_not_exists(#refs, :empty), :ref), #expires = :expires, #kind = :kind")
                .conditionExpression("attribute_not_exists(#refs) OR size(#refs) < :most")
                .expressionAttributeNames(Map.of("#refs", REFERENCES, "#expires", ApplicationTable.EXPIRES_AT, "#kind", "kind"))
                .expressionAttributeValues(with(with(with(expires, ":empty", AttributeValue.fromL(List.of())),
                        ":ref", AttributeValue.fromL(List.of(AttributeValue.fromS(application.reference())))),
                        ":most", AttributeValue.fromN(Integer.toString(MOST_LISTED))))
                .build();
    }

    List<SameOrganisation.Listed> read(String fundId, String roundId, List<String> keys) {
        List<SameOrganisation.Listed> lists = new ArrayList<>();
        for (String key : keys) {
            Map<String, AttributeValue> item;
            try {
                item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key(fundId, roundId, key))).item();
            } catch (SdkException e) {
                throw new StorageUnavailableException("Could not read the applications like this one in round " + roundId + " of " + fundId, e);
            }
            if (item == null || item.isEmpty()) {
                lists.add(SameOrganisation.Listed.NONE);
                continue;
            }
            AttributeValue references = item.get(REFERENCES);
            AttributeValue beyond = item.get(BEYOND);
            lists.add(new SameOrganisation.Listed(references == null ? List.of() : references.l().stream().map(AttributeValue::s).toList(),
                    beyond == null ? 0 : Integer.parseInt(beyond.n())));
        }
        return lists;
    }

    private static Map<String, AttributeValue> key(String fundId, String roundId, String key) {
        return Map.of(ApplicationTable.KEY, AttributeValue.fromS(ApplicationTable.DUPLICATE_PREFIX + fundId + "#" + roundId + "#" + key));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String name, AttributeValue value) {
        Map<String, AttributeValue> all = new java.util.HashMap<>(values);
        all.put(name, value);
        return all;
    }
}
