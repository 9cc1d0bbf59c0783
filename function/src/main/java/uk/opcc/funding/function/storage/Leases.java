package uk.opcc.funding.function.storage;

import uk.opcc.funding.function.intake.StorageUnavailableException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The one claim with a lease, for every job that must be done once (an application's email, a
 * round's panel pack, any later one): a job is {@code pending} until a claim makes it
 * {@code sending} until a lease runs out; the holder then finishes it or gives it back. Each step
 * is one conditional update of the job's item, so two attempts can never both hold a job, and a
 * holder that crashed loses it when its lease lapses. Giving back is guarded: only the claim taken
 * with that lease can give the job back, so a holder whose lease lapsed cannot free the job from
 * the attempt that took it over.
 */
final class Leases {
    static final String PENDING = "pending";
    static final String SENDING = "sending";

    /**
     * Where one job keeps its state on its item, and in what unit its lease is stored.
     *
     * @param state      the job's state: pending, sending, then a final state of the job's own
     * @param leaseUntil when the holder's claim lapses, in {@code unit} since the epoch
     * @param attempts   how many claims were granted
     * @param error      why the last attempt gave the job back
     */
    record Job(String state, String leaseUntil, String attempts, String error, ChronoUnit unit) {
        long lease(Instant at) {
            return unit == ChronoUnit.MILLIS ? at.toEpochMilli() : at.getEpochSecond();
        }

        Instant leaseOf(AttributeValue stored) {
            long value = Long.parseLong(stored.n());
            return unit == ChronoUnit.MILLIS ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
    }

    /** What a claim found: granted with the item as the claim left it, or refused with the item as it stood (empty when there is none). */
    record Claimed(boolean granted, Map<String, AttributeValue> item) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String keyName;

    Leases(DynamoDbClient dynamoDb, String table, String keyName) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.keyName = keyName;
    }

    /**
     * Claims the job until {@code leaseUntil}: granted when it is pending, or sending under a
     * lease that has lapsed by {@code now}.
     *
     * @param firstClaimCreates whether the first claim creates the item (a pack's), or the item must exist (an application's)
     * @param alsoSet           other attributes the claim sets, such as what the item is for
     */
    Claimed claim(Map<String, AttributeValue> key, Job job, Instant now, Instant leaseUntil, boolean firstClaimCreates,
            Map<String, AttributeValue> alsoSet, String what) {
        Map<String, String> names = names(job);
        names.remove("#error");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":sending", s(SENDING), ":pending", s(PENDING),
                ":until", n(job.lease(leaseUntil)), ":now", n(job.lease(now)), ":one", n(1)));
        String set = "SET #state = :sending, #lease = :until" + alsoSetting(alsoSet, names, values);
        String free = "#state = :pending OR (#state = :sending AND #lease < :now)";
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression(set + " ADD #attempts :one")
                    .conditionExpression(firstClaimCreates ? "attribute_not_exists(#pk) OR " + free : "attribute_exists(#pk) AND (" + free + ")")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return new Claimed(true, item);
        } catch (ConditionalCheckFailedException e) {
            return new Claimed(false, e.hasItem() ? e.item() : Map.of());
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not claim " + what, e);
        }
    }

    /** When the refused claim's holder's lease lapses: {@code now} if it was given back or lapsed a moment ago. */
    Instant heldUntil(Job job, Map<String, AttributeValue> item, Instant now) {
        AttributeValue lease = item.get(job.leaseUntil());
        return lease == null ? now : job.leaseOf(lease);
    }

    /**
     * Gives the job back so a retry can take it: only the claim taken with {@code leaseUntil}.
     *
     * @return false when that claim had lapsed and another attempt took the job (or finished it): theirs now
     */
    boolean release(Map<String, AttributeValue> key, Job job, Instant leaseUntil, String reason, String what) {
        Map<String, String> names = names(job);
        names.remove("#attempts");
        names.remove("#pk");
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET #state = :pending, #error = :reason REMOVE #lease")
                    .conditionExpression("#state = :sending AND #lease = :ours")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(":pending", s(PENDING), ":reason", s(reason), ":sending", s(SENDING),
                            ":ours", n(job.lease(leaseUntil)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not give back " + what, e);
        }
    }

    /**
     * Finishes the job in {@code finalState}, setting {@code alsoSet} too; no claim is granted on it
     * again. With {@code ours}, only while the claim taken with that lease holds it (a job given up
     * on); without, whoever holds it now (a job done: an email SES has is sent, whatever became of the lease).
     *
     * @return the item as the update left it, or empty when {@code ours} no longer held it
     */
    Optional<Map<String, AttributeValue>> finish(Map<String, AttributeValue> key, Job job, Optional<Instant> ours, String finalState,
            Map<String, AttributeValue> alsoSet, String what) {
        Map<String, String> names = names(job);
        names.remove("#attempts");
        names.remove("#error");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":final", s(finalState)));
        String set = "SET #state = :final" + alsoSetting(alsoSet, names, values);
        String condition = "attribute_exists(#pk)";
        if (ours.isPresent()) {
            condition = "#state = :sending AND #lease = :ours";
            values.put(":sending", s(SENDING));
            values.put(":ours", n(job.lease(ours.get())));
            names.remove("#pk");
        }
        String finalCondition = condition;
        try {
            return Optional.of(dynamoDb.updateItem(b -> b.tableName(table).key(key).updateExpression(set + " REMOVE #lease")
                    .conditionExpression(finalCondition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes());
        } catch (ConditionalCheckFailedException e) {
            if (ours.isEmpty()) {
                throw new StorageUnavailableException("There is no " + what + " to finish", e);
            }
            return Optional.empty();
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not record " + what + " as " + finalState, e);
        }
    }

    /** {@code , #alsoN = :alsoN} for each attribute an update also sets, its name and value added to the update's. */
    private static String alsoSetting(Map<String, AttributeValue> alsoSet, Map<String, String> names, Map<String, AttributeValue> values) {
        StringBuilder set = new StringBuilder();
        alsoSet.forEach((name, value) -> {
            String placeholder = "also" + names.size();
            names.put("#" + placeholder, name);
            values.put(":" + placeholder, value);
            set.append(", #").append(placeholder).append(" = :").append(placeholder);
        });
        return set.toString();
    }

    private Map<String, String> names(Job job) {
        return new HashMap<>(Map.of("#state", job.state(), "#lease", job.leaseUntil(), "#attempts", job.attempts(),
                "#error", job.error(), "#pk", keyName));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
