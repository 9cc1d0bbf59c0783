package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.PageMarkers;
import uk.opcc.funding.function.engines.Events;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.http.RequestBody;
import uk.opcc.funding.function.http.Responses;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;
import uk.opcc.funding.function.validation.Problem;

/**
 * Every page the intake answers a person with when it cannot take an application: the site's own
 * layout, plain English, what to do next, the OPCC's contact details, and the answers shown back
 * where they could be read. JSON callers still get problem+json. The applications, and the baked
 * message page around them (forms/message.html, from the same bake as the form pages), are the
 * fixture funder's.
 */
class ErrorPagesTest {
    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final FormPages pages = FixtureForms.pages();
    final IntakeHandler handler = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, Reference::next), pages, Fixtures.TOKENS);
    /** Whose contact details the message page carries. */
    static final Publisher PUBLISHER = Fixtures.PUBLISHER;

    static final Map<String, List<String>> ANSWERS = Fixtures.with(Fixtures.answers(),
            "projectDescription", "Six lights <script>alert(1)</script>\nOn Sheep Lane & the green.");

    Document page(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
        // each answers a form post: kept for Back, which would otherwise ask to post again (no-store does)
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "private, no-cache");
        Document page = Jsoup.parse(response.getBody());
        // the baked site's own layout: header, navigation, footer, styles
        assertThat(page.select("header.site-header .site-header__org").text()).isEqualTo(PUBLISHER.name());
        assertThat(page.select("nav.site-nav a")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/site.css");
        assertThat(page.select("footer.site-footer").text()).contains(PUBLISHER.phone(), PUBLISHER.email());
        // contact details in the message itself, and no marker or stack trace left behind
        assertThat(page.select("main").text()).contains("Contact us", PUBLISHER.phone(), PUBLISHER.email());
        assertThat(page.select("main a[href=tel:" + PUBLISHER.phoneLink() + "]")).hasSize(1);
        assertThat(response.getBody()).doesNotContain(PageMarkers.TITLE, PageMarkers.MESSAGE, "Exception", "at uk.opcc");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.title()).isEqualTo(page.select("h1").text() + " – " + PUBLISHER.service() + " – " + PUBLISHER.shortName());
        return page;
    }

    static APIGatewayV2HTTPEvent formPost(String formId, Map<String, List<String>> answers) {
        APIGatewayV2HTTPEvent event = Events.form(formId, answers);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        event.setHeaders(headers);
        return event;
    }

    @Test
    void unknownForm404() {
        Document page = page(handler.handleRequest(formPost("lottery", ANSWERS), null), 404);

        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.select("main").text()).contains("There is no application form at this address", "check it is correct");
        assertThat(page.select("main a[href=/calls/]")).isNotEmpty();
    }

    @Test
    void closedCall410ShowsTheAnswersBackAndNeverAsksToCorrectThem() {
        Document page = page(handler.handleRequest(formPost(Fixtures.FORM, Fixtures.with(ANSWERS, "call", Fixtures.CLOSED_CALL)), null), 410);

        String main = page.select("main").text();
        assertThat(page.select("h1").text()).isEqualTo("This form is not taking applications");
        assertThat(main).contains("is closed and not taking applications", "Your application has not been sent",
                "What you can do", "See the calls for bids open now", "Keep a copy of what you entered");
        assertThat(main.toLowerCase()).doesNotContain("correct");
        assertThat(page.select("dl.summary-list dt").eachText()).startsWith("Name of your group", "What kind of group is it?")
                .contains("What will you do, and where?", "How much are you asking for?").doesNotContain("website");
        assertThat(page.select("dl.summary-list dd").eachText()).contains("Moorside Lanes <Watch>", "Neighbourhood watch group", "£1,450",
                "Lanes and footpaths Bus stops", "Little Moorside");
        // what was typed comes back as text, never as markup, line breaks kept
        assertThat(page.select("dl.summary-list script")).isEmpty();
        assertThat(page.select("dl.summary-list dd").eachText()).contains("Six lights <script>alert(1)</script> On Sheep Lane & the green.");
        assertThat(store.applications).isEmpty();
    }

    @Test
    void endedFund410() {
        Document page = page(handler.handleRequest(formPost(Fixtures.ENDED_FORM,
                Map.of("groupName", List.of("Moorbridge Food Bank"))), null), 410);

        assertThat(page.select("main").text()).contains("The Moorbridge Flood Recovery Fund is not taking applications.");
        assertThat(page.select("dl.summary-list dd").eachText()).containsExactly("Moorbridge Food Bank");
    }

    @Test
    void tooLarge413SaysWhatToDo() {
        APIGatewayV2HTTPEvent event = formPost(Fixtures.FORM, Map.of("projectDescription", List.of("x".repeat(70_000))));

        Document page = page(handler.handleRequest(event, null), 413);

        assertThat(page.select("h1").text()).isEqualTo("Your application is too long to send");
        assertThat(page.select("main").text()).contains("Nothing has been sent", "64 KB", "make the longest answers shorter and send it again");
    }

    @Test
    void unsupportedMediaType415GetsAPageWhenABrowserSentIt() {
        APIGatewayV2HTTPEvent event = Events.raw(Fixtures.FORM, "multipart/form-data; boundary=x", "--x--");
        event.setHeaders(new HashMap<>(Map.of("content-type", "multipart/form-data; boundary=x", "accept", "text/html")));

        Document page = page(handler.handleRequest(event, null), 415);

        assertThat(page.select("h1").text()).isEqualTo("We could not read your application");
        assertThat(page.select("main").text()).contains("Nothing has been sent", "Go back to the form");
    }

    @Test
    void unreadable422WithoutAFormPageListsTheProblems() {
        APIGatewayV2HTTPResponse response = new Responses(pages).problem(RequestBody.Kind.FORM, 422, "Correct the answers listed.",
                List.of(new Problem("amount", "amountTooLarge", "The amount you are asking for must be £3,000 or less")));

        Document page = page(response, 422);

        assertThat(page.select(".error-summary__list li").eachText()).containsExactly("The amount you are asking for must be £3,000 or less");
        assertThat(page.select("main").text()).contains("Nothing has been sent yet");
    }

    @Test
    void storageFailure503ShowsTheAnswersBack() {
        store.unavailable = true;

        APIGatewayV2HTTPResponse response = handler.handleRequest(formPost(Fixtures.FORM, ANSWERS), null);

        Document page = page(response, 503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "60");
        assertThat(page.select("h1").text()).isEqualTo("Sorry, the service is unavailable");
        assertThat(page.select("main").text()).contains("Your application has not been sent", "Try again in a few minutes");
        assertThat(page.select("dl.summary-list dd").eachText()).contains("Moorside Lanes <Watch>");
    }

    @Test
    void unexpectedFailure500ShowsTheAnswersBackWithoutInternalDetail() {
        IntakeHandler broken = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, () -> {
            throw new IllegalStateException("secret internal detail at com.example.Internal");
        }), pages, Fixtures.TOKENS);

        APIGatewayV2HTTPResponse response = broken.handleRequest(formPost(Fixtures.FORM, ANSWERS), null);

        Document page = page(response, 500);
        assertThat(page.select("h1").text()).isEqualTo("Sorry, there is a problem with the service");
        assertThat(page.select("main").text()).contains("Your application has not been sent", "Try again later");
        assertThat(page.select("dl.summary-list dd").eachText()).contains("Moorside Lanes <Watch>");
        assertThat(response.getBody()).doesNotContain("secret", "com.example");
    }

    @Test
    void jsonCallersStillGetProblemJson() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.json(Fixtures.FORM,
                Map.of("groupName", "Moorside Lanes Watch", "call", Fixtures.CLOSED_CALL)), null);

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(CatalogueJson.parse(response.getBody())).containsEntry("title", "This form is not taking applications")
                .doesNotContainKey("answers");
    }
}
