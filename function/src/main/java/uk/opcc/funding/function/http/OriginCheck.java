package uk.opcc.funding.function.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a request came through CloudFront. CloudFront adds {@link #HEADER} with a secret to
 * every request it sends to the API (SiteStack); a caller that skips it, going straight to the
 * API's own address, cannot know the value and is refused before anything else is done: no WAF,
 * no security headers, no rate limit per address would apply to it otherwise. The local run has
 * nothing in front of it and no secret, so it checks nothing.
 */
public final class OriginCheck {
    /** Lower case, as API Gateway hands headers to the function. */
    public static final String HEADER = "x-origin-verify";

    private final Supplier<Optional<String>> expected;

    /** @param expected the value CloudFront sends, read when first needed; empty: nothing to check */
    public OriginCheck(Supplier<Optional<String>> expected) {
        this.expected = expected;
    }

    public static OriginCheck none() {
        return new OriginCheck(Optional::empty);
    }

    /** @param given the request's {@link #HEADER}, or null */
    public boolean admits(String given) {
        Optional<String> secret = expected.get();
        if (secret.isEmpty()) {
            return true;
        }
        // Constant time: how much of a guess matches must not show in the response time.
        return given != null && MessageDigest.isEqual(secret.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
