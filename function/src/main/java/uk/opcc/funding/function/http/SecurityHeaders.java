package uk.opcc.funding.function.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers on every page and API answer of the site, in one place: the CDK app's
 * CloudFront response headers policy is built from these constants, and the local run sends the
 * same headers, so the browser tests run under the CSP that production serves.
 *
 * <p>Constants only (compile-time values the CDK app inlines), so the CDK app needs no class of
 * the function's at synth time.
 */
public final class SecurityHeaders {
    /** Only our own files: no inline script, styles or frames, no other hosts. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** A year: HTTPS only for the site's domain and its subdomains once a browser has seen it. */
    public static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;
    public static final boolean HSTS_INCLUDE_SUBDOMAINS = true;
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    /** For browsers that predate {@code frame-ancestors}. */
    public static final String FRAME_OPTIONS = "DENY";

    private SecurityHeaders() {
    }

    /** The headers as CloudFront sends them, by name, in the form a browser receives them. */
    public static Map<String, String> overHttps() {
        Map<String, String> headers = overPlainHttp();
        headers.put("Strict-Transport-Security", "max-age=" + HSTS_MAX_AGE_SECONDS + (HSTS_INCLUDE_SUBDOMAINS ? "; includeSubDomains" : ""));
        return headers;
    }

    /**
     * The same without HSTS, for a server on plain {@code http://localhost}: a browser ignores
     * HSTS received over plain HTTP (RFC 6797, section 8.1), and behind any HTTPS proxy on
     * localhost it would pin every other local server to HTTPS for a year.
     */
    public static Map<String, String> overPlainHttp() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", REFERRER_POLICY);
        headers.put("X-Frame-Options", FRAME_OPTIONS);
        return headers;
    }
}
