package uk.opcc.funding.function.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.function.endorse.EndorsementState;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.Applications;
import uk.opcc.funding.function.intake.ReferenceTakenException;
import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.notify.EmailRecords;
import uk.opcc.funding.function.panel.RoundApplications;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.intake.SameOrganisation;
import uk.opcc.funding.function.notify.Recipient;

/** The applications, their email records and their rounds ({@link Applications}, {@link EmailRecords}, {@link RoundApplications}) on DynamoDB, with conditional writes only. */
public final class DynamoDbApplicationStore implements Applications, EmailRecords, RoundApplications {
    /** Concurrent replays can collide in a transaction; each try after the first sees the winner's write. */
    private static final int CONFLICT_ATTEMPTS = 8;

    /** DynamoDB returns at most 1 MB a page anyway; a page of 100 keeps each response small. */
    static final int ROUND_PAGE_SIZE = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int roundPageSize;
    private final Leases leases;

    public DynamoDbApplicationStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, ROUND_PAGE_SIZE);
    }

    /** With a smaller page, for tests that a round spanning many pages is gathered whole. */
    DynamoDbApplicationStore(DynamoDbClient dynamoDb, String table, int roundPageSize) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.roundPageSize = roundPageSize;
        this.leases = new Leases(dynamoDb, table, ApplicationTable.KEY);
    }

    @Override
    public Saved save(Application application, FormDefinition form, IdempotencyKey key, Instant now) {
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
        Put storeApplication = Put.builder().tableName(table).item(ApplicationItem.of(application, form))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", ApplicationTable.KEY))
                .build();
        List<String> sameOrganisation = SameOrganisation.keys(application, form);
        Set<Integer> fullLists = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            List<TransactWriteItem> items = new ArrayList<>(List.of(
                    TransactWriteItem.builder().put(claimKey).build(), TransactWriteItem.builder().put(storeApplication).build()));
            for (int i = 0; i < sameOrganisation.size(); i++) {
                items.add(TransactWriteItem.builder().update(DuplicateLists.file(table, application, sameOrganisation.get(i), fullLists.contains(i))).build());
            }
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(items));
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
                } else {
                    boolean full = false;
                    for (int i = 0; i < sameOrganisation.size(); i++) {
                        if (failedCondition(reasons, 2 + i)) {
                            fullLists.add(i);
                            full = true;
                        }
                    }
                    if (full) {
                        continue; // counted beyond the full list instead: nothing else stood in the way
                    }
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

    @Override
    public Optional<Application> find(String reference) {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key(reference))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ApplicationItem.from(item));
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not read the application", e);
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
    public Claim claimEmail(String reference, Recipient recipient, Instant now, Instant leaseUntil) {
        Leases.Claimed claimed = leases.claim(key(reference), ApplicationItem.email(recipient), now, leaseUntil, false, Map.of(),
                "the " + recipient.id + " email of " + reference);
        if (claimed.granted()) {
            return new Claim.Granted(ApplicationItem.from(claimed.item()), ApplicationItem.capDecisions(claimed.item()));
        }
        AttributeValue state = claimed.item().get(ApplicationItem.state(recipient));
        if (state == null || !ApplicationItem.SENDING.equals(state.s()) && !ApplicationItem.PENDING.equals(state.s())) {
            return new Claim.Done(); // sent, settled, nothing to send, or no such application
        }
        // Held by another attempt; or released or lapsed a moment ago, so the retry takes it.
        return new Claim.Held(leases.heldUntil(ApplicationItem.email(recipient), claimed.item(), now));
    }

    @Override
    public void markEmailed(String reference, Recipient recipient, String messageId, Instant at) {
        leases.finish(key(reference), ApplicationItem.email(recipient), Optional.empty(), ApplicationItem.SENT,
                        Map.of(ApplicationItem.sentAt(recipient), s(at.toString()), ApplicationItem.messageId(recipient), s(messageId)),
                        "the " + recipient.id + " email of " + reference)
                .ifPresent(item -> forgetIfSettled(reference, item));
    }

    @Override
    public void markEmailNotSent(String reference, Recipient recipient, Instant leaseUntil, NotSent why, String reason) {
        // Empty when our lease lapsed and another attempt took the claim: it is theirs to finish.
        leases.finish(key(reference), ApplicationItem.email(recipient), Optional.of(leaseUntil), why.state,
                        Map.of(ApplicationItem.error(recipient), s(reason)), "the " + recipient.id + " email of " + reference)
                .ifPresent(item -> forgetIfSettled(reference, item));
    }

    /** Off the needs-email index once both emails are settled, as the write just made shows them: no write while one waits. */
    private void forgetIfSettled(String reference, Map<String, AttributeValue> item) {
        if (ApplicationItem.settled(item, Recipient.STAFF) && ApplicationItem.settled(item, Recipient.APPLICANT)) {
            finishIfAllSent(reference);
        }
    }

    @Override
    public CapDecision countEmailToAddress(String reference, Recipient recipient, String addressKey, LocalDate day, int cap) {
        return new DailyEmailCounts(dynamoDb, table).count(reference, recipient, addressKey, day, cap);
    }

    @Override
    public List<SameOrganisation.Listed> sameOrganisation(String fundId, String roundId, List<String> keys) {
        return new DuplicateLists(dynamoDb, table).read(fundId, roundId, keys);
    }

    @Override
    public List<Unsent> unsent() {
        try {
            List<Unsent> unsent = new ArrayList<>();
            dynamoDb.queryPaginator(b -> b.tableName(table).indexName(ApplicationTable.NEEDS_EMAIL_INDEX)
                            .keyConditionExpression("#needs = :yes")
                            .expressionAttributeNames(Map.of("#needs", ApplicationTable.NEEDS_EMAIL))
                            .expressionAttributeValues(Map.of(":yes", s(ApplicationTable.NEEDS_EMAIL_VALUE))))
                    .items().forEach(item -> unsent.add(ApplicationItem.unsent(item)));
            unsent.sort(Comparator.comparing(Unsent::receivedAt).thenComparing(Unsent::reference));
            return unsent;
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not list the applications with an email not sent", e);
        }
    }

    @Override
    public void finishIfAllSent(String reference) {
        try {
            // An endorsement email still due keeps it there too (DynamoDbEndorsementRecords).
            update(reference, "REMOVE #needs", "#staff IN (:sent, :none, :held, :refused) AND #applicant IN (:sent, :none, :held, :refused)"
                            + " AND attribute_not_exists(#due)",
                    Map.of("#needs", ApplicationTable.NEEDS_EMAIL, "#staff", ApplicationItem.state(Recipient.STAFF),
                            "#applicant", ApplicationItem.state(Recipient.APPLICANT), "#due", DynamoDbEndorsementRecords.DUE),
                    Map.of(":sent", s(ApplicationItem.SENT), ":none", s(ApplicationItem.NONE), ":held", s(ApplicationItem.HELD),
                            ":refused", s(ApplicationItem.REFUSED)));
        } catch (ConditionalCheckFailedException e) {
            // The other email is still to send: the application stays on the index until it is.
        }
    }

    @Override
    public void releaseEmail(String reference, Recipient recipient, Instant leaseUntil, String reason) {
        // False when our lease lapsed and another attempt took the claim (or sent it): it is theirs to finish.
        leases.release(key(reference), ApplicationItem.email(recipient), leaseUntil, reason, "the " + recipient.id + " email of " + reference);
    }

    /** A query on the round index, followed page by page: never a scan of the table. */
    @Override
    public List<Application> applicationsInRound(String fundId, String roundId) {
        return roundWithEndorsements(fundId, roundId).stream().map(EndorsementState::application).toList();
    }

    /** The same one query, each application with its endorsement's steps as stored (none for a fund that asks for none). */
    @Override
    public List<EndorsementState> roundWithEndorsements(String fundId, String roundId) {
        try {
            List<EndorsementState> applications = new ArrayList<>();
            dynamoDb.queryPaginator(b -> b.tableName(table).indexName(ApplicationTable.ROUND_INDEX)
                            .keyConditionExpression("#fundRound = :fundRound")
                            .expressionAttributeNames(Map.of("#fundRound", ApplicationTable.FUND_ROUND))
                            .expressionAttributeValues(Map.of(":fundRound", s(ApplicationTable.fundRound(fundId, roundId))))
                            .limit(roundPageSize))
                    .items().forEach(item -> applications.add(new EndorsementState(ApplicationItem.from(item),
                            DynamoDbEndorsementRecords.steps(item), List.of())));
            // The index sorts receivedAt as text, where "10:00:00Z" comes after "10:00:00.5Z"; times decide.
            applications.sort(Comparator.comparing((EndorsementState e) -> e.application().receivedAt())
                    .thenComparing(e -> e.application().reference()));
            return applications;
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not read the applications of round " + roundId + " of " + fundId, e);
        }
    }

    /** @return the item as the update left it */
    private Map<String, AttributeValue> update(String reference, String expression, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        if (condition.contains("#pk")) {
            allNames.put("#pk", ApplicationTable.KEY);
        }
        try {
            return dynamoDb.updateItem(b -> b.tableName(table).key(key(reference)).updateExpression(expression)
                    .conditionExpression(condition).expressionAttributeNames(allNames).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not update application " + reference, e);
        }
    }

    static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    static void pause(int attempt) {
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
