package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.PageMarkers;
import uk.opcc.funding.function.engines.Events;
import uk.opcc.funding.function.http.ConfirmationCookie;
import uk.opcc.funding.function.http.OriginCheck;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/** The handler on API Gateway-shaped events, with the real service over an in-memory store. */
class IntakeHandlerTest {
    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final IntakeHandler handler = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, Reference::next), FixtureForms.pages(), Fixtures.TOKENS);

    APIGatewayV2HTTPResponse handle(String fixture) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/" + fixture);
        return handler.handleRequest(event, null);
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse response) {
        return CatalogueJson.parse(response.getBody());
    }

    @Test
    void jsonApplicationGets201WithItsReference() {
        APIGatewayV2HTTPResponse response = handle("safer-villages-json.json");

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json").containsEntry("Cache-Control", "no-store");
        Map<String, Object> body = json(response);
        String reference = (String) body.get("reference");
        assertThat(Reference.isWellFormed(reference)).isTrue();
        assertThat(body).containsEntry("receivedAt", "2030-03-12T12:00:00Z");
        // the address carries nothing; the token that lets it show the reference is the cookie's
        assertThat(body).containsEntry("confirmationUrl", "/api/forms/safer-villages/confirmation");
        assertThat(response.getCookies()).singleElement().asString().startsWith(ConfirmationCookie.NAME + "=").doesNotContain(reference);
        assertThat(store.applications.get(reference).callId()).isEqualTo(Fixtures.OPEN_CALL);
    }

    @Test
    void formPostIsRedirectedToTheConfirmationPage() {
        APIGatewayV2HTTPResponse response = handle("safer-villages-form.json");

        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(response.getHeaders()).containsEntry("Location", "/api/forms/safer-villages/confirmation");
        assertThat(store.applications).hasSize(1);
        String reference = store.applications.keySet().iterator().next();
        // one cookie, for that form's confirmation page alone, out of script's reach, over HTTPS, same site, for the token's hour
        assertThat(response.getCookies()).singleElement().asString()
                .startsWith(ConfirmationCookie.NAME + "=v1.")
                .endsWith("; Path=/api/forms/safer-villages/confirmation; Max-Age=3600; Secure; HttpOnly; SameSite=Strict");
        assertThat(Events.cookies(response).get(0)).doesNotContain(reference, "Robin", "Moorside"); // nothing readable, nothing personal
    }

    @Test
    void replayedJsonApplicationGetsTheSameReference() {
        String first = (String) json(handle("safer-villages-json.json")).get("reference");
        String second = (String) json(handle("safer-villages-json.json")).get("reference");

        assertThat(second).isEqualTo(first);
        assertThat(store.applications).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidJsonApplicationGets422ListingEveryProblem() {
        APIGatewayV2HTTPResponse response = handle("safer-villages-invalid-json.json");

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        Map<String, Object> body = json(response);
        assertThat(body).containsEntry("status", 422).containsEntry("title", "There is a problem with the application");
        assertThat((List<Map<String, String>>) body.get("errors")).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("amount:amountTooLarge", "costs:required");
        assertThat(store.applications).isEmpty();
    }

    @Test
    void invalidFormPostGetsTheFirstSectionWithAProblemAgainWithItsProblemsAndEveryAnswerKept() {
        APIGatewayV2HTTPResponse response = handle("safer-villages-invalid-form.json");

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.title()).startsWith("Error: Your group – Apply for a Safer Villages Grant");
        assertThat(page.select(".error-summary__list a").eachAttr("href")).startsWith("#groupName", "#groupType");
        assertThat(page.select(".error-summary__list a").eachText()).contains("The name of your group must be on one line")
                .noneMatch(text -> text.contains("amount")); // that problem is shown on its own section's page
        assertThat(page.getElementById("section-your-group").hasAttr("hidden")).isFalse();
        assertThat(page.getElementById("section-money-and-dates").hasAttr("hidden")).isTrue();
        assertThat(page.getElementById("amount").attr("value")).isEqualTo("-5"); // kept, hidden, sent again with the next post
        assertThat(page.getElementById("groupName").attr("aria-describedby")).contains("groupName-error");
        assertThat(page.getElementById("groupName-error").text()).startsWith("Error: The name of your group");
        assertThat(page.select("header.site-header")).hasSize(1); // the site's own page, not a bare one
        assertThat(store.applications).isEmpty();
    }

    @Test
    void formPostToACallKeepsTheCallAndItsCap() {
        APIGatewayV2HTTPEvent event = Events.form(Fixtures.FORM,
                Fixtures.with(Fixtures.with(Fixtures.answers(), "call", Fixtures.OPEN_CALL), "amount", "1600"));

        Document page = Jsoup.parse(handler.handleRequest(event, null).getBody());

        assertThat(page.select("input[name=call]").attr("value")).isEqualTo(Fixtures.OPEN_CALL);
        assertThat(page.getElementById("section-money-and-dates").hasAttr("hidden")).isFalse();
        assertThat(page.getElementById("amount-error").text()).contains("must be £1,500 or less"); // the call's cap, not the fund's £3,000
        assertThat(page.getElementById("groupName").attr("value")).isEqualTo("Moorside Lanes <Watch>");
        assertThat(page.select("input[name=places][checked]").eachAttr("value")).containsExactly("lanes", "bus-stops");
    }

    @Test
    void storesAnswersInOneFormButShowsTheApplicantWhatTheyTyped() {
        var answers = Fixtures.with(Fixtures.with(Fixtures.with(Fixtures.with(Fixtures.answers(),
                "amount", "£1,850"), "postcode", "nm2  7tq"), "phone", "+44 (0)7700 900982"), "projectTitle", "Lights <for> Sheep Lane & Moor Road");

        APIGatewayV2HTTPResponse sent = handler.handleRequest(Events.form(Fixtures.FORM, answers), null);

        assertThat(sent.getStatusCode()).isEqualTo(303);
        Map<String, List<String>> stored = store.applications.values().iterator().next().answers();
        assertThat(stored).containsEntry("amount", List.of("1850")).containsEntry("postcode", List.of("NM2 7TQ"))
                .containsEntry("phone", List.of("07700900982")).containsEntry("projectTitle", List.of("Lights <for> Sheep Lane & Moor Road"));

        // given one wrong answer, the page shows every answer as it was typed, escaped
        APIGatewayV2HTTPResponse again = handler.handleRequest(Events.form(Fixtures.FORM,
                Fixtures.with(answers, "phone", "07700 90098")), null);

        assertThat(again.getStatusCode()).isEqualTo(422);
        assertThat(again.getBody()).contains("value=\"Lights &lt;for&gt; Sheep Lane &amp; Moor Road\"").doesNotContain("<for>");
        Document page = Jsoup.parse(again.getBody());
        assertThat(page.getElementById("amount").attr("value")).isEqualTo("£1,850");
        assertThat(page.getElementById("postcode").attr("value")).isEqualTo("nm2  7tq");
        assertThat(page.getElementById("phone-error").text()).contains("Enter a full telephone number");
        assertThat(store.applications).hasSize(1);
    }

    APIGatewayV2HTTPResponse confirmation(String formId, List<String> cookies, Map<String, String> query) {
        return handler.handleRequest(Events.confirmation(formId, cookies, query), null);
    }

    @Test
    void aSignedTokenShowsTheReferenceTheFundAndWhenThePanelDecides() {
        APIGatewayV2HTTPResponse sent = handler.handleRequest(Events.form(Fixtures.FORM, Fixtures.answers()), null);
        String reference = store.applications.keySet().iterator().next();

        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.confirmationAfter(Fixtures.FORM, sent), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.select("h1").text()).isEqualTo("Application sent");
        assertThat(page.select("[data-reference]").text()).isEqualTo(reference);
        assertThat(page.select("main").text()).contains("We have sent your application to the Safer Villages Grant team",
                "We received it on 12 March 2030 at 12pm (UK time)",
                "The May 2030 panel will consider it, with the applications received by 28 March 2030",
                "We will tell you the decision by 16 May 2030")
                .doesNotContain("provisional"); // its round's dates are settled
        assertThat(response.getBody()).doesNotContain(PageMarkers.REFERENCE, PageMarkers.WHAT_HAPPENS_NEXT);
    }

    @Test
    void theConfirmationSaysWhereTheEmailGoesAndShowsTheAnswersEscapedToPrintWhileItsTokenIsValid() {
        var answers = Fixtures.with(Fixtures.with(Fixtures.answers(), "projectTitle", "Lights <for> Sheep Lane & Moor Road"),
                "phone", "07700 900982");
        APIGatewayV2HTTPResponse sent = handler.handleRequest(Events.form(Fixtures.FORM, answers), null);

        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.confirmationAfter(Fixtures.FORM, sent), null);

        Document page = Jsoup.parse(response.getBody());
        assertThat(page.select("main").text()).contains("We’re sending a confirmation email to robin@example.org.",
                "It has your reference number and what happens next, but not your answers.");
        assertThat(page.select("main strong").eachText()).contains("robin@example.org");
        assertThat(page.select("h2").eachText()).contains("Your answers");
        assertThat(page.select("button[data-print][hidden]").text()).isEqualTo("Print or save a copy of your answers");
        assertThat(page.select("dl.summary-list").text()).contains("Lights <for> Sheep Lane & Moor Road", "07700 900982", "robin@example.org");
        assertThat(response.getBody()).contains("Lights &lt;for&gt; Sheep Lane &amp; Moor Road").doesNotContain("<for>")
                .doesNotContain(PageMarkers.EMAIL_SENT_TO, PageMarkers.ANSWERS);
    }

    @Test
    void whenTheApplicationCannotBeReadTheConfirmationStillShowsTheReferenceAndNoAnswers() {
        APIGatewayV2HTTPResponse sent = handler.handleRequest(Events.form(Fixtures.FORM, Fixtures.answers()), null);
        String reference = store.applications.keySet().iterator().next();
        store.unavailable = true;

        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.confirmationAfter(Fixtures.FORM, sent), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.select("[data-reference]").text()).isEqualTo(reference);
        assertThat(page.select("main").text()).contains("We’re sending a confirmation email to the email address you gave.")
                .doesNotContain("robin@example.org", "Your answers");
        assertThat(response.getBody()).doesNotContain(PageMarkers.EMAIL_SENT_TO, PageMarkers.ANSWERS);
    }

    @Test
    void aBidToACallHearsWhenTheCallsPanelDecides() {
        APIGatewayV2HTTPResponse sent = handle("safer-villages-json.json");

        Document page = Jsoup.parse(handler.handleRequest(Events.confirmationAfter(Fixtures.FORM, sent), null).getBody());

        assertThat(page.select("[data-reference]").text()).isEqualTo(json(sent).get("reference"));
        // the first round whose deadline follows the call's close (26 April 2030) is NV-2030-R2
        assertThat(page.select("main").text()).contains("with the other bids to the call ‘Lighting the lanes’, after the call closes",
                "We will tell you the decision by 15 August 2030");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustworthyLinks")
    void anythingButAValidTokenSaysItCannotShowTheConfirmation(String why, String formId, List<String> cookies, Map<String, String> query,
            int status) {
        handle("safer-villages-form.json");
        String reference = store.applications.keySet().iterator().next();

        APIGatewayV2HTTPResponse response = confirmation(formId, cookies, query);

        assertThat(response.getStatusCode()).isEqualTo(status);
        Document page = Jsoup.parse(response.getBody());
        assertThat(page.select("h1").text()).isEqualTo("We can’t show this confirmation");
        assertThat(page.select("header.site-header")).hasSize(1);
        // the message page is from the same bake as the form pages: the fixture publisher's contact details
        assertThat(page.select("main").text()).contains("contact us", Fixtures.PUBLISHER.phone(), Fixtures.PUBLISHER.email())
                .doesNotContain("Application sent", reference, "KX7P-M2RD");
        assertThat(page.select("[data-reference]")).isEmpty();
    }

    static Stream<Arguments> untrustworthyLinks() {
        String good = Fixtures.TOKENS.issue("KX7P-M2RD", Fixtures.FORM, null, Fixtures.NOW);
        String[] parts = good.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("ABCD-EFGH|safer-villages||" + Fixtures.NOW.getEpochSecond() + "|" + Fixtures.NOW.plusSeconds(3600).getEpochSecond())
                        .getBytes(StandardCharsets.UTF_8));
        char last = parts[2].charAt(parts[2].length() - 1);
        String flipped = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1) + (last == 'A' ? 'B' : 'A');
        String expired = new ConfirmationToken(Fixtures.CONFIRMATION_KEY.getBytes(StandardCharsets.UTF_8),
                Clock.fixed(Fixtures.NOW.minus(ConfirmationToken.LIFETIME), ZoneOffset.UTC))
                .issue("KX7P-M2RD", Fixtures.FORM, null, Fixtures.NOW);
        String otherKey = new ConfirmationToken("another-key-that-is-long-enough-0123456789".getBytes(StandardCharsets.UTF_8),
                Fixtures.CLOCK).issue("KX7P-M2RD", Fixtures.FORM, null, Fixtures.NOW);
        return Stream.of(
                Arguments.of("signed with our key, a time that is not a number", Fixtures.FORM,
                        Events.confirmationCookie(signedWithTheTestKey("KX7P-M2RD|safer-villages||soon|later")), null, 404),
                Arguments.of("signed with our key, too few claims", Fixtures.FORM,
                        Events.confirmationCookie(signedWithTheTestKey("KX7P-M2RD|safer-villages")), null, 404),
                Arguments.of("signed with our key, a time past any calendar", Fixtures.FORM,
                        Events.confirmationCookie(signedWithTheTestKey("KX7P-M2RD|safer-villages||1|99999999999999999")), null, 404),
                Arguments.of("bare reference", Fixtures.FORM, null, Map.of("reference", "ABCD-EFGH"), 404),
                Arguments.of("a good token in the address, as links once carried it", Fixtures.FORM, null, Map.of("token", good), 404),
                Arguments.of("no cookie at all", Fixtures.FORM, null, null, 404),
                Arguments.of("another cookie only", Fixtures.FORM, List.of("theme=dark"), null, 404),
                Arguments.of("claims changed, signature kept", Fixtures.FORM, Events.confirmationCookie(parts[0] + "." + otherClaims + "." + parts[2]), null, 404),
                Arguments.of("signature changed", Fixtures.FORM, Events.confirmationCookie(flipped), null, 404),
                Arguments.of("signed with another key", Fixtures.FORM, Events.confirmationCookie(otherKey), null, 404),
                Arguments.of("unsigned", Fixtures.FORM, Events.confirmationCookie(parts[0] + "." + parts[1] + "."), null, 404),
                Arguments.of("for another form", Fixtures.SHORT_FORM, Events.confirmationCookie(good), null, 404),
                Arguments.of("two confirmation cookies, one planted", Fixtures.FORM,
                        List.of(ConfirmationCookie.NAME + "=" + good, ConfirmationCookie.NAME + "=" + otherKey), null, 404),
                Arguments.of("garbage", Fixtures.FORM, Events.confirmationCookie("<script>alert(1)</script>"), null, 404),
                Arguments.of("path escape", "../../etc", Events.confirmationCookie(good), null, 404),
                Arguments.of("expired", Fixtures.FORM, Events.confirmationCookie(expired), null, 410));
    }

    /** Claims of our choosing, signed as the intake signs them: only someone holding the key could make one. */
    static String signedWithTheTestKey(String claims) {
        try {
            String signed = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(Fixtures.CONFIRMATION_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whatever a route meets that it did not expect, it answers with the site's page, never a dropped connection. */
    @Test
    void everyRouteHasACatchAllThatAnswersWithTheProblemPage() {
        // a clock and a key that fail as a broken dependency would: the confirmation and the sections routes meet them
        java.time.Clock stopped = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                throw new IllegalStateException("no time");
            }
        };
        ConfirmationToken keyless = new ConfirmationToken(() -> {
            throw new IllegalStateException("no key");
        }, Fixtures.CLOCK);
        IntakeHandler broken = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, stopped, Reference::next), FixtureForms.pages(), keyless);
        String good = Fixtures.TOKENS.issue("KX7P-M2RD", Fixtures.FORM, null, Fixtures.NOW);
        APIGatewayV2HTTPEvent page = Events.confirmation(Fixtures.FORM, Events.confirmationCookie(good), null);
        page.setHeaders(Map.of("accept", "text/html"));

        APIGatewayV2HTTPResponse response = broken.handleRequest(page, null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(Jsoup.parse(response.getBody()).select("h1").text()).isEqualTo("Sorry, there is a problem with the service");
        APIGatewayV2HTTPResponse sections = broken.handleRequest(Events.sections(Fixtures.FORM, Map.of("section", List.of("your-group"))), null);
        assertThat(sections.getStatusCode()).isEqualTo(500);
    }

    @Test
    void aConfirmationCookieReplayedShowsTheSamePageStoresNothingMoreAndEndsWithItsHour() {
        // given a sent application and the cookie its answer set
        APIGatewayV2HTTPResponse sent = handle("safer-villages-form.json");
        String reference = store.applications.keySet().iterator().next();
        List<String> cookie = Events.cookies(sent);

        // when the cookie is sent again and again (a reload, Back and Forward), then after its hour
        List<String> shown = Stream.of(1, 2, 3).map(i -> confirmation(Fixtures.FORM, cookie, null))
                .map(r -> Jsoup.parse(r.getBody()).select("[data-reference]").text()).toList();
        ConfirmationToken anHourOn = new ConfirmationToken(Fixtures.CONFIRMATION_KEY.getBytes(StandardCharsets.UTF_8),
                Clock.fixed(Fixtures.NOW.plus(ConfirmationToken.LIFETIME), ZoneOffset.UTC));
        IntakeHandler later = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, Reference::next),
                FixtureForms.pages(), anHourOn);
        APIGatewayV2HTTPResponse expired = later.handleRequest(Events.confirmation(Fixtures.FORM, cookie, null), null);

        // then the same reference each time, one application stored, and Gone once the hour is up
        assertThat(shown).containsExactly(reference, reference, reference);
        assertThat(store.applications).hasSize(1);
        assertThat(expired.getStatusCode()).isEqualTo(410);
        assertThat(expired.getBody()).doesNotContain(reference);
        assertThat(Jsoup.parse(expired.getBody()).select("main").text()).as("the expired page points to the email")
                .contains("This confirmation link has expired",
                        "Your reference number and what happens next are in the email we sent to the address you gave in your application",
                        "check your spam or junk folder");
    }

    @Test
    void aRequestWithoutCloudFrontsSecretIsRefusedBeforeAnythingIsReadOrStored() {
        // given the intake as deployed, expecting CloudFront's origin secret
        IntakeService service = new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, Reference::next);
        IntakeHandler behindCloudFront = new IntakeHandler(new Wiring.Intake(service, FixtureForms.pages(), Fixtures.TOKENS,
                new OriginCheck(() -> java.util.Optional.of("cloudfront-secret")), null, null));
        APIGatewayV2HTTPEvent direct = EventLoader.loadApiGatewayHttpEvent("events/safer-villages-json.json");
        APIGatewayV2HTTPEvent guessed = EventLoader.loadApiGatewayHttpEvent("events/safer-villages-json.json");
        guessed.getHeaders().put(OriginCheck.HEADER, "cloudfront-secreT");
        APIGatewayV2HTTPEvent confirmation = Events.confirmation(Fixtures.FORM, Events.confirmationCookie(
                Fixtures.TOKENS.issue("KX7P-M2RD", Fixtures.FORM, null, Fixtures.NOW)), null);

        // when callers skip CloudFront: no header, a guessed one, a valid cookie straight to the API
        List<Integer> statuses = Stream.of(direct, guessed, confirmation).map(e -> behindCloudFront.handleRequest(e, null).getStatusCode()).toList();

        // then each is refused and nothing is stored; through CloudFront the same application is taken
        assertThat(statuses).containsExactly(403, 403, 403);
        assertThat(store.applications).isEmpty();
        APIGatewayV2HTTPEvent viaCloudFront = EventLoader.loadApiGatewayHttpEvent("events/safer-villages-json.json");
        viaCloudFront.getHeaders().put(OriginCheck.HEADER, "cloudfront-secret");
        assertThat(behindCloudFront.handleRequest(viaCloudFront, null).getStatusCode()).isEqualTo(201);
        assertThat(store.applications).hasSize(1);
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
        assertThat(json(response).get("detail")).isEqualTo("The Moorbridge Flood Recovery Fund is not taking applications.");
    }

    @Test
    void oversizedBodyGets413AndStoresNothing() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/safer-villages-json.json");
        event.setBody("{\"projectDescription\": \"" + "x".repeat(70_000) + "\"}");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(store.applications).isEmpty();
    }

    @Test
    void storageFailureGets503AndSaysNothingWasSaved() {
        store.unavailable = true;

        APIGatewayV2HTTPResponse response = handle("safer-villages-json.json");

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "60");
        assertThat(json(response).get("detail")).isEqualTo("Your application has not been saved. Please try again in a few minutes.");
    }

    @Test
    void unexpectedFailureGets500WithoutInternalDetail() {
        IntakeHandler broken = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, () -> {
            throw new IllegalStateException("secret internal detail at com.example.Internal");
        }), FixtureForms.pages(), Fixtures.TOKENS);

        APIGatewayV2HTTPResponse response = broken.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/safer-villages-json.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("secret", "Exception", "com.example");
    }
}
