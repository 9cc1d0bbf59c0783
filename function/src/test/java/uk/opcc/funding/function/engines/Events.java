package uk.opcc.funding.function.engines;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.opcc.funding.function.http.ConfirmationCookie;

/** API Gateway HTTP API events, starting from the recorded fixture and changing only what a test needs. */
public final class Events {
    private Events() {
    }

    public static APIGatewayV2HTTPEvent json(String formId, Map<String, ?> body) {
        try {
            return raw(formId, "application/json", new ObjectMapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static APIGatewayV2HTTPEvent form(String formId, Map<String, List<String>> answers) {
        String body = answers.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return raw(formId, "application/x-www-form-urlencoded", body);
    }

    /**
     * {@code GET /api/forms/{formId}/confirmation} with the cookies a browser sends
     * ({@code name=value} each, as API Gateway's v2 payload lists them) and a query, if any.
     */
    public static APIGatewayV2HTTPEvent confirmation(String formId, List<String> cookies, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/safer-villages-json.json");
        event.getRequestContext().getHttp().setMethod("GET");
        event.setRouteKey("GET /api/forms/{formId}/confirmation");
        event.setRawPath("/api/forms/" + formId + "/confirmation");
        event.setPathParameters(Map.of("formId", formId));
        event.setQueryStringParameters(query);
        event.setCookies(cookies);
        event.setBody(null);
        return event;
    }

    /** The confirmation page, as the browser asks for it after the answer that set its cookie. */
    public static APIGatewayV2HTTPEvent confirmationAfter(String formId, APIGatewayV2HTTPResponse accepted) {
        return confirmation(formId, cookies(accepted), null);
    }

    /** What a browser sends back of the cookies an answer set: each {@code name=value}, its attributes dropped. */
    public static List<String> cookies(APIGatewayV2HTTPResponse response) {
        return response.getCookies() == null ? null : response.getCookies().stream().map(c -> c.split(";", 2)[0].strip()).toList();
    }

    /** The confirmation cookie a browser would send for this token. */
    public static List<String> confirmationCookie(String token) {
        return List.of(ConfirmationCookie.NAME + "=" + token);
    }

    /** A form post between the form's pages, as a browser without JavaScript sends it. */
    public static APIGatewayV2HTTPEvent sections(String formId, Map<String, List<String>> fields) {
        APIGatewayV2HTTPEvent event = form(formId, fields);
        event.setRouteKey("POST /api/forms/{formId}/sections");
        event.setRawPath("/api/forms/" + formId + "/sections");
        return event;
    }

    public static APIGatewayV2HTTPEvent raw(String formId, String contentType, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/safer-villages-json.json");
        event.setPathParameters(Map.of("formId", formId));
        event.setRawPath("/api/forms/" + formId + "/submissions");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("content-type");
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        event.setHeaders(headers);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }
}
