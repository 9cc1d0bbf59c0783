package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import uk.opcc.funding.function.engines.StackMapping;
import uk.opcc.funding.function.storage.ApplicationTable;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.question.LongTextQuestion;
import uk.opcc.funding.catalogue.question.TextQuestion;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.engines.Events;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.engines.StreamRelay;

/**
 * The whole path on real engines, built by the handlers' own no-arg wiring from environment
 * settings: intake → DynamoDB Local → its stream → notifier → SES v2 emulator.
 */
class ApplicationJourneyIT {
    final DynamoDbLocal dynamoDb = DynamoDbLocal.get();
    final SesEmulator ses = SesEmulator.get();
    final String table = dynamoDb.newTable(ApplicationTable::create);
    final DynamoDbClient client = dynamoDb.client();
    final StreamRelay stream = new StreamRelay(dynamoDb, table, StackMapping.NOTIFIER);
    final IntakeHandler intake = new IntakeHandler(Fixtures.intake(Fixtures.withConfirmationKey(dynamoDb.environment(table))));
    final NotifierHandler notifier = notifier(ses.endpoint);

    NotifierHandler notifier(String sesEndpoint) {
        return new NotifierHandler(Fixtures.wiring(ses.notifierEnvironment(dynamoDb.environment(table), sesEndpoint)).notificationService());
    }

    @BeforeEach
    void emptyOutbox() {
        ses.clear();
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** The fixture's answers as a JSON body; the intake runs on the fixture's fixed clock, so they stay valid. */
    static Map<String, Object> answersNow() {
        Map<String, Object> body = new LinkedHashMap<>();
        Fixtures.answers().forEach((k, v) -> body.put(k, v.size() == 1 ? v.get(0) : v));
        return body;
    }

    static String reference(APIGatewayV2HTTPResponse response) {
        return (String) CatalogueJson.parse(response.getBody()).get("reference");
    }

    List<Map<String, AttributeValue>> applications() {
        return client.scan(b -> b.tableName(table)).items().stream().filter(i -> i.get("pk").s().startsWith("APP#")).toList();
    }

    String notificationState(String reference) {
        return client.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("APP#" + reference)))).item()
                .get("staffEmail").s();
    }

    @SuppressWarnings("unchecked")
    List<String> recipients() {
        return ses.emails().stream().flatMap(e -> ((List<String>) ((Map<String, Object>) e.get("destination")).get("to")).stream()).toList();
    }

    @Test
    void anApplicationIsStoredAndStaffAndTheApplicantAreEmailedOnceEach() {
        APIGatewayV2HTTPResponse response = intake.handleRequest(Events.json(Fixtures.FORM, answersNow()), null);
        assertThat(response.getStatusCode()).isEqualTo(201);
        String reference = reference(response);

        assertThat(stream.deliverTo(notifier)).as("only the new application passes the mapping's filter").isEqualTo(1);
        assertThat(stream.deliverTo(notifier)).as("our own updates to the item are filtered out too: nothing is sent again").isZero();

        assertThat(ses.emails()).extracting(e -> e.get("subject")).containsExactlyInAnyOrder(
                "Safer Villages Grant · Moorside Lanes <Watch> · £1,450 · " + reference,
                "We have your application to the Safer Villages Grant: reference " + reference);
        assertThat(recipients()).containsExactlyInAnyOrder(SesEmulator.STAFF, "robin@example.org");
        assertThat(notificationState(reference)).isEqualTo("sent");
    }

    @Test
    void aPlainFormPostIsStoredEmailedAndRedirected() {
        Map<String, List<String>> answers = new LinkedHashMap<>(Fixtures.answers());
        answers.put("website", List.of(""));

        APIGatewayV2HTTPResponse response = intake.handleRequest(Events.form(Fixtures.FORM, answers), null);

        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(response.getHeaders().get("Location")).isEqualTo("/api/forms/safer-villages/confirmation");
        String page = intake.handleRequest(Events.confirmationAfter(Fixtures.FORM, response), null).getBody();
        String reference = org.jsoup.Jsoup.parse(page).select("[data-reference]").text();
        assertThat(reference).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        stream.deliverTo(notifier);
        assertThat(ses.emails()).extracting(e -> e.get("subject")).allSatisfy(subject -> assertThat((String) subject).endsWith(reference)).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSecondApplicationFromTheSameOrganisationToTheSameRoundIsFlaggedToStaff() {
        String first = reference(intake.handleRequest(Events.json(Fixtures.FORM, answersNow()), null));
        Map<String, Object> again = with("groupName", "The Moorside Lanes Watch");
        again.put("projectTitle", "Lights on Moor Road");
        String second = reference(intake.handleRequest(Events.json(Fixtures.FORM, again), null));
        Map<String, Object> other = with("groupName", "Fellside Village Hall");
        other.put("email", "hall@example.org");
        String unrelated = reference(intake.handleRequest(Events.json(Fixtures.FORM, other), null));

        stream.deliverTo(notifier);

        Map<String, String> staffText = new HashMap<>();
        for (Map<String, Object> email : ses.emails()) {
            String subject = (String) email.get("subject");
            if (subject.contains("·")) {
                staffText.put(subject.substring(subject.lastIndexOf(' ') + 1), ((Map<String, String>) email.get("body")).get("text"));
            }
        }
        assertThat(staffText.get(first)).doesNotContain("Possible duplicate");
        assertThat(staffText.get(second)).startsWith("Possible duplicate: The Moorside Lanes Watch (the same name or email address) "
                + "already applied to this fund's ").contains(" round as " + first + ".");
        assertThat(staffText.get(unrelated)).doesNotContain("Possible duplicate");
    }

    @Test
    void whenEmailFailsTheApplicationIsKeptAndTheRetrySendsItOnce() {
        String reference = reference(intake.handleRequest(Events.json(Fixtures.FORM, answersNow()), null));
        NotifierHandler sesDown = notifier("http://127.0.0.1:" + DynamoDbLocal.freePort());

        stream.deliverTo(sesDown);
        assertThat(ses.emails()).isEmpty();
        assertThat(applications()).hasSize(1);
        assertThat(notificationState(reference)).isEqualTo("pending");

        stream.deliverTo(notifier); // Lambda's retry of the failed record
        stream.deliverTo(notifier);
        assertThat(recipients()).containsExactlyInAnyOrder(SesEmulator.STAFF, "robin@example.org");
        assertThat(notificationState(reference)).isEqualTo("sent");
    }

    @Test
    void whenStorageFailsTheApplicantGets503AndNothingIsEmailed() {
        Map<String, String> env = Fixtures.withConfirmationKey(dynamoDb.environment(table));
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + DynamoDbLocal.freePort());
        IntakeHandler storageDown = new IntakeHandler(Fixtures.intake(env));

        APIGatewayV2HTTPResponse response = storageDown.handleRequest(Events.json(Fixtures.FORM, answersNow()), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(stream.deliverTo(notifier)).isZero();
        assertThat(applications()).isEmpty();
        assertThat(ses.emails()).isEmpty();
    }

    @Test
    void aHundredConcurrentReplaysMakeOneApplicationAndOneEmail() throws Exception {
        Map<String, Object> withId = new LinkedHashMap<>(answersNow());
        withId.put("submissionId", "3f1c9a6e-2b7d-4c55-9a0e-7d1f2e3a4b5c");
        Set<String> references = new HashSet<>();
        for (Map<String, Object> body : List.of(withId, answersNow())) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Callable<APIGatewayV2HTTPResponse>> replays = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                replays.add(() -> intake.handleRequest(Events.json(Fixtures.FORM, body), null));
            }
            Set<String> these = new HashSet<>();
            for (Future<APIGatewayV2HTTPResponse> response : pool.invokeAll(replays)) {
                assertThat(response.get().getStatusCode()).isEqualTo(201);
                these.add(reference(response.get()));
            }
            pool.shutdown();
            assertThat(these).hasSize(1);
            references.addAll(these);
        }
        stream.deliverTo(notifier);
        stream.deliverTo(notifier);

        assertThat(references).as("with a submissionId, and with the same answers and no id").hasSize(2);
        assertThat(applications()).hasSize(2);
        assertThat(ses.emails()).hasSize(4); // staff and applicant, for each of the two applications
    }

    @Test
    void badInputGetsTheRight4xxStoresNothingAndSendsNothing() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, APIGatewayV2HTTPEvent> corpus = new LinkedHashMap<>();
        add(corpus, expected, "oversized", Events.json(Fixtures.FORM, Map.of("projectDescription", "x".repeat(70_000))), 413);
        add(corpus, expected, "text/plain", Events.raw(Fixtures.FORM, "text/plain", "groupName=x"), 415);
        add(corpus, expected, "no content type", Events.raw(Fixtures.FORM, null, "{}"), 415);
        add(corpus, expected, "malformed JSON", Events.raw(Fixtures.FORM, "application/json", "{\"groupName\": "), 400);
        add(corpus, expected, "JSON array", Events.raw(Fixtures.FORM, "application/json", "[1, 2]"), 400);
        add(corpus, expected, "nested object", Events.raw(Fixtures.FORM, "application/json", "{\"amount\": {\"pounds\": 5}}"), 400);
        add(corpus, expected, "duplicate JSON key", Events.raw(Fixtures.FORM, "application/json", "{\"amount\": \"5\", \"amount\": \"6\"}"), 400);
        add(corpus, expected, "bad percent-escape", Events.raw(Fixtures.FORM, "application/x-www-form-urlencoded", "amount=%zz"), 400);
        add(corpus, expected, "unknown form", Events.json("lottery", answersNow()), 404);
        add(corpus, expected, "ended fund", Events.json(Fixtures.ENDED_FORM, answersNow()), 410);
        add(corpus, expected, "closed call", Events.json(Fixtures.FORM, with("call", Fixtures.CLOSED_CALL)), 410);
        for (String amount : List.of("£3,000.01", "1,85", "-5", "3000.001", "3000.01", "")) {
            add(corpus, expected, "amount '" + amount + "'", Events.json(Fixtures.FORM, with("amount", amount)), 422);
        }
        for (FormField field : Fixtures.CATALOGUE.form(Fixtures.FORM).orElseThrow().fields()) {
            Map<String, Object> body = new LinkedHashMap<>(answersNow());
            body.remove(field.name());
            add(corpus, expected, "missing " + field.name(), Events.json(Fixtures.FORM, body), 422); // every question is required
        }
        for (FormField field : Fixtures.CATALOGUE.form(Fixtures.FORM).orElseThrow().fields()) {
            if (field.question() instanceof TextQuestion text) {
                add(corpus, expected, "CR/LF in " + field.name(), Events.json(Fixtures.FORM, with(field.name(), "A\r\nBcc: x@example.com")), 422);
                add(corpus, expected, "too long " + field.name(), Events.json(Fixtures.FORM, with(field.name(), "x".repeat(text.maxLength() + 1))), 422);
            }
            if (field.question() instanceof LongTextQuestion text) {
                add(corpus, expected, "too long " + field.name(), Events.json(Fixtures.FORM, with(field.name(), "x".repeat(text.maxLength() + 1))), 422);
            }
        }
        for (String phone : List.of("07700 90098", "+44 7700 9009821", "020 7946 000")) {
            add(corpus, expected, "phone '" + phone + "'", Events.json(Fixtures.FORM, with("phone", phone)), 422);
        }
        add(corpus, expected, "unknown field", Events.json(Fixtures.FORM, with("bankDetails", "12345678")), 422);

        Map<String, Integer> actual = new LinkedHashMap<>();
        corpus.forEach((name, event) -> actual.put(name, intake.handleRequest(event, null).getStatusCode()));

        assertThat(actual).isEqualTo(expected);
        assertThat(corpus).hasSizeGreaterThan(40);
        assertThat(stream.deliverTo(notifier)).isZero();
        assertThat(client.scan(b -> b.tableName(table)).items()).isEmpty();
        assertThat(ses.emails()).isEmpty();
    }

    @Test
    void aFilledHoneypotLooksAcceptedButStoresAndSendsNothing() {
        APIGatewayV2HTTPResponse response = intake.handleRequest(Events.json(Fixtures.FORM, with("website", "http://spam.example")), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(reference(response)).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(stream.deliverTo(notifier)).isZero();
        assertThat(client.scan(b -> b.tableName(table)).items()).isEmpty();
        assertThat(ses.emails()).isEmpty();
    }

    static Map<String, Object> with(String field, String value) {
        Map<String, Object> body = new LinkedHashMap<>(answersNow());
        body.put(field, value);
        return body;
    }

    /**
     * Sends count Safer Villages applications through the intake, from groups named prefix 0, 1, …, each with an
     * address of its own ({@link #applicantAddress}); their references.
     */
    static List<String> applications(IntakeHandler intake, String organisationPrefix, int count) {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = with("groupName", organisationPrefix + i);
            body.put("email", applicantAddress(i));
            references.add((String) CatalogueJson.parse(intake.handleRequest(Events.json(Fixtures.FORM, body), null).getBody()).get("reference"));
        }
        return references;
    }

    /** The address the {@code i}th of {@link #applications} gave: one each, so none meets the day's cap on one address. */
    static String applicantAddress(int i) {
        return "applicant" + i + "@example.org";
    }

    static void add(Map<String, APIGatewayV2HTTPEvent> corpus, Map<String, Integer> expected, String name, APIGatewayV2HTTPEvent event, int status) {
        corpus.put(name, event);
        expected.put(name, status);
    }
}
