package uk.opcc.funding.function.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.outcome.OutcomeRecords;

/**
 * {@link OutcomeRecords} in the applications table. The decision and the outcome email live on
 * the application's own item ({@code decision}, {@code amountAwarded}, {@code decidedAt}, then
 * {@code outcomeEmail} and its lease, attempts, error, message id and time), claimed through
 * {@link Leases} like its other emails; each decision's staff summary is an
 * {@code OUTCOMES#<key>} item, claimed like a panel pack.
 */
public final class DynamoDbOutcomeRecords implements OutcomeRecords {
    /** Leases in epoch milliseconds: they follow the run's remaining time, as the notifier's do. */
    static final Leases.Job EMAIL = new Leases.Job("outcomeEmail", "outcomeEmailLeaseUntil", "outcomeEmailAttempts", "outcomeEmailError",
            ChronoUnit.MILLIS);
    private static final Leases.Job SUMMARY = new Leases.Job("state", "claimedUntil", "attempts", "lastError", ChronoUnit.MILLIS);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Leases leases;

    public DynamoDbOutcomeRecords(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.leases = new Leases(dynamoDb, table, ApplicationTable.KEY);
    }

    @Override
    public Claim claim(String reference, Decided decided, Instant now, Instant leaseUntil) {
        Map<String, AttributeValue> key = key(reference);
        Optional<Claim> refused = record(key, decided);
        if (refused.isPresent()) {
            return refused.get();
        }
        Leases.Claimed claimed = leases.claim(key, EMAIL, now, leaseUntil, false, Map.of(), what(reference));
        if (claimed.granted()) {
            return new Claim.Granted(ApplicationItem.from(claimed.item()));
        }
        AttributeValue state = claimed.item().get(EMAIL.state());
        if (state == null) {
            return new Claim.NotInTable(); // deleted (its retention ended) between the two updates
        }
        if (Leases.PENDING.equals(state.s()) || Leases.SENDING.equals(state.s())) {
            return new Claim.Held(leases.heldUntil(EMAIL, claimed.item(), now));
        }
        return new Claim.Done(state.s());
    }

    /**
     * The decision onto the application, once: the update that sets it also makes its outcome email
     * pending. Refused, writing nothing, when there is no such application, or it is another fund's
     * or round's. A later run finds the decision there already, and goes on to the claim.
     */
    private Optional<Claim> record(Map<String, AttributeValue> key, Decided decided) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":decision", s(decided.decision()), ":decidedAt", s(decided.decidedAt().toString()),
                ":pending", s(Leases.PENDING), ":fund", s(decided.fundId()), ":round", s(decided.roundId()), ":zero", n("0")));
        String set = "SET decision = :decision, decidedAt = :decidedAt, #state = :pending, #attempts = :zero";
        if (decided.amountAwarded().isPresent()) {
            values.put(":amount", n(decided.amountAwarded().get().toPlainString()));
            set += ", amountAwarded = :amount";
        }
        String update = set;
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key).updateExpression(update)
                    .conditionExpression("attribute_exists(pk) AND fundId = :fund AND panelRound = :round AND attribute_not_exists(#state)")
                    .expressionAttributeNames(Map.of("#state", EMAIL.state(), "#attempts", EMAIL.attempts()))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = e.hasItem() ? e.item() : Map.of();
            if (item.isEmpty()) {
                return Optional.of(new Claim.NotInTable());
            }
            String fund = item.get("fundId").s();
            String round = item.get("panelRound").s();
            if (!fund.equals(decided.fundId()) || !round.equals(decided.roundId())) {
                return Optional.of(new Claim.OtherRound(fund, round));
            }
            return Optional.empty(); // recorded by an earlier run: the claim decides what is left
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not record the decision on " + key.get(ApplicationTable.KEY).s(), e);
        }
    }

    @Override
    public void markSent(String reference, String messageId, Instant at) {
        leases.finish(key(reference), EMAIL, Optional.empty(), "sent",
                Map.of("outcomeEmailSentAt", s(at.toString()), "outcomeEmailMessageId", s(messageId)), what(reference));
    }

    @Override
    public void markNotSent(String reference, Instant leaseUntil, String state, String reason) {
        // Empty when our lease lapsed and another run took the claim: it is theirs to finish.
        leases.finish(key(reference), EMAIL, Optional.of(leaseUntil), state, Map.of(EMAIL.error(), s(reason)), what(reference));
    }

    @Override
    public void release(String reference, Instant leaseUntil, String reason) {
        leases.release(key(reference), EMAIL, leaseUntil, reason, what(reference));
    }

    @Override
    public SummaryClaim claimSummary(String decisionKey, Instant now, Instant leaseUntil) {
        Leases.Claimed claimed = leases.claim(summaryKey(decisionKey), SUMMARY, now, leaseUntil, true, Map.of("kind", s("outcome-summary")),
                "the outcome summary of " + decisionKey);
        if (claimed.granted()) {
            return SummaryClaim.GRANTED;
        }
        AttributeValue state = claimed.item().get(SUMMARY.state());
        return state != null && "sent".equals(state.s()) ? SummaryClaim.SENT : SummaryClaim.HELD;
    }

    @Override
    public boolean summarySent(String decisionKey) {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(summaryKey(decisionKey))).item();
            return item != null && item.get(SUMMARY.state()) != null && "sent".equals(item.get(SUMMARY.state()).s());
        } catch (SdkException e) {
            throw new StorageUnavailableException("Could not read the outcome summary of " + decisionKey, e);
        }
    }

    @Override
    public void markSummarySent(String decisionKey, String messageId, Instant at) {
        leases.finish(summaryKey(decisionKey), SUMMARY, Optional.empty(), "sent", Map.of("sentAt", s(at.toString()), "emailMessageId", s(messageId)),
                "the outcome summary of " + decisionKey);
    }

    @Override
    public void releaseSummary(String decisionKey, Instant leaseUntil, String reason) {
        leases.release(summaryKey(decisionKey), SUMMARY, leaseUntil, reason, "the outcome summary of " + decisionKey);
    }

    private static String what(String reference) {
        return "the outcome email of " + reference;
    }

    private static Map<String, AttributeValue> key(String reference) {
        return Map.of(ApplicationTable.KEY, s(ApplicationTable.APPLICATION_PREFIX + reference));
    }

    private static Map<String, AttributeValue> summaryKey(String decisionKey) {
        return Map.of(ApplicationTable.KEY, s(ApplicationTable.OUTCOMES_PREFIX + decisionKey));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
