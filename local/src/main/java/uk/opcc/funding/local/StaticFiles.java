package uk.opcc.funding.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import uk.opcc.funding.catalogue.text.Html;

/**
 * Serves the baked site as CloudFront will: folders by their index.html, the site's own 404 page.
 * For the live preview, the site served can change between requests, and while the source has a
 * problem every page carries it in a banner at the top.
 */
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

    private final Supplier<Path> site;
    private final Supplier<String> problem;

    StaticFiles(Path root) {
        this(() -> root, () -> null);
    }

    /** @param problem what is wrong with the source now, or null when the site served is up to date */
    StaticFiles(Supplier<Path> site, Supplier<String> problem) {
        this.site = site;
        this.problem = problem;
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
            Path root = site.get().toAbsolutePath().normalize();
            Path file = resolve(root, exchange.getRequestURI().getPath());
            if (file == null) {
                send(exchange, 404, root.resolve("404.html"));
            } else {
                send(exchange, 200, file);
            }
        }
    }

    /** The file for a request path, or null when there is none inside the site. */
    static Path resolve(Path root, String requestPath) {
        Path file = root.resolve(requestPath.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    private void send(HttpExchange exchange, int status, Path file) throws IOException {
        byte[] body = Files.exists(file) ? Files.readAllBytes(file) : "Not found".getBytes();
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String wrong = problem.get();
        if (wrong != null && extension.equals("html")) {
            body = withBanner(new String(body, StandardCharsets.UTF_8), wrong).getBytes(StandardCharsets.UTF_8);
        }
        LocalHttp.send(exchange, status, TYPES.getOrDefault(extension, "application/octet-stream"), body);
    }

    /** The page with the source's problem at the top, so whoever is editing sees it on whatever page they look at. */
    static String withBanner(String page, String problem) {
        String banner = "<div class=\"notice notice--error\" role=\"alert\"><p><strong>The preview could not be updated.</strong> "
                + "This is the last version that worked. Correct the file and save it again:</p><pre>" + Html.escape(problem) + "</pre></div>";
        int body = page.indexOf("<body>");
        return body < 0 ? banner + page : page.substring(0, body + 6) + banner + page.substring(body + 6);
    }
}
