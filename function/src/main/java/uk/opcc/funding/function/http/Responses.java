package uk.opcc.funding.function.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.function.validation.Problem;

/**
 * Every response the intake gives, in one place. JSON callers get JSON (problems as RFC 9457
 * problem details); form posts get a redirect or an accessible HTML page, with the same status.
 */
public final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String> TITLES = Map.of(
            400, "The application could not be read",
            404, "There is no such form",
            410, "This form is not taking applications",
            413, "The application is too large",
            415, "The application was sent in a format we do not accept",
            422, "There is a problem with the application",
            500, "Sorry, there is a problem with the service",
            503, "Sorry, the service is unavailable");

    private Responses() {
    }

    /** Served by the intake itself: a static page could not show the reference without JavaScript. */
    public static String confirmationUrl(String formId, String reference) {
        return "/api/forms/" + formId + "/confirmation?reference=" + reference;
    }

    /** A whole page of the site's, such as a form re-rendered with its problems. */
    public static APIGatewayV2HTTPResponse page(int status, String html) {
        return response(status, Map.of(), "text/html; charset=utf-8", html);
    }

    public static APIGatewayV2HTTPResponse accepted(RequestBody.Kind kind, String formId, String reference, Instant receivedAt) {
        if (kind == RequestBody.Kind.FORM) {
            return response(303, Map.of("Location", confirmationUrl(formId, reference)), null, null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("receivedAt", receivedAt.toString());
        body.put("confirmationUrl", confirmationUrl(formId, reference));
        return response(201, Map.of(), "application/json", json(body));
    }

    public static APIGatewayV2HTTPResponse problem(RequestBody.Kind kind, int status, String detail, List<Problem> errors) {
        Map<String, String> headers = status == 503 ? Map.of("Retry-After", "60") : Map.of();
        if (kind == RequestBody.Kind.FORM) {
            return response(status, headers, "text/html; charset=utf-8", ProblemPage.html(TITLES.get(status), detail, errors));
        }
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
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
