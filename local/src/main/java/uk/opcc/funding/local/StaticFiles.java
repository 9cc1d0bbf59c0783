package uk.opcc.funding.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Serves the baked site as CloudFront will: folders by their index.html, the site's own 404 page. */
final class StaticFiles implements HttpHandler {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "xml", "application/xml",
            "atom", "application/atom+xml",
            "ics", "text/calendar; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private final Path root;

    StaticFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Path file = resolve(exchange.getRequestURI().getPath());
            if (file == null) {
                send(exchange, 404, root.resolve("404.html"));
            } else {
                send(exchange, 200, file);
            }
        }
    }

    /** The file for a request path, or null when there is none inside the site. */
    Path resolve(String requestPath) {
        Path file = root.resolve(requestPath.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    private static void send(HttpExchange exchange, int status, Path file) throws IOException {
        byte[] body = Files.exists(file) ? Files.readAllBytes(file) : "Not found".getBytes();
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        LocalHttp.send(exchange, status, type, body);
    }
}
