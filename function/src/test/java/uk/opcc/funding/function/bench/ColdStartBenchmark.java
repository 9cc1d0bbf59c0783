package uk.opcc.funding.function.bench;

import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.storage.ApplicationTable;
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
import uk.opcc.funding.function.AnyFormAnswers;
import uk.opcc.funding.function.Wiring;
import uk.opcc.funding.engines.DynamoDbLocal;

/**
 * Prints the Lambda jar's size and its cold start: a fresh JVM per run on the shaded jar, from
 * JVM start to the first application stored in DynamoDB Local; and the same with the priming
 * SnapStart runs before its snapshot, timed from after it (what a restored function still pays).
 * Each JVM gets the functions' JVM options ({@link Wiring#JVM_OPTIONS}) through JAVA_TOOL_OPTIONS,
 * as the stack gives them; the figures are set against the targets (9 MB, 500 ms on JDK 17).
 * A command that prints figures: {@code mvn -q -B install -DskipTests && mvn -q -B -pl function
 * exec:java@cold-start}; also part of the one benchmark in local/.
 */
public final class ColdStartBenchmark {
    private static final int RUNS = 7;
    static final double JAR_TARGET_MB = 9;
    static final long COLD_START_TARGET_MS = 500;

    public static void main(String[] args) throws Exception {
        List<String> javas = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (args.length > 2 && Files.isExecutable(Path.of(args[2]))) {
            javas.add(args[2]);
        }
        print(Path.of(args[0]), Path.of(args[1]), javas);
        System.exit(0);
    }

    /** @param target the function's target folder (the shaded jar); @param testClasses where this probe's class is */
    public static void print(Path target, Path testClasses, List<String> javas) throws Exception {
        Path jar = lambdaJar(target);
        double megabytes = Files.size(jar) / 1_048_576.0;
        System.out.printf("lambda jar: %s, %.1f MB (target: %.0f MB or less: %s)%n", jar.getFileName(), megabytes, JAR_TARGET_MB,
                megabytes <= JAR_TARGET_MB ? "met" : "NOT met");
        System.out.printf("cold start: %d fresh JVMs each way, JAVA_TOOL_OPTIONS=\"%s\" as in the stack; load average %s%n",
                RUNS, Wiring.JVM_OPTIONS, loadAverage());

        DynamoDbLocal dynamoDb = DynamoDbLocal.get();
        String table = dynamoDb.newTable(ApplicationTable::create);
        Path event = Files.createTempFile("application", ".json");
        // the jar's own content, as deployed: any of its forms open now
        uk.opcc.funding.catalogue.FormDefinition form = AnyFormAnswers.anOpenForm(uk.opcc.funding.function.Wiring.catalogue(), Instant.now());
        for (String java : javas) {
            for (boolean primed : List.of(false, true)) {
                List<Long> totals = new ArrayList<>();
                List<Long> inits = new ArrayList<>();
                List<Long> firsts = new ArrayList<>();
                List<Long> cpus = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    AnyFormAnswers.of(form, Instant.now().atZone(uk.opcc.funding.catalogue.Catalogue.UK).toLocalDate())
                            .forEach((k, v) -> body.put(k, v.size() == 1 ? v.get(0) : v));
                    body.put(AnyFormAnswers.aTextQuestion(form), "Cold start run " + run + (primed ? " primed" : "")); // new answers each run: a real store, not a replay
                    Files.writeString(event, new ObjectMapper().writeValueAsString(body));
                    List<String> command = new ArrayList<>(List.of(java, "-cp", jar + File.pathSeparator + testClasses,
                            ColdStartProbe.class.getName(), event.toString(), form.id()));
                    if (primed) {
                        command.add("--primed");
                    }
                    ProcessBuilder probe = new ProcessBuilder(command).redirectErrorStream(true);
                    probe.environment().putAll(Fixtures.withConfirmationKey(dynamoDb.environment(table)));
                    probe.environment().put("JAVA_TOOL_OPTIONS", Wiring.JVM_OPTIONS);
                    if (primed) {
                        // as Lambda says for the init it snapshots: the secrets are read after the restore, and timed with it
                        probe.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
                    }
                    String output = new String(probe.start().getInputStream().readAllBytes());
                    String line = output.lines().filter(l -> l.startsWith("PROBE")).findFirst()
                            .orElseThrow(() -> new IllegalStateException("probe failed:\n" + output));
                    if (!line.contains("status=201")) {
                        throw new IllegalStateException("probe did not store the application: " + line);
                    }
                    totals.add(value(line, "total"));
                    inits.add(value(line, "init"));
                    firsts.add(value(line, "first-event"));
                    cpus.add(value(line, "cpu"));
                }
                if (primed) {
                    System.out.printf("%s, primed as before a SnapStart snapshot: secrets read and first application stored %d ms after priming "
                            + "(median; runs %s); init + priming median %d ms; CPU median %d ms%n",
                            version(java), median(firsts), firsts, median(inits), median(cpus));
                } else {
                    long median = median(totals);
                    System.out.printf("%s: JVM start -> first application stored: median %d ms (target: %d ms or less: %s; runs %s); "
                            + "handler init median %d ms; CPU median %d ms (runs %s)%n", version(java), median, COLD_START_TARGET_MS,
                            median <= COLD_START_TARGET_MS ? "met" : "NOT met", totals, median(inits), median(cpus), cpus);
                }
            }
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    /** The shaded Lambda jar in the function's target folder. */
    public static Path lambdaJar(Path target) throws java.io.IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build the Lambda jar first: mvn -q -B install -DskipTests"));
        }
    }

    private static long value(String line, String name) {
        return Long.parseLong(line.replaceFirst(".*\\b" + name + "=(\\d+).*", "$1"));
    }

    static String loadAverage() throws java.io.IOException {
        Path proc = Path.of("/proc/loadavg");
        return Files.isReadable(proc) ? String.join(" ", List.of(Files.readString(proc).split(" ")).subList(0, 3))
                : String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String version(String java) throws Exception {
        Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        return new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse(java);
    }
}
