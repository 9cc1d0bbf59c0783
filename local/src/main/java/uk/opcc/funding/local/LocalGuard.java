package uk.opcc.funding.local;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * In front of every route of the local run. It refuses a request whose {@code Host} is not this
 * machine's own address with the run's port: a page elsewhere that points its own name at
 * 127.0.0.1 (DNS rebinding) would otherwise read the outbox, applicants' emails and all, as its
 * own origin. On the local-only pages it refuses a post that does not come from a page of the
 * same origin (cross-site request forgery). And it sends the route's security headers.
 */
final class LocalGuard extends Filter {
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final int port;
    private final Map<String, String> headers;
    private final boolean sameOriginPostsOnly;

    /**
     * @param headers             sent with every answer of the route, before its handler runs
     * @param sameOriginPostsOnly refuse any method but GET and HEAD unless a page of this origin sent it
     */
    LocalGuard(int port, Map<String, String> headers, boolean sameOriginPostsOnly) {
        this.port = port;
        this.headers = Map.copyOf(headers);
        this.sameOriginPostsOnly = sameOriginPostsOnly;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (!isLocal(host)) {
            refuse(exchange, 421, "This is a local run. It answers only at http://localhost:" + port + "/ (or 127.0.0.1 or [::1] with port "
                    + port + "), not at the address this request was sent to.");
            return;
        }
        if (sameOriginPostsOnly && !SAFE_METHODS.contains(exchange.getRequestMethod()) && !fromOwnPage(exchange, host)) {
            refuse(exchange, 403, "This local page takes posts only from its own pages. Open http://localhost:" + port
                    + exchange.getHttpContext().getPath() + " in your browser and use its buttons.");
            return;
        }
        headers.forEach(exchange.getResponseHeaders()::set);
        chain.doFilter(exchange);
    }

    /** The name a browser sends for this machine, with the run's port (no port only on port 80, as browsers leave it out). */
    boolean isLocal(String host) {
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        int colon = lower.lastIndexOf(':');
        boolean hasPort = colon > lower.lastIndexOf(']');
        String name = hasPort ? lower.substring(0, colon) : lower;
        String portPart = hasPort ? lower.substring(colon + 1) : (port == 80 ? "80" : "");
        return LOCAL_NAMES.contains(name) && portPart.equals(Integer.toString(port));
    }

    /**
     * A browser names the page a post comes from in {@code Origin}; where it sends none, its
     * {@code Sec-Fetch-Site} says whether the page was of this origin. Neither: refused, since
     * nothing then shows the post is the user's own.
     */
    private static boolean fromOwnPage(HttpExchange exchange, String host) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            return origin.equalsIgnoreCase("http://" + host);
        }
        return "same-origin".equals(exchange.getRequestHeaders().getFirst("Sec-Fetch-Site"));
    }

    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readNBytes(64 * 1024); // let a small body go, so the answer is read
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            LocalHttp.send(exchange, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String description() {
        return "local addresses only, same-origin posts on local pages, security headers";
    }
}
