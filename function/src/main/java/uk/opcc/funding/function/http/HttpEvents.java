package uk.opcc.funding.function.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** What the HTTP handlers read of API Gateway's event, read one way. */
public final class HttpEvents {
    private HttpEvents() {
    }

    public static boolean isGet(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        return context != null && context.getHttp() != null && "GET".equals(context.getHttp().getMethod());
    }

    /** A header, whatever its case; null when absent. */
    public static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        return event.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
