package uk.opcc.funding.function.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.function.panel.PanelPackClaims;

/**
 * {@link PanelPackClaims} as one {@code PACK#<fundId>#<roundId>} item per round in the
 * applications table, claimed through {@link Leases} like every email: the first claim creates it.
 */
public final class DynamoDbPanelPackClaims implements PanelPackClaims {
    /** Leases in epoch seconds, as the pack items have always kept them. */
    private static final Leases.Job PACK = new Leases.Job("state", "claimedUntil", "attempts", "lastError", ChronoUnit.SECONDS);
    private final Leases leases;

    public DynamoDbPanelPackClaims(DynamoDbClient dynamoDb, String table) {
        this.leases = new Leases(dynamoDb, table, ApplicationTable.KEY);
    }

    @Override
    public Claim claim(String fundId, String roundId, Instant now, Instant leaseUntil) {
        Leases.Claimed claimed = leases.claim(key(fundId, roundId), PACK, now, leaseUntil, true,
                Map.of("kind", s("panel-pack"), "fundId", s(fundId), "roundId", s(roundId)), what(fundId, roundId));
        if (claimed.granted()) {
            return Claim.GRANTED;
        }
        AttributeValue state = claimed.item().get("state");
        return state != null && "sent".equals(state.s()) ? Claim.SENT : Claim.HELD;
    }

    @Override
    public void markSent(String fundId, String roundId, String messageId, int applications, Instant at) {
        leases.finish(key(fundId, roundId), PACK, Optional.empty(), "sent", Map.of("sentAt", s(at.toString()), "emailMessageId", s(messageId),
                "applications", AttributeValue.fromN(Integer.toString(applications))), what(fundId, roundId));
    }

    @Override
    public boolean release(String fundId, String roundId, Instant leaseUntil, String reason) {
        return leases.release(key(fundId, roundId), PACK, leaseUntil, reason, what(fundId, roundId));
    }

    private static String what(String fundId, String roundId) {
        return "the panel pack of " + fundId + " round " + roundId;
    }

    static Map<String, AttributeValue> key(String fundId, String roundId) {
        return Map.of(ApplicationTable.KEY, s(ApplicationTable.PACK_PREFIX + fundId + "#" + roundId));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
