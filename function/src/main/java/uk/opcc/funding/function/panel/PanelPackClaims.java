package uk.opcc.funding.function.panel;

import java.time.Instant;

/**
 * The record that makes a round's pack go out once: claimed before sending, marked sent after,
 * given back when sending failed so a retry can send it.
 */
public interface PanelPackClaims {
    /** What a claim found. */
    enum Claim {
        /** This caller may send the pack now: it was never sent, an earlier attempt gave its claim back, or its lease ran out (it crashed). */
        GRANTED,
        /** The pack was sent. */
        SENT,
        /** Another attempt is sending it now, within its lease. */
        HELD
    }

    /** @param leaseUntil when the claim lapses if it is neither marked sent nor given back */
    Claim claim(String fundId, String roundId, Instant now, Instant leaseUntil);

    void markSent(String fundId, String roundId, String messageId, int applications, Instant at);

    /**
     * Gives back the claim taken with {@code leaseUntil}, so a retry can send the pack.
     *
     * @return false when that claim had lapsed and another attempt holds the pack now: it is theirs
     */
    boolean release(String fundId, String roundId, Instant leaseUntil, String reason);
}
