package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.function.engines.Events;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/**
 * What the intake refuses that a lenient reader would let through, each with a clear answer and
 * nothing stored; and what it tidies without asking (nothing a person could see).
 */
class StrictInputTest {
    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final IntakeHandler handler = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, Reference::next),
            FixtureForms.pages(), Fixtures.TOKENS);

    static Map<String, Object> answers() {
        Map<String, Object> body = new LinkedHashMap<>();
        Fixtures.answers().forEach((name, values) -> body.put(name, values.size() == 1 ? values.get(0) : values));
        return body;
    }

    static Map<String, Object> with(String field, String value) {
        Map<String, Object> body = answers();
        body.put(field, value);
        return body;
    }

    /** The whole application form-encoded by hand, with one value's encoding given raw. */
    static String formBody(String field, String rawEncodedValue) {
        return Fixtures.answers().entrySet().stream().flatMap(e -> e.getValue().stream()
                        .map(v -> e.getKey() + "=" + (e.getKey().equals(field) ? rawEncodedValue : URLEncoder.encode(v, StandardCharsets.UTF_8))))
                .collect(Collectors.joining("&"));
    }

    APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    @SuppressWarnings("unchecked")
    static List<String> problemCodes(APIGatewayV2HTTPResponse response, String field) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) CatalogueJson.parse(response.getBody()).get("errors");
        return errors.stream().filter(e -> e.get("field").equals(field)).map(e -> (String) e.get("code")).toList();
    }

    /** A whole, valid application as JSON, then changed as each case says: trailing content, or half a surrogate pair. */
    static java.util.stream.Stream<String> jsonThatIsNotOneWholeValue() {
        String valid = uk.opcc.funding.catalogue.Json.write(answers());
        return java.util.stream.Stream.of(valid + " garbage", valid + "{}", valid + "]",
                valid.replace("\"Little Moorside\"", "\"Little \\ud800 Moorside\""),
                valid.replace("\"Little Moorside\"", "\"Little \\udc00 Moorside\""),
                valid.replace("\"groupName\"", "\"organisation\\ud83dName\""));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("jsonThatIsNotOneWholeValue")
    void jsonWithAnythingAfterItsValueOrHalfASurrogatePairIs400AndStoresNothing(String body) {
        assertThat(send(Events.raw("safer-villages", "application/json", uk.opcc.funding.catalogue.Json.write(answers()))).getStatusCode())
                .as("the same application, whole").isEqualTo(201);
        store.applications.clear();

        APIGatewayV2HTTPResponse response = send(Events.raw("safer-villages", "application/json", body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(store.applications).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C3%28", "%ED%A0%80", "%FF", "abc%", "%4", "%G1", "%E2%82"})
    void aFormValueThatIsNotPercentEncodedUtf8Is400AndStoresNothing(String raw) {
        APIGatewayV2HTTPResponse response = send(Events.raw("safer-villages", "application/x-www-form-urlencoded",
                formBody("groupName", raw)));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("We could not read your application");
        assertThat(store.applications).isEmpty();
    }

    @Test
    void aFormValuePercentEncodedAsGoodUtf8IsStoredAsTyped() {
        APIGatewayV2HTTPResponse response = send(Events.raw("safer-villages", "application/x-www-form-urlencoded",
                formBody("groupName", "Caf%C3%A9+%F0%9F%98%80+Club")));

        assertThat(response.getStatusCode()).isEqualTo(303);
        assertThat(store.applications.values().iterator().next().answers().get("groupName")).containsExactly("Café 😀 Club");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Moor\u202Eside", "Moor\u0000side", "Moor\u001Bside", "Moor\u2066side", "Moor\u200Eside", "Moor\u0091side"})
    void aControlOrFormatCharacterInAnAnswerIsRefusedWithAMessage(String organisation) {
        APIGatewayV2HTTPResponse response = send(Events.json("safer-villages", with("groupName", organisation)));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(problemCodes(response, "groupName")).containsExactly("invalidCharacters");
        assertThat(response.getBody()).contains("If you copied it from somewhere else, type it in instead");
        assertThat(store.applications).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Moor\u2028side", "Moor\u2029side", "Moor\u0085side", "Moor\u000Bside", "Moor\rside"})
    void everyKindOfLineBreakIsALineBreakWhichAOneLineAnswerRefuses(String organisation) {
        assertRefused("groupName", organisation, "lineBreaks");
    }

    @Test
    void aLongAnswerKeepsItsLineBreaksAsPlainNewlinesAndLosesOnlyInvisibleCharacters() {
        String family = "Moor \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 side";
        String walesFlag = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73\uDB40\uDC7F";
        Map<String, Object> body = with("projectDescription", "First line\r\nsecond\u2028third\u00AD\u200B\uFEFF end");
        body.put("groupName", family + " " + walesFlag);

        APIGatewayV2HTTPResponse response = send(Events.json("safer-villages", body));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        var stored = store.applications.values().iterator().next().answers();
        assertThat(stored.get("projectDescription")).containsExactly("First line\nsecond\nthird end");
        assertThat(stored.get("groupName")).as("the joiners and tags emoji are made of stay").containsExactly(family + " " + walesFlag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@-.-", "josé@example.org", "sam@example..org", "sam@-example.org", "sam@192.168.1.1"})
    void anAddressSesWouldRefuseIsRefusedAtTheForm(String email) {
        assertRefused("email", email, "invalidEmail");
    }

    /** The application with one answer changed is refused with 422, that answer's one problem code, and nothing stored. */
    private void assertRefused(String field, String value, String code) {
        APIGatewayV2HTTPResponse response = send(Events.json("safer-villages", with(field, value)));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(problemCodes(response, field)).containsExactly(code);
        assertThat(store.applications).isEmpty();
    }

    @Test
    void anAddressWithALocalPartOver64CharactersIsRefused() {
        APIGatewayV2HTTPResponse response = send(Events.json("safer-villages", with("email", "a".repeat(65) + "@example.org")));

        assertThat(problemCodes(response, "email")).containsExactly("invalidEmail");
    }
}
