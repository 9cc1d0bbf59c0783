package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.endorse.EndorsementLink;
import uk.opcc.funding.function.engines.Events;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.ses.SesMailer;
import uk.opcc.funding.function.ses.SesMailerIT;
import uk.opcc.funding.function.storage.ApplicationTable;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;
import uk.opcc.funding.site.FixtureAnswers;

/**
 * The endorser's pages as the function serves them, on the real engines and the fixture funder's
 * baked pages: each a whole page in the site's layout, with and without a good link.
 */
class EndorsementHandlerIT {
    static final Pattern LINK = Pattern.compile("/api/endorsements\\?link=(\\S+)");
    static final String OFFICER = "jo.marsh@northmoor.police.example";

    final DynamoDbLocal engine = DynamoDbLocal.get();
    final String table = engine.newTableWithoutStream(ApplicationTable::create);
    final DynamoDbClient client = engine.client();
    final DynamoDbApplicationStore store = new DynamoDbApplicationStore(client, table);
    SesEmulator ses;

    @BeforeEach
    void emptyOutbox() {
        ses = SesEmulator.get();
        ses.clear();
    }

    @AfterEach
    void close() {
        client.close();
    }

    Wiring wiring(Clock clock) {
        return new Wiring(ses.notifierEnvironment(engine.environment(table), ses.endpoint), Fixtures.CATALOGUE, Fixtures.PUBLISHER, clock,
                Wiring.Clients.AWS);
    }

    EndorsementHandler handler(Clock clock) {
        return new EndorsementHandler(wiring(clock).endorsements(FixtureForms.pages(), new SesMailer(SesMailerIT.client(ses.endpoint))));
    }

    EndorsementHandler handler() {
        return handler(Clock.systemUTC());
    }

    /** A stored application whose officer has been emailed, as the notifier leaves it; its link. */
    String applied(String clubName) {
        String reference = Reference.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, List<String>> answers = new LinkedHashMap<>(FixtureAnswers.youthDiversion());
        answers.put("clubName", List.of(clubName));
        Fixtures.save(store, new Application(reference, Fixtures.SHORT_FORM, Fixtures.SHORT_FUND, null, "YD-2030-SPRING", now, answers,
                now.atZone(ZoneOffset.UTC).plusYears(5).toEpochSecond()), new IdempotencyKey("key#" + reference, Duration.ofHours(24)), now);
        wiring(Clock.systemUTC()).notificationService(new SesMailer(SesMailerIT.client(ses.endpoint))).notify(reference, () -> Duration.ofSeconds(30));
        Map<String, Object> email = ses.emails().stream().filter(e -> String.valueOf(e.get("destination")).contains(OFFICER)).reduce((a, b) -> b).orElseThrow();
        @SuppressWarnings("unchecked")
        Matcher matcher = LINK.matcher((String) ((Map<String, Object>) email.get("body")).get("text"));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static APIGatewayV2HTTPEvent get(Map<String, String> query) {
        APIGatewayV2HTTPEvent event = Events.confirmation("unused", null, query);
        event.setRouteKey("GET /api/endorsements");
        event.setRawPath("/api/endorsements");
        event.setPathParameters(null);
        return event;
    }

    static APIGatewayV2HTTPEvent post(Map<String, List<String>> fields) {
        APIGatewayV2HTTPEvent event = Events.form("unused", fields);
        event.setRouteKey("POST /api/endorsements");
        event.setRawPath("/api/endorsements");
        event.setPathParameters(null);
        return event;
    }

    Map<String, AttributeValue> item(String link) {
        String reference = link.substring(0, link.indexOf('.'));
        return client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(ApplicationTable.KEY, AttributeValue.fromS(ApplicationTable.APPLICATION_PREFIX + reference)))).item();
    }

    @Test
    void theLinkOpensWhatTheEndorserIsAskedToSupportWithoutTheApplicantsContactDetailsAndTheirAnswerIsRecordedOnce() {
        String link = applied("Moorbridge <b>Harriers</b> Youth");

        APIGatewayV2HTTPResponse page = handler().handleRequest(get(Map.of("link", link)), null);

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders()).containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer");
        assertThat(page.getBody()).contains("Do you support this application?", "Moorbridge &lt;b&gt;Harriers&lt;/b&gt; Youth",
                        "Friday-night athletics", "£4,200.50", "action=\"/api/endorsements\"", "name=\"link\" value=\"" + link + "\"",
                        "How will you help the club with this project?", "grants@northmoor-pfcc.example.org")
                .doesNotContain("<b>Harriers</b>", "kit@example.org", "Kit Farrow", OFFICER, "sam.reid@");

        APIGatewayV2HTTPResponse missing = handler().handleRequest(post(Map.of("link", List.of(link), "statement", List.of("Yes"))), null);
        assertThat(missing.getStatusCode()).isEqualTo(422);
        assertThat(missing.getBody()).contains("There is a problem", "Select whether you support this application", "autofocus");
        assertThat(item(link).get("endorsementOfficerState").s()).isEqualTo("requested");

        APIGatewayV2HTTPResponse answered = handler().handleRequest(post(Map.of("link", List.of(link), "choice", List.of("support"),
                "statement", List.of("I coach there & will help."))), null);

        assertThat(answered.getStatusCode()).isEqualTo(303);
        assertThat(answered.getHeaders().get("Location")).isEqualTo("/api/endorsements?link=" + link + "&recorded=1");
        APIGatewayV2HTTPResponse thanks = handler().handleRequest(get(Map.of("link", link, "recorded", "1")), null);
        assertThat(thanks.getBody()).contains("Thank you: your answer is recorded", "that you support it", "I coach there &amp; will help.",
                "asked the next person");

        APIGatewayV2HTTPResponse again = handler().handleRequest(post(Map.of("link", List.of(link), "choice", List.of("decline"),
                "statement", List.of("No"))), null);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getBody()).contains("You have already answered", "that you support it", "To change your answer, contact us");
        assertThat(item(link).get("endorsementOfficerStatement").s()).isEqualTo("I coach there & will help.");
    }

    @Test
    void aLinkThatIsNotOneOrHasExpiredGetsAClearPageAndNothingIsRecorded() {
        String link = applied("Moorbridge Harriers Youth");
        String forged = EndorsementLink.issue(link.substring(0, link.indexOf('.')), "officer").value();

        for (Map<String, String> query : List.of(Map.of("link", forged), Map.of("link", link.substring(0, link.length() - 2)), Map.<String, String>of())) {
            APIGatewayV2HTTPResponse page = handler().handleRequest(get(query), null);
            assertThat(page.getStatusCode()).as(query.toString()).isEqualTo(404);
            assertThat(page.getBody()).contains("We can’t open this page", "Nothing has been recorded");
        }
        APIGatewayV2HTTPResponse forgedPost = handler().handleRequest(post(Map.of("link", List.of(forged), "choice", List.of("support"),
                "statement", List.of("Yes"))), null);
        assertThat(forgedPost.getStatusCode()).isEqualTo(404);

        EndorsementHandler later = handler(Clock.offset(Clock.systemUTC(), Duration.ofDays(15)));
        APIGatewayV2HTTPResponse expired = later.handleRequest(get(Map.of("link", link)), null);
        assertThat(expired.getStatusCode()).isEqualTo(410);
        assertThat(expired.getBody()).contains("This page has expired", "Nothing has been recorded");
        assertThat(later.handleRequest(post(Map.of("link", List.of(link), "choice", List.of("support"), "statement", List.of("Yes"))), null)
                .getStatusCode()).isEqualTo(410);
        assertThat(item(link).get("endorsementOfficerState").s()).isEqualTo("requested");

        APIGatewayV2HTTPEvent json = Events.raw("unused", "application/json", "{\"link\":\"" + link + "\"}");
        json.setRawPath("/api/endorsements");
        assertThat(handler().handleRequest(json, null).getStatusCode()).isEqualTo(415);
    }
}
