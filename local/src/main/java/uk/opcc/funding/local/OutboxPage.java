package uk.opcc.funding.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.function.http.SecurityHeaders;

/**
 * {@code /_outbox/}: the emails the local run has "sent", newest first, readable in the browser.
 * The list shows each one's date, recipient and subject; each email's page shows its headers,
 * its HTML part rendered in a sandboxed frame (no scripts, no forms, no access to this page),
 * its text part, and its attachments to download. The .eml file itself is there too, for a
 * mail program. Everything an email carries is escaped; the pages are sent with a strict
 * Content-Security-Policy of their own ({@link #HEADERS}, by the local run's guard).
 */
final class OutboxPage implements HttpHandler {
    /** Pages of ours load only the site's stylesheet; an email's HTML, framed, inherits the same. */
    static final String POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
    /**
     * The site's security headers but for the policy above (an email's HTML needs its inline styles)
     * and framing: only by this origin's pages, as the policy says.
     */
    static final Map<String, String> HEADERS = headers();
    private static final Pattern EMAIL_PAGE = Pattern.compile("([A-Za-z0-9._-]+)\\.html");
    private static final Pattern ATTACHMENT = Pattern.compile("([A-Za-z0-9._-]+\\.eml)/attachments/([0-9]+)");
    private final Path outbox;

    OutboxPage(Path outbox) {
        this.outbox = outbox.toAbsolutePath().normalize();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/_outbox/".length());
            if (name.isEmpty()) {
                page(exchange, 200, listing());
                return;
            }
            Matcher page = EMAIL_PAGE.matcher(name);
            Matcher attachment = ATTACHMENT.matcher(name);
            if (page.matches() && email(page.group(1) + ".eml") != null) {
                page(exchange, 200, emailPage(OutboxEmail.read(email(page.group(1) + ".eml"))));
            } else if (attachment.matches() && email(attachment.group(1)) != null) {
                List<OutboxEmail.Attachment> attachments = OutboxEmail.read(email(attachment.group(1))).attachments();
                int index = Integer.parseInt(attachment.group(2));
                if (index >= attachments.size()) {
                    notFound(exchange);
                    return;
                }
                OutboxEmail.Attachment file = attachments.get(index);
                exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + file.name().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
                LocalHttp.send(exchange, 200, "application/octet-stream", file.content());
            } else if (email(name) != null) {
                LocalHttp.send(exchange, 200, "message/rfc822", Files.readAllBytes(email(name)));
            } else {
                notFound(exchange);
            }
        }
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = SecurityHeaders.overPlainHttp();
        headers.put("Content-Security-Policy", POLICY);
        headers.put("X-Frame-Options", "SAMEORIGIN");
        return Map.copyOf(headers);
    }

    /** The .eml file of that name in the outbox, or null: nothing outside it, nothing else. */
    private Path email(String name) {
        Path file = outbox.resolve(name).normalize();
        return file.startsWith(outbox) && name.endsWith(".eml") && !name.contains("/") && Files.isRegularFile(file) ? file : null;
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        LocalHttp.send(exchange, 404, "text/plain; charset=utf-8", "No such email".getBytes(StandardCharsets.UTF_8));
    }

    private static void page(HttpExchange exchange, int status, String html) throws IOException {
        LocalHttp.send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private String listing() throws IOException {
        StringBuilder html = start("Local outbox").append("<h1 class=\"heading-l\">Local outbox</h1>"
                + "<p>Emails the local run has sent, to staff and to applicants, newest first.</p>"
                + "<p><a href=\"" + PanelPackPage.PATH + "\">Make a panel pack</a> for a fund's round.</p>");
        List<Path> emails = emails();
        if (emails.isEmpty()) {
            return html.append("<p>No emails yet.</p>").append(END).toString();
        }
        html.append("<table><caption class=\"visually-hidden\">Emails, newest first</caption><thead><tr>"
                + "<th scope=\"col\">Date</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th></tr></thead><tbody>");
        for (Path file : emails) {
            OutboxEmail email = OutboxEmail.read(file);
            html.append("<tr><td>").append(Html.escape(date(email))).append("</td><td>").append(Html.escape(email.to()))
                    .append("</td><td><a href=\"/_outbox/").append(Html.escape(pageName(email))).append("\">")
                    .append(Html.escape(email.subject())).append("</a></td></tr>");
        }
        return html.append("</tbody></table>").append(END).toString();
    }

    private static String emailPage(OutboxEmail email) {
        StringBuilder html = start(email.subject() + " – Local outbox")
                .append("<p><a href=\"/_outbox/\">All emails</a></p><h1 class=\"heading-l\">").append(Html.escape(email.subject())).append("</h1><dl>");
        for (String[] header : List.of(new String[] {"From", email.from()}, new String[] {"To", email.to()},
                new String[] {"Reply-To", email.replyTo()}, new String[] {"Date", date(email)}, new String[] {"Subject", email.subject()})) {
            html.append("<dt>").append(header[0]).append("</dt><dd>").append(Html.escape(header[1].isEmpty() ? "(none)" : header[1])).append("</dd>");
        }
        html.append("</dl>");
        if (email.html() != null) {
            // srcdoc is an attribute: the email's HTML is escaped into it, and the empty sandbox
            // runs no script and gives the frame no access to this page or its origin.
            html.append("<h2 class=\"heading-m\">As the recipient sees it</h2><iframe title=\"The email as sent (HTML part)\" sandbox=\"\" srcdoc=\"")
                    .append(Html.escape(email.html())).append("\" style=\"width:100%;height:40rem;border:1px solid #b1b4b6\"></iframe>");
        }
        if (email.text() != null) {
            html.append("<h2 class=\"heading-m\">Plain text</h2><pre style=\"white-space:pre-wrap\">").append(Html.escape(email.text())).append("</pre>");
        }
        html.append("<h2 class=\"heading-m\">Attachments</h2>");
        if (email.attachments().isEmpty()) {
            html.append("<p>None.</p>");
        } else {
            html.append("<ul>");
            for (int i = 0; i < email.attachments().size(); i++) {
                OutboxEmail.Attachment attachment = email.attachments().get(i);
                html.append("<li><a href=\"/_outbox/").append(Html.escape(email.file())).append("/attachments/").append(i).append("\">")
                        .append(Html.escape(attachment.name())).append("</a> (").append(Html.escape(attachment.type())).append(", ")
                        .append(attachment.content().length).append(" bytes)</li>");
            }
            html.append("</ul>");
        }
        return html.append("<p><a href=\"/_outbox/").append(Html.escape(email.file())).append("\">Download the .eml file</a> for a mail program</p>")
                .append(END).toString();
    }

    private static final String END = "</main></body></html>";

    private static StringBuilder start(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(Html.escape(title))
                .append("</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main id=\"main\" class=\"width\">");
    }

    private static String pageName(OutboxEmail email) {
        return email.file().substring(0, email.file().length() - ".eml".length()) + ".html";
    }

    private static String date(OutboxEmail email) {
        if (email.date() == null) {
            return "(no date)";
        }
        SimpleDateFormat format = new SimpleDateFormat("d MMMM yyyy, HH:mm:ss", Locale.UK);
        format.setTimeZone(TimeZone.getTimeZone("Europe/London"));
        return format.format(email.date());
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
