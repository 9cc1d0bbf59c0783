package uk.opcc.funding.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import uk.opcc.funding.function.EndorsementHandler;
import uk.opcc.funding.function.IntakeHandler;

/**
 * Plays API Gateway's part locally: turns an HTTP request on {@code /api/...} into the HTTP API
 * event the Lambda receives, runs the real intake handler, and writes its response back.
 * Cookies go as API Gateway's v2 payload carries them: the request's {@code Cookie} header as the
 * event's {@code cookies} (one {@code name=value} each, not among the headers), and the
 * response's {@code cookies} as one {@code Set-Cookie} header each.
 */
final class ApiBridge implements HttpHandler {
    private static final Pattern POSTS = Pattern.compile("/api/forms/([^/]+)/(submissions|sections)");
    private static final Pattern CONFIRMATION = Pattern.compile("/api/forms/([^/]+)/confirmation");
    private static final String ENDORSEMENTS = "/api/endorsements";
    /** The intake for the site as last baked: the preview replaces it when the source changes. */
    private final Supplier<IntakeHandler> intake;
    /** The endorser's pages, likewise: a function of their own in AWS. */
    private final Supplier<EndorsementHandler> endorsements;

    ApiBridge(Supplier<IntakeHandler> intake, Supplier<EndorsementHandler> endorsements) {
        this.intake = intake;
        this.endorsements = endorsements;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Matcher posts = POSTS.matcher(path);
            Matcher confirmation = CONFIRMATION.matcher(path);
            String route;
            String formId;
            if (path.equals(ENDORSEMENTS) && (method.equals("GET") || method.equals("POST"))) {
                write(exchange, endorsements.get().handleRequest(event(exchange, method + " " + ENDORSEMENTS, null), null));
                return;
            }
            if (method.equals("POST") && posts.matches()) {
                route = "POST /api/forms/{formId}/" + posts.group(2);
                formId = posts.group(1);
            } else if (method.equals("GET") && confirmation.matches()) {
                route = "GET /api/forms/{formId}/confirmation";
                formId = confirmation.group(1);
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            write(exchange, intake.get().handleRequest(event(exchange, route, formId), null));
        }
    }

    private static APIGatewayV2HTTPEvent event(HttpExchange exchange, String route, String formId) throws IOException {
        Map<String, String> headers = new HashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.forEach(header -> List.of(header.split(";")).stream().map(String::strip).filter(c -> !c.isEmpty()).forEach(cookies::add));
            } else {
                headers.put(name.toLowerCase(), String.join(",", values));
            }
        });
        byte[] body = exchange.getRequestBody().readAllBytes();
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(exchange.getRequestMethod()).withPath(exchange.getRequestURI().getPath())
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress()).build();
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(route)
                .withRawPath(exchange.getRequestURI().getPath())
                .withRawQueryString(exchange.getRequestURI().getRawQuery())
                .withQueryStringParameters(query(exchange.getRequestURI().getRawQuery()))
                .withPathParameters(formId == null ? null : Map.of("formId", formId))
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId("local").build())
                // API Gateway sends form bodies base64-encoded; so does this.
                .withBody(body.length == 0 ? null : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0)
                .build();
    }

    /** A query string or form body as fields; null when there are none. */
    static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
