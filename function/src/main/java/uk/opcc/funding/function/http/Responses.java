package uk.opcc.funding.function.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.Json;
import uk.opcc.funding.function.validation.Problem;

/**
 * Every response the intake gives, in one place. JSON callers get JSON (problems as RFC 9457
 * problem details); form posts get a redirect or an accessible HTML page, with the same status.
 * The problem pages are drawn in the site's own message page, so an instance holds the pages of
 * the bake the intake serves; the rest need nothing and are static.
 */
public final class Responses {
    /** Each status in plain English: the problem's title for JSON callers, the page's heading for people. */
    private static final Map<Integer, String> TITLES = Map.of(
            400, "We could not read your application",
            403, "Use the form on the website",
            404, "Page not found",
            410, "This form is not taking applications",
            413, "Your application is too long to send",
            415, "We could not read your application",
            422, "There is a problem with the application",
            500, "Sorry, there is a problem with the service",
            503, "Sorry, the service is unavailable");

    private final FormPages pages;

    public Responses(FormPages pages) {
        this.pages = pages;
    }

    /**
     * Served by the intake itself: a static page could not show the reference without JavaScript.
     * The address carries nothing: the token that lets the page show a reference is in the
     * confirmation cookie ({@link ConfirmationCookie}), so no log of addresses records it.
     */
    public static String confirmationUrl(String formId) {
        return "/api/forms/" + formId + "/confirmation";
    }

    /** A whole page of the site's, such as a form re-rendered with its problems. */
    public static APIGatewayV2HTTPResponse page(int status, String html) {
        return response(status, Map.of(), "text/html; charset=utf-8", html);
    }

    /**
     * A page of the form answering a post: the next section, or the page with its problems (from
     * the sections or from a send). Kept in the browser's own history (private: never in a shared
     * cache) so Back and Forward show it again, answers and all, instead of asking to post again;
     * {@code no-store} makes Back to it Chromium's "Confirm Form Resubmission" (BrowserJourneyIT).
     */
    public static APIGatewayV2HTTPResponse formPage(int status, String html) {
        APIGatewayV2HTTPResponse response = page(status, html);
        response.getHeaders().put("Cache-Control", "private, no-cache");
        return response;
    }

    /** A form post goes on to the confirmation page, a script is told where it is; either way with the cookie that lets it show. */
    public static APIGatewayV2HTTPResponse accepted(RequestBody.Kind kind, String formId, String token, String reference, Instant receivedAt) {
        APIGatewayV2HTTPResponse response;
        if (kind == RequestBody.Kind.FORM) {
            response = response(303, Map.of("Location", confirmationUrl(formId)), null, null);
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reference", reference);
            body.put("receivedAt", receivedAt.toString());
            body.put("confirmationUrl", confirmationUrl(formId));
            response = response(201, Map.of(), "application/json", json(body));
        }
        response.setCookies(List.of(ConfirmationCookie.set(formId, token)));
        return response;
    }

    /** A request that did not come through CloudFront: nothing is read, stored or sent. */
    public static APIGatewayV2HTTPResponse notThroughTheSite() {
        return problemJson(403, Map.of(), "Use the form on the website.", List.of());
    }

    /**
     * The confirmation page's answer to a link it cannot vouch for: never a success page. An old
     * link is 410 Gone; anything else, forged, changed or a bare reference, is 404.
     */
    public APIGatewayV2HTTPResponse cannotConfirm(boolean expired) {
        return response(expired ? 410 : 404, Map.of(), "text/html; charset=utf-8", ProblemPage.cannotConfirm(pages, expired));
    }

    public APIGatewayV2HTTPResponse problem(RequestBody.Kind kind, int status, String detail, List<Problem> errors) {
        return problem(kind, status, detail, errors, "");
    }

    /** @param answers for a form post, the applicant's answers shown back as HTML (see {@link FormPages#answers}), or "" */
    public APIGatewayV2HTTPResponse problem(RequestBody.Kind kind, int status, String detail, List<Problem> errors, String answers) {
        Map<String, String> headers = status == 503 ? Map.of("Retry-After", "60") : Map.of();
        if (kind == RequestBody.Kind.FORM) {
            // It answers a form post too, so it is kept for Back and Forward as the form's own pages are (see formPage).
            APIGatewayV2HTTPResponse response = response(status, headers, "text/html; charset=utf-8",
                    ProblemPage.html(pages, status, TITLES.get(status), detail, errors, answers));
            response.getHeaders().put("Cache-Control", "private, no-cache");
            return response;
        }
        return problemJson(status, headers, detail, errors);
    }

    /** The problem as RFC 9457 problem details: for a script, and for a request no browser makes. */
    private static APIGatewayV2HTTPResponse problemJson(int status, Map<String, String> headers, String detail, List<Problem> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", TITLES.get(status));
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "code", e.code(), "message", e.message())).toList());
        }
        return response(status, headers, "application/problem+json", json(body));
    }

    private static APIGatewayV2HTTPResponse response(int status, Map<String, String> extra, String type, String body) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        if (type != null) {
            headers.put("Content-Type", type);
        }
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }

    private static String json(Object body) {
        return Json.write(body);
    }
}
