package uk.opcc.funding.function.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof, carried in a short-lived cookie for the confirmation page (never in its address, which
 * logs record), that the intake issued a reference to this browser's submission: the reference, form, call and time received, signed with HMAC-SHA256
 * under a key from configuration, and good for {@link #LIFETIME}. Nothing personal goes in it,
 * and checking it reads no table. Anything else (a bare reference, a changed or forged token, an
 * old one) is not a confirmation.
 */
public final class ConfirmationToken {
    /** Long enough to read, print or reload the page; an application's reference is also in the emails. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    /** Shorter keys are guessable; the settings refuse them. */
    public static final int MIN_KEY_LENGTH = 32;
    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 400;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** What a valid token vouches for. */
    public record Claims(String reference, String formId, String callId, Instant receivedAt, Instant expiresAt) {
    }

    /** Why a token was not accepted: the page says it differently for an old link. */
    public enum Refusal { INVALID, EXPIRED }

    /** Either the claims, or why not. */
    public record Checked(Optional<Claims> claims, Refusal refusal) {
        static Checked valid(Claims claims) {
            return new Checked(Optional.of(claims), null);
        }

        static Checked refused(Refusal refusal) {
            return new Checked(Optional.empty(), refusal);
        }
    }

    private final Supplier<byte[]> key;
    private final Clock clock;

    public ConfirmationToken(byte[] key, Clock clock) {
        this(() -> key, clock);
        if (key.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("A confirmation key needs at least " + MIN_KEY_LENGTH + " bytes");
        }
    }

    /**
     * @param key the key as it is now: read when a token is first issued or checked, not when this
     *            is built, so SnapStart's snapshot (taken after the build) never holds it
     */
    public ConfirmationToken(Supplier<byte[]> key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    public String issue(String reference, String formId, String callId, Instant receivedAt) {
        Instant expires = clock.instant().plus(LIFETIME);
        String claims = String.join("|", reference, formId, callId == null ? "" : callId,
                Long.toString(receivedAt.getEpochSecond()), Long.toString(expires.getEpochSecond()));
        String signed = VERSION + "." + ENCODE.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODE.encodeToString(mac(signed));
    }

    /** @param formId the form in the page's address: a token for another form is not accepted */
    public Checked check(String token, String formId) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Checked.refused(Refusal.INVALID);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            return Checked.refused(Refusal.INVALID);
        }
        byte[] given;
        try {
            given = DECODE.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Checked.refused(Refusal.INVALID);
        }
        // Constant time: how much of a forged signature matches must not show in the response time.
        if (!MessageDigest.isEqual(mac(parts[0] + "." + parts[1]), given)) {
            return Checked.refused(Refusal.INVALID);
        }
        // Signed by us, so well formed; checked all the same (a key that leaked, or a bug in an older issue).
        Instant received;
        Instant expires;
        String[] claims;
        try {
            claims = new String(DECODE.decode(parts[1]), StandardCharsets.UTF_8).split("\\|", -1);
            if (claims.length != 5 || !claims[1].equals(formId) || !Reference.isWellFormed(claims[0])) {
                return Checked.refused(Refusal.INVALID);
            }
            received = Instant.ofEpochSecond(Long.parseLong(claims[3]));
            expires = Instant.ofEpochSecond(Long.parseLong(claims[4]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Checked.refused(Refusal.INVALID);
        }
        if (!clock.instant().isBefore(expires)) {
            return Checked.refused(Refusal.EXPIRED);
        }
        return Checked.valid(new Claims(claims[0], claims[1], claims[2].isEmpty() ? null : claims[2], received, expires));
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
