package uk.opcc.funding.function.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.engines.DynamoDbLocal;

/**
 * Prints the Lambda jar's size and its cold start: a fresh JVM per run on the shaded jar, from
 * JVM start to the first application stored in DynamoDB Local. A command that prints figures:
 * {@code mvn -q -B install -DskipTests && mvn -q -B -pl function exec:java@cold-start}.
 */
public final class ColdStartBenchmark {
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            jar = files.filter(p -> p.toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build the Lambda jar first: mvn -q -B install -DskipTests"));
        }
        System.out.printf("lambda jar: %s, %.1f MB%n", jar.getFileName(), Files.size(jar) / 1_048_576.0);

        DynamoDbLocal dynamoDb = DynamoDbLocal.get();
        String table = dynamoDb.newTable();
        Path event = Files.createTempFile("application", ".json");
        List<String> javas = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (args.length > 2 && Files.isExecutable(Path.of(args[2]))) {
            javas.add(args[2]);
        }
        for (String java : javas) {
            List<Long> totals = new ArrayList<>();
            List<Long> inits = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Map<String, Object> body = new LinkedHashMap<>();
                Fixtures.propertyFundAnswers(Instant.now()).forEach((k, v) -> body.put(k, v.size() == 1 ? v.get(0) : v));
                body.put("projectTitle", "Cold start run " + run); // new answers each run: a real store, not a replay
                Files.writeString(event, new ObjectMapper().writeValueAsString(body));
                ProcessBuilder probe = new ProcessBuilder(java, "-cp", jar + File.pathSeparator + args[1],
                        ColdStartProbe.class.getName(), event.toString()).redirectErrorStream(true);
                Map<String, String> env = Fixtures.withConfirmationKey(dynamoDb.environment(table));
                probe.environment().putAll(env);
                String output = new String(probe.start().getInputStream().readAllBytes());
                String line = output.lines().filter(l -> l.startsWith("PROBE")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("probe failed:\n" + output));
                if (!line.contains("status=201")) {
                    throw new IllegalStateException("probe did not store the application: " + line);
                }
                totals.add(value(line, "total"));
                inits.add(value(line, "init"));
            }
            System.out.printf("%s: JVM start -> first application stored: median %d ms (runs %s); handler init median %d ms%n",
                    version(java), median(totals), totals, median(inits));
        }
        System.exit(0);
    }

    private static long value(String line, String name) {
        return Long.parseLong(line.replaceFirst(".*\\b" + name + "=(\\d+).*", "$1"));
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String version(String java) throws Exception {
        Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        return new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse(java);
    }
}
