package uk.opcc.funding.function.storage;

import uk.opcc.funding.function.intake.StorageUnavailableException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import uk.opcc.funding.function.notify.EmailRecords;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.function.notify.Recipient;
import uk.opcc.funding.function.notify.EmailRecords.CapDecision;

/**
 * The {@code MAILCAP#<address digest>#<day>} counters: how many emails went to one address given on
 * a form in one day (UK time). An email is counted, and the decision recorded on its application
 * ({@code <recipient>EmailCap}), in one transaction whose counter update holds only while the count
 * is below the cap, so concurrent notifiers can never count past it, and asking again for the same
 * application returns the first answer instead of counting twice.
 */
final class DailyEmailCounts {
    private static final String COUNT = "emails";
    static final String WITHIN = "within";
    static final String HELD = "held";
    /** Kept two days past the day it counts: long enough for every retry of that day's emails. */
    private static final int DAYS_KEPT = 2;
    private static final int CONFLICT_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;

    DailyEmailCounts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    CapDecision count(String reference, Recipient recipient, String addressKey, LocalDate day, int cap) {
        return count(reference, ApplicationItem.cap(recipient), addressKey, day, cap);
    }

    /** @param decision the application's attribute the decision for this one email is kept in */
    CapDecision count(String reference, String decision, String addressKey, LocalDate day, int cap) {
        Update counter = Update.builder().tableName(table)
                .key(Map.of(ApplicationTable.KEY, AttributeValue.fromS(ApplicationTable.MAIL_CAP_PREFIX + addressKey + "#" + day)))
                .updateExpression("SET #count = if_not_exists(#count, :zero) + :one, #expires = :expires, #kind = :kind")
                .conditionExpression("attribute_not_exists(#count) OR #count < :cap")
                .expressionAttributeNames(Map.of("#count", COUNT, "#expires", ApplicationTable.EXPIRES_AT, "#kind", "kind"))
                .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1), ":cap", n(cap), ":kind", AttributeValue.fromS("daily-email-count"),
                        ":expires", n(day.plusDays(1 + DAYS_KEPT).atStartOfDay(Catalogue.UK).toEpochSecond())))
                .build();
        Update record = recordDecision(reference, decision, WITHIN);
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(counter).build(),
                        TransactWriteItem.builder().update(record).build()));
                return CapDecision.WITHIN_CAP;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (DynamoDbApplicationStore.failedCondition(reasons, 1)) {
                    return recorded(reference, decision); // decided before: that answer stands, nothing counted again
                }
                if (DynamoDbApplicationStore.failedCondition(reasons, 0)) {
                    return holdBack(reference, decision);
                }
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw new StorageUnavailableException("Could not count the email of " + reference + ": transaction kept conflicting", e);
                }
                DynamoDbApplicationStore.pause(attempt);
            } catch (SdkException e) {
                throw new StorageUnavailableException("Could not count the email of " + reference, e);
            }
        }
    }

    /** The address had the day's most: recorded on the application, unless another attempt decided first. */
    private CapDecision holdBack(String reference, String decision) {
        try {
            dynamoDb.updateItem(recordDecisionRequest(reference, decision, HELD));
            return CapDecision.HELD_BACK;
        } catch (ConditionalCheckFailedException e) {
            return recorded(reference, decision);
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not record that the email of " + reference + " is held back", e);
        }
    }

    private CapDecision recorded(String reference, String decision) {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(applicationKey(reference))).item();
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not read the email decision of " + reference, e);
        }
        AttributeValue value = item == null ? null : item.get(decision);
        // No application, or none recorded: nothing is held back here (a claim on a missing application finds nothing to send).
        return value != null && HELD.equals(value.s()) ? CapDecision.HELD_BACK : CapDecision.WITHIN_CAP;
    }

    private Update recordDecision(String reference, String decision, String value) {
        return Update.builder().tableName(table).key(applicationKey(reference))
                .updateExpression("SET #decision = :value")
                .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(#decision)")
                .expressionAttributeNames(Map.of("#decision", decision, "#pk", ApplicationTable.KEY))
                .expressionAttributeValues(Map.of(":value", AttributeValue.fromS(value)))
                .build();
    }

    private software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest recordDecisionRequest(String reference, String decision, String value) {
        Update update = recordDecision(reference, decision, value);
        return software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.builder().tableName(update.tableName()).key(update.key())
                .updateExpression(update.updateExpression()).conditionExpression(update.conditionExpression())
                .expressionAttributeNames(update.expressionAttributeNames()).expressionAttributeValues(update.expressionAttributeValues()).build();
    }

    private static Map<String, AttributeValue> applicationKey(String reference) {
        return Map.of(ApplicationTable.KEY, AttributeValue.fromS(ApplicationTable.APPLICATION_PREFIX + reference));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
