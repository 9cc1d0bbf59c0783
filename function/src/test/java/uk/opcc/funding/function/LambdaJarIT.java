package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import uk.opcc.funding.function.storage.ApplicationTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Fund;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.function.bench.ColdStartBenchmark;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.engines.SesEmulator;

/**
 * The Lambda jar itself, not target/classes: every handler and the priming run from it in a JVM
 * whose class path is that jar and {@link LambdaJarRun} alone, against DynamoDB Local and the SES
 * emulator. The jar's shade filters leave out the SDK classes the handlers never load; a class
 * left out that a path needs fails this test. {@code -Dlambda.jar.classes=<file>} also writes the
 * classes that JVM loaded to that file (how the filters' kept set was measured).
 */
class LambdaJarIT {
    final SesEmulator ses = SesEmulator.get();
    final DynamoDbLocal dynamoDb = DynamoDbLocal.get();
    final String table = dynamoDb.newTable(ApplicationTable::create);

    @Test
    void everyHandlerRunsFromTheJarAloneDownEachOfItsPaths() throws Exception {
        // given the Lambda jar, the runner alone beside it, and the functions' settings on the real engines
        Path work = Files.createDirectories(Path.of("target/lambda-jar-it"));
        Path runner = Files.createDirectories(work.resolve("classes/uk/opcc/funding/function"));
        try (Stream<Path> classes = Files.list(Path.of("target/test-classes/uk/opcc/funding/function"))) {
            for (Path c : classes.filter(p -> p.getFileName().toString().startsWith("LambdaJarRun")).toList()) {
                Files.copy(c, runner.resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Map<String, String> env = new HashMap<>(Fixtures.withConfirmationKey(ses.notifierEnvironment(dynamoDb.environment(table), ses.endpoint,
                Wiring.catalogue())));
        // any packaged fund that takes applications with a panel round still ahead, a form in sections first
        Catalogue packaged = Wiring.catalogue();
        Instant now = Instant.now();
        FormDefinition chosen = AnyFormAnswers.anOpenForm(packaged, now);
        Fund fund = packaged.fund(chosen.fundId()).orElseThrow();
        Map<String, List<String>> typed = AnyFormAnswers.of(chosen, now.atZone(Catalogue.UK).toLocalDate());
        Map<String, Object> answers = new LinkedHashMap<>();
        typed.forEach((k, v) -> answers.put(k, v.size() == 1 ? v.get(0) : v));
        String json = new ObjectMapper().writeValueAsString(answers);
        String firstQuestion = chosen.fields().get(0).name();
        String form = Fixtures.with(typed, AnyFormAnswers.aTextQuestion(chosen), "Sent as a form").entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));

        // when every handler runs from the jar
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String classesLog = System.getProperty("lambda.jar.classes");
        if (classesLog != null) {
            command.add("-Xlog:class+load:file=" + Path.of(classesLog).toAbsolutePath());
        }
        command.addAll(List.of("-cp", ColdStartBenchmark.lambdaJar(Path.of("target")) + File.pathSeparator + work.resolve("classes"), LambdaJarRun.class.getName(), json, form,
                chosen.id(), fund.id(), firstQuestion));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        // then each path answered as it does from target/classes
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> results = output.lines().filter(l -> l.startsWith("RESULT "))
                .map(l -> l.substring("RESULT ".length()).split("=", 2)).collect(Collectors.toMap(r -> r[0], r -> r[1]));
        String reference = results.get("reference");
        assertThat(reference).as(output).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(results).as(output)
                .containsEntry("primed", "yes")
                .containsEntry("json", "201")
                .containsEntry("json-again", "201")
                .containsEntry("json-invalid", "422")
                .containsEntry("json-malformed", "400")
                .containsEntry("form-invalid", "422")
                .containsEntry("sections", "422")
                .containsEntry("form", "303")
                .containsEntry("confirmation", "200")
                .containsEntry("confirmation-forged", "404")
                .containsEntry("notified", "0 failures")
                .containsEntry("notified-again", "0 failures")
                .containsEntry("resend", "1")
                .containsEntry("outcomes", "true")
                .containsEntry("pack-unknown", "UNKNOWN_ROUND")
                .containsEntry("done", "yes");
        // the form post's application was never fed to the notifier: the resend lists it and sends its emails
        assertThat(results.get("resend-list")).as(output).contains("STAFF=pending, APPLICANT=pending").doesNotContain(reference);
        assertThat(results.get("pack-ahead")).as(output).contains("status=INTERIM_SENT");
        if (results.containsKey("pack-passed")) {
            assertThat(results.get("pack-passed")).contains("status=SENT");
            assertThat(results.get("pack-passed-again")).contains("status=ALREADY_SENT");
        }
        // and the application is in the table, its emails and the interim pack in SES
        try (DynamoDbClient client = dynamoDb.client()) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("APP#" + reference)))).item();
            assertThat(item.get("staffEmail").s()).isEqualTo("sent");
            assertThat(item.get("applicantEmail").s()).isEqualTo("sent");
        }
        List<String> subjects = ses.emails().stream().map(e -> String.valueOf(e.get("subject"))).toList();
        assertThat(subjects.stream().filter(s -> s.endsWith(reference))).hasSize(2);
        assertThat(subjects).anySatisfy(s -> assertThat(s).startsWith("Interim panel pack: " + fund.name()));
        if (results.containsKey("pack-passed")) {
            assertThat(subjects).anySatisfy(s -> assertThat(s).startsWith("Panel pack: " + fund.name()));
        }
    }
}
