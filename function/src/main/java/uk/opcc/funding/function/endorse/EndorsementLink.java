package uk.opcc.funding.function.endorse;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.intake.Sha256;

/**
 * The link an endorser is emailed: {@code <reference>.<step>.<secret>}, the secret 256 random bits
 * that only the email carries. The store keeps only its SHA-256, so nobody who reads the table, its
 * backups or the logs' references can make a working link; nothing personal is in it. A link works
 * while its step waits for an answer and until the step's expiry (the fund's {@code linkValidDays}),
 * and never for another application or step: the secret is checked against that step's own hashes.
 *
 * <p>A secret, not an HMAC: the first link is sent by the notifier, which holds no key, and a
 * stored hash needs none in any function; each email of a step (request, reminder) carries its own
 * secret, and both work until the step is answered or expires.
 */
public record EndorsementLink(String reference, String stepId, String secret) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;
    private static final int MAX_LENGTH = 120;

    /** A new secret for one email of the step. */
    public static EndorsementLink issue(String reference, String stepId) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new EndorsementLink(reference, stepId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The link as the email and the page's form carry it. */
    public String value() {
        return reference + "." + stepId + "." + secret;
    }

    /** What the store keeps of the secret. */
    public String hash() {
        return Sha256.hex(secret);
    }

    /** Whether the secret is one of the step's: compared digest to digest, in constant time. */
    public boolean matchesOneOf(java.util.Collection<String> hashes) {
        byte[] mine = hash().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean found = false;
        for (String stored : hashes) {
            found |= MessageDigest.isEqual(mine, stored.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return found;
    }

    /** The link's parts, or empty for anything not shaped like one of ours (cut short, altered, made up). */
    public static Optional<EndorsementLink> parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = value.strip().split("\\.", -1);
        if (parts.length != 3 || !Reference.isWellFormed(parts[0]) || !parts[1].matches("[a-z]{1,20}")
                || !parts[2].matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return Optional.of(new EndorsementLink(parts[0], parts[1], parts[2]));
    }
}
