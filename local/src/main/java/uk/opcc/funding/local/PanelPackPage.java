package uk.opcc.funding.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.function.panel.PanelPackService;
import uk.opcc.funding.function.panel.UnknownRoundException;

/**
 * {@code /_panel-packs/}: a button per fund and round that makes its panel pack into the outbox,
 * through the same service the scheduled function runs. Before a round's deadline the pack is an
 * interim one, made as often as asked; after it, the round's own, made once.
 */
final class PanelPackPage implements HttpHandler {
    static final String PATH = "/_panel-packs/";
    private final Supplier<Catalogue> catalogue;
    private final Supplier<PanelPackService> packs;

    /** Both as the last good bake of the preview left them. */
    PanelPackPage(Supplier<Catalogue> catalogue, Supplier<PanelPackService> packs) {
        this.catalogue = catalogue;
        this.packs = packs;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                LocalHttp.send(exchange, 200, "text/html; charset=utf-8", page("", 200).getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> form = ApiBridge.query(new String(exchange.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8));
            form = form == null ? Map.of() : form;
            String message;
            int status = 200;
            try {
                PanelPackService.Result result = packs.get().send(form.get("fundId"), form.get("roundId"));
                message = switch (result.status()) {
                    case SENT -> "The round's pack (applications: " + result.applications() + ") is in the outbox.";
                    case INTERIM_SENT -> "An interim pack of the applications so far (" + result.applications() + ") is in the outbox.";
                    case ALREADY_SENT -> "This round's pack was made before: it is made only once.";
                    case IN_PROGRESS -> "Another attempt is making this round's pack. Try again in two minutes.";
                };
            } catch (UnknownRoundException e) {
                message = e.getMessage();
                status = 400;
            }
            LocalHttp.send(exchange, status, "text/html; charset=utf-8", page(message, status).getBytes(StandardCharsets.UTF_8));
        }
    }

    private String page(String message, int status) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Panel packs</title>"
                + "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main id=\"main\" class=\"width\">"
                + "<h1 class=\"heading-l\">Panel packs</h1>");
        if (!message.isEmpty()) {
            html.append("<p role=\"").append(status == 200 ? "status" : "alert").append("\"><strong>")
                    .append(Html.escape(message)).append("</strong> <a href=\"/_outbox/\">See the outbox</a></p>");
        }
        html.append("<p>Each fund's pack for a round is emailed to its staff after the round's deadline. "
                + "Before the deadline, a pack made here is an interim one.</p><table><thead><tr><th scope=\"col\">Fund</th>"
                + "<th scope=\"col\">Round</th><th scope=\"col\">Deadline (UK time)</th><th scope=\"col\">Pack</th></tr></thead><tbody>");
        Instant now = Instant.now();
        for (Catalogue.FundRound r : catalogue.get().packRounds()) {
            boolean passed = !now.isBefore(r.round().deadline().toInstant());
            html.append("<tr><td>").append(Html.escape(r.fund().name())).append("</td><td>").append(Html.escape(r.round().id()))
                    .append("</td><td>").append(Wording.moment(r.round().deadline().withZoneSameInstant(Catalogue.UK)))
                    .append(passed ? " (passed)" : "").append("</td><td><form method=\"post\" action=\"").append(PATH).append("\">")
                    .append("<input type=\"hidden\" name=\"fundId\" value=\"").append(Html.escape(r.fund().id())).append("\">")
                    .append("<input type=\"hidden\" name=\"roundId\" value=\"").append(Html.escape(r.round().id())).append("\">")
                    .append("<button type=\"submit\" class=\"button\">Make ").append(passed ? "the" : "an interim")
                    .append(" pack<span class=\"visually-hidden\"> for ").append(Html.escape(r.fund().name())).append(", round ")
                    .append(Html.escape(r.round().id())).append("</span></button></form></td></tr>");
        }
        return html.append("</tbody></table></main></body></html>").toString();
    }
}
