package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/** The handler on API Gateway-shaped events, with the real service over an in-memory store. */
class IntakeHandlerTest {
    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final IntakeHandler handler = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, Reference::next), new FormPages(Fixtures.CATALOGUE));

    APIGatewayV2HTTPResponse handle(String fixture) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/" + fixture);
        return handler.handleRequest(event, null);
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse response) {
        return CatalogueJson.parse(response.getBody());
    }

    @Test
    void jsonApplicationGets201WithItsReference() {
        APIGatewayV2HTTPResponse response = handle("property-fund-json.json");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json").containsEntry("Cache-Control", "no-store");
        Map<String, Object> body = json(response);
        String reference = (String) body.get("reference");
        assertThat(Reference.isWellFormed(reference)).isTrue();
        assertThat(body).containsEntry("receivedAt", "2026-11-24T12:00:00Z")
                .containsEntry("confirmationUrl", "/api/forms/property-fund/confirmation?reference=" + reference);
        assertThat(store.applications.get(reference).callId()).isEqualTo("road-safety-2026");
    }

    @Test
    void formPostIsRedirectedToTheConfirmationPage() {
        APIGatewayV2HTTPResponse response = handle("property-fund-form.json");

        assertThat(response.getStatusCode()).isEqualTo(303);
        String location = response.getHeaders().get("Location");
        assertThat(location).startsWith("/api/forms/property-fund/confirmation?reference=");
        assertThat(store.applications).containsOnlyKeys(location.substring(location.indexOf('=') + 1));
    }

    @Test
    void replayedJsonApplicationGetsTheSameReference() {
        String first = (String) json(handle("property-fund-json.json")).get("reference");
        String second = (String) json(handle("property-fund-json.json")).get("reference");

        assertThat(second).isEqualTo(first);
        assertThat(store.applications).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidJsonApplicationGets422ListingEveryProblem() {
        APIGatewayV2HTTPResponse response = handle("property-fund-invalid-json.json");

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        Map<String, Object> body = json(response);
        assertThat(body).containsEntry("status", 422).containsEntry("title", "There is a problem with the application");
        assertThat((List<Map<String, String>>) body.get("errors")).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("amount:amountTooLarge", "officerCollarNumber:required");
        assertThat(store.applications).isEmpty();
    }

    @Test
    void invalidFormPostGetsTheFormAgainWithEveryProblemAndTheAnswersKept() {
        APIGatewayV2HTTPResponse response = handle("property-fund-invalid-form.json");

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(response.getBody());
        assertThat(page.title()).startsWith("Error: Apply to the Property Fund");
        assertThat(page.select(".error-summary__list a").eachAttr("href")).startsWith("#organisationName", "#organisationType");
        assertThat(page.select(".error-summary__list a").eachText()).contains("The name of your organisation must be on one line",
                "Enter the amount you are applying for in pounds and pence, like 1250 or £1,250.50");
        assertThat(page.getElementById("amount").attr("value")).isEqualTo("-5");
        assertThat(page.getElementById("amount").attr("aria-describedby")).contains("amount-error");
        assertThat(page.getElementById("amount-error").text()).startsWith("Error: Enter the amount");
        assertThat(page.select("header.site-header")).hasSize(1); // the site's own page, not a bare one
        assertThat(store.applications).isEmpty();
    }

    @Test
    void formPostToACallKeepsTheCallAndItsCap() {
        APIGatewayV2HTTPEvent event = uk.opcc.funding.function.engines.Events.form("property-fund",
                Fixtures.with(Fixtures.with(Fixtures.propertyFundAnswers(), "call", "road-safety-2026"), "amount", "2600"));

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(handler.handleRequest(event, null).getBody());

        assertThat(page.select("input[name=call]").attr("value")).isEqualTo("road-safety-2026");
        assertThat(page.getElementById("amount-error").text()).contains("must be £2,500 or less");
        assertThat(page.getElementById("organisationName").attr("value")).isEqualTo("Eden Valley Speed Watch");
        assertThat(page.select("input[name=objectives][checked]").eachAttr("value")).containsExactly("objective-3", "objective-8");
    }

    @Test
    void storesAnswersInOneFormButShowsTheApplicantWhatTheyTyped() {
        var answers = Fixtures.with(Fixtures.with(Fixtures.with(Fixtures.with(Fixtures.propertyFundAnswers(),
                "amount", "£1,850"), "postcode", "ca11  7bs"), "phone", "+44 (0)7700 900982"), "projectTitle", "Speed watch <for> Langwathby & Lazonby");

        APIGatewayV2HTTPResponse sent = handler.handleRequest(uk.opcc.funding.function.engines.Events.form("property-fund", answers), null);

        assertThat(sent.getStatusCode()).isEqualTo(303);
        Map<String, List<String>> stored = store.applications.values().iterator().next().answers();
        assertThat(stored).containsEntry("amount", List.of("1850")).containsEntry("postcode", List.of("CA11 7BS"))
                .containsEntry("phone", List.of("07700900982")).containsEntry("projectTitle", List.of("Speed watch <for> Langwathby & Lazonby"));

        // given one wrong answer, the page shows every answer as it was typed, escaped
        APIGatewayV2HTTPResponse again = handler.handleRequest(uk.opcc.funding.function.engines.Events.form("property-fund",
                Fixtures.with(answers, "phone", "07700 90098")), null);

        assertThat(again.getStatusCode()).isEqualTo(422);
        assertThat(again.getBody()).contains("value=\"Speed watch &lt;for&gt; Langwathby &amp; Lazonby\"").doesNotContain("<for>");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(again.getBody());
        assertThat(page.getElementById("amount").attr("value")).isEqualTo("£1,850");
        assertThat(page.getElementById("postcode").attr("value")).isEqualTo("ca11  7bs");
        assertThat(page.getElementById("phone-error").text()).contains("Enter a full telephone number");
        assertThat(store.applications).hasSize(1);
    }

    @Test
    void confirmationPageShowsTheReference() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(confirmation("property-fund", "KX7P-M2RD"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(response.getBody());
        assertThat(page.select("[data-reference]").text()).isEqualTo("KX7P-M2RD");
        assertThat(page.select("h1").text()).isEqualTo("Application sent");
    }

    @Test
    void confirmationPageRefusesAnythingButAReference() {
        assertThat(handler.handleRequest(confirmation("property-fund", "<script>alert(1)</script>"), null).getStatusCode()).isEqualTo(404);
        assertThat(handler.handleRequest(confirmation("../../etc", "KX7P-M2RD"), null).getStatusCode()).isEqualTo(404);
        assertThat(handler.handleRequest(confirmation("property-fund", null), null).getStatusCode()).isEqualTo(404);
    }

    static APIGatewayV2HTTPEvent confirmation(String formId, String reference) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/property-fund-json.json");
        event.getRequestContext().getHttp().setMethod("GET");
        event.setRouteKey("GET /api/forms/{formId}/confirmation");
        event.setPathParameters(Map.of("formId", formId));
        event.setQueryStringParameters(reference == null ? null : Map.of("reference", reference));
        event.setBody(null);
        return event;
    }

    @Test
    void malformedJsonGets400() {
        APIGatewayV2HTTPResponse response = handle("malformed-json.json");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("detail", "The application is not valid JSON.");
    }

    @Test
    void wrongContentTypeGets415() {
        assertThat(handle("wrong-content-type.json").getStatusCode()).isEqualTo(415);
    }

    @Test
    void unknownFormGets404() {
        assertThat(handle("unknown-form.json").getStatusCode()).isEqualTo(404);
    }

    @Test
    void endedFundGets410() {
        APIGatewayV2HTTPResponse response = handle("ended-fund.json");
        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(json(response).get("detail")).isEqualTo("The Covid 19 Community Recovery Fund is not taking applications.");
    }

    @Test
    void oversizedBodyGets413AndStoresNothing() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/property-fund-json.json");
        event.setBody("{\"projectDescription\": \"" + "x".repeat(70_000) + "\"}");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(store.applications).isEmpty();
    }

    @Test
    void storageFailureGets503AndSaysNothingWasSaved() {
        store.unavailable = true;

        APIGatewayV2HTTPResponse response = handle("property-fund-json.json");

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "60");
        assertThat(json(response).get("detail")).isEqualTo("Your application has not been saved. Please try again in a few minutes.");
    }

    @Test
    void unexpectedFailureGets500WithoutInternalDetail() {
        IntakeHandler broken = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, () -> {
            throw new IllegalStateException("secret internal detail at com.example.Internal");
        }), new FormPages(Fixtures.CATALOGUE));

        APIGatewayV2HTTPResponse response = broken.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/property-fund-json.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("secret", "Exception", "com.example");
    }
}
