package uk.opcc.funding.function.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;

/** {@link ApplicationStore} on DynamoDB, with conditional writes only. */
public final class DynamoDbApplicationStore implements ApplicationStore {
    /** Concurrent replays can collide in a transaction; each try after the first sees the winner's write. */
    private static final int CONFLICT_ATTEMPTS = 8;

    /** DynamoDB returns at most 1 MB a page anyway; a page of 100 keeps each response small. */
    static final int ROUND_PAGE_SIZE = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int roundPageSize;

    public DynamoDbApplicationStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, ROUND_PAGE_SIZE);
    }

    /** With a smaller page, for tests that a round spanning many pages is gathered whole. */
    DynamoDbApplicationStore(DynamoDbClient dynamoDb, String table, int roundPageSize) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.roundPageSize = roundPageSize;
    }

    @Override
    public Saved save(Application application, IdempotencyKey key, Instant now) {
        String keyItem = ApplicationTable.IDEMPOTENCY_PREFIX + key.value();
        Put claimKey = Put.builder().tableName(table)
                .item(Map.of(ApplicationTable.KEY, s(keyItem), "kind", s("idempotency"), "reference", s(application.reference()),
                        "receivedAt", s(application.receivedAt().toString()),
                        ApplicationTable.EXPIRES_AT, n(now.plus(key.remembered()).getEpochSecond())))
                // An expired key that DynamoDB has not yet deleted no longer counts.
                .conditionExpression("attribute_not_exists(#pk) OR #expires < :now")
                .expressionAttributeNames(Map.of("#pk", ApplicationTable.KEY, "#expires", ApplicationTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
                .build();
        Put storeApplication = Put.builder().tableName(table).item(ApplicationItem.of(application))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", ApplicationTable.KEY))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(claimKey).build(), TransactWriteItem.builder().put(storeApplication).build()));
                return new Saved(application.reference(), application.receivedAt(), false);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failedCondition(reasons, 0)) {
                    Optional<Saved> earlier = earlierSubmission(keyItem);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                } else if (failedCondition(reasons, 1)) {
                    throw new ReferenceTakenException(application.reference());
                }
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw new StorageUnavailableException("Could not store the application: transaction kept conflicting", e);
                }
                pause(attempt);
            } catch (SdkException e) {
                throw new StorageUnavailableException("Could not store the application", e);
            }
        }
    }

    private Optional<Saved> earlierSubmission(String keyItem) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(ApplicationTable.KEY, s(keyItem)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty(); // expired and deleted between the two calls: try again
        }
        return Optional.of(new Saved(item.get("reference").s(), Instant.parse(item.get("receivedAt").s()), true));
    }

    @Override
    public Optional<Application> claimForNotification(String reference, Instant now, Duration lease) {
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(reference))
                    .updateExpression("SET #state = :sending, claimedUntil = :until ADD notificationAttempts :one")
                    .conditionExpression("attribute_exists(#pk) AND (#state = :pending OR (#state = :sending AND claimedUntil < :now))")
                    .expressionAttributeNames(Map.of("#state", ApplicationItem.NOTIFICATION, "#pk", ApplicationTable.KEY))
                    .expressionAttributeValues(Map.of(":sending", s(ApplicationItem.SENDING), ":pending", s(ApplicationItem.PENDING),
                            ":until", n(now.plus(lease).getEpochSecond()), ":now", n(now.getEpochSecond()), ":one", n(1)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(ApplicationItem.from(item));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not claim application " + reference, e);
        }
    }

    @Override
    public void markNotified(String reference, String messageId, Instant at) {
        update(reference, "SET #state = :sent, notifiedAt = :at, emailMessageId = :id REMOVE claimedUntil",
                Map.of(":sent", s(ApplicationItem.SENT), ":at", s(at.toString()), ":id", s(messageId)));
    }

    @Override
    public void releaseClaim(String reference, String reason) {
        update(reference, "SET #state = :pending, lastEmailError = :reason REMOVE claimedUntil",
                Map.of(":pending", s(ApplicationItem.PENDING), ":reason", s(reason)));
    }

    /** A query on the round index, followed page by page: never a scan of the table. */
    @Override
    public List<Application> applicationsInRound(String fundId, String roundId) {
        try {
            List<Application> applications = new ArrayList<>();
            dynamoDb.queryPaginator(b -> b.tableName(table).indexName(ApplicationTable.ROUND_INDEX)
                            .keyConditionExpression("#fundRound = :fundRound")
                            .expressionAttributeNames(Map.of("#fundRound", ApplicationTable.FUND_ROUND))
                            .expressionAttributeValues(Map.of(":fundRound", s(ApplicationTable.fundRound(fundId, roundId))))
                            .limit(roundPageSize))
                    .items().forEach(item -> applications.add(ApplicationItem.from(item)));
            // The index sorts receivedAt as text, where "10:00:00Z" comes after "10:00:00.5Z"; times decide.
            applications.sort(Comparator.comparing(Application::receivedAt).thenComparing(Application::reference));
            return applications;
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not read the applications of round " + roundId + " of " + fundId, e);
        }
    }

    private void update(String reference, String expression, Map<String, AttributeValue> values) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(reference)).updateExpression(expression)
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#state", ApplicationItem.NOTIFICATION, "#pk", ApplicationTable.KEY))
                    .expressionAttributeValues(values));
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not update application " + reference, e);
        }
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("Interrupted while storing", e);
        }
    }

    private static Map<String, AttributeValue> key(String reference) {
        return Map.of(ApplicationTable.KEY, s(ApplicationTable.APPLICATION_PREFIX + reference));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
