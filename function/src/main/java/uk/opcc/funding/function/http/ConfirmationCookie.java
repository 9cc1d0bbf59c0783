package uk.opcc.funding.function.http;

import java.util.List;
import uk.opcc.funding.function.intake.ConfirmationToken;

/**
 * Carries the confirmation token from the send to the confirmation page, so that no address
 * holds it: CloudFront's and API Gateway's logs, WAF's, the browser's history and a Referer all
 * record addresses. The cookie goes only to that form's confirmation page ({@code Path}), never
 * to script ({@code HttpOnly}), never over plain HTTP ({@code Secure}; browsers treat
 * {@code http://localhost} as secure, so the local run works too), never with a request another
 * site starts ({@code SameSite=Strict}: the send's 303 and the script's navigation after its
 * 201 are our own), and lasts as long as the token.
 */
public final class ConfirmationCookie {
    /** {@code __Secure-}: a browser keeps it only if it was set over HTTPS with Secure, so no plain-HTTP page can plant one. */
    public static final String NAME = "__Secure-confirmation";

    private ConfirmationCookie() {
    }

    /** The Set-Cookie value for the confirmation of this form. */
    public static String set(String formId, String token) {
        return NAME + "=" + token + "; Path=" + Responses.confirmationUrl(formId) + "; Max-Age=" + ConfirmationToken.LIFETIME.toSeconds()
                + "; Secure; HttpOnly; SameSite=Strict";
    }

    /**
     * The token from a request's cookies ({@code name=value} each, as API Gateway's v2 payload
     * lists them), or null when there is none. More than one is refused as none: a browser sends
     * one cookie of a name and path; two mean someone put one there.
     */
    public static String read(List<String> cookies) {
        if (cookies == null) {
            return null;
        }
        List<String> tokens = cookies.stream().map(String::strip).filter(c -> c.startsWith(NAME + "="))
                .map(c -> c.substring(NAME.length() + 1)).toList();
        return tokens.size() == 1 ? tokens.get(0) : null;
    }
}
