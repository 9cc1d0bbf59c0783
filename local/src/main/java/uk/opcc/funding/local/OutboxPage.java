package uk.opcc.funding.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** {@code /_outbox/}: the staff emails the local run has "sent", newest first, each a link to its .eml file. */
final class OutboxPage implements HttpHandler {
    private final Path outbox;

    OutboxPage(Path outbox) {
        this.outbox = outbox.toAbsolutePath().normalize();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/_outbox/".length());
            if (name.isEmpty()) {
                LocalHttp.send(exchange, 200, "text/html; charset=utf-8", listing());
                return;
            }
            Path file = outbox.resolve(name).normalize();
            if (!file.startsWith(outbox) || !name.endsWith(".eml") || !Files.isRegularFile(file)) {
                LocalHttp.send(exchange, 404, "text/plain; charset=utf-8", "No such email".getBytes(StandardCharsets.UTF_8));
                return;
            }
            LocalHttp.send(exchange, 200, "message/rfc822", Files.readAllBytes(file));
        }
    }

    private byte[] listing() throws IOException {
        List<Path> emails = emails();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Local outbox</title>"
                + "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main id=\"main\" class=\"width\">"
                + "<h1 class=\"heading-l\">Local outbox</h1><p>Staff emails written by the local run, newest first.</p>"
                + "<p><a href=\"" + PanelPackPage.PATH + "\">Make a panel pack</a> for a fund's round.</p><ul>");
        for (Path email : emails) {
            String file = email.getFileName().toString();
            html.append("<li><a href=\"/_outbox/").append(file).append("\">").append(file).append("</a></li>");
        }
        if (emails.isEmpty()) {
            html.append("<li>No emails yet.</li>");
        }
        return html.append("</ul></main></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    List<Path> emails() throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted(Comparator.reverseOrder()).toList();
        }
    }
}
