package uk.opcc.funding.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.function.bench.ColdStartBenchmark;
import uk.opcc.funding.function.bench.IntakeBenchmark;
import uk.opcc.funding.function.bench.NotifierBenchmark;
import uk.opcc.funding.site.BakeBenchmark;
import uk.opcc.funding.site.SiteBaker;

/**
 * Every performance figure in one run: bake times at 125 to 1,000 calls, the live preview's
 * save-to-updated time, the Lambda jar's size and its cold start with and without priming, the
 * notifier's emails a second at rounds of 100, 1,000 and 10,000, and the intake's rate beside raw
 * writes on the same DynamoDB Local, with its latency.
 * {@code mvn -q -B install -DskipTests && mvn -q -B -pl local exec:java@benchmark}. A command
 * that prints figures, never a test; on a shared machine take the best of several runs.
 */
public final class Benchmarks {
    private static final int SAVES = 7;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[args.length - 1]).toAbsolutePath().normalize();
        Path source = root.resolve("site/src/main/jbake");
        Path work = Files.createTempDirectory("benchmarks-");
        try {
            System.out.println("== Bake (real site plus generated calls) ==");
            BakeBenchmark.bakeTimes(source, work.resolve("bake"));
            System.out.println("== Live preview ==");
            previewSaveToUpdated(source, work.resolve("preview"));
            System.out.println("== Lambda ==");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ColdStartBenchmark.print(root.resolve("function/target"), root.resolve("function/target/test-classes"), List.of(java));
            System.out.println("== Notifier (rounds of 100, 1,000 and 10,000) ==");
            NotifierBenchmark.print();
            System.out.println("== Intake throughput and latency ==");
            IntakeBenchmark.print();
        } finally {
            SiteBaker.deleteTree(work);
        }
        System.exit(0); // DynamoDB Local leaves threads behind
    }

    /**
     * Runs the local run on a copy of the source and saves one of its published calls (whichever
     * the content has first) again and again, each time with a new title, timing from the save
     * until the served page carries the new title.
     */
    static void previewSaveToUpdated(Path source, Path root) throws Exception {
        Path copy = root.resolve("site/src/main/jbake");
        BakeBenchmark.withGeneratedCalls(source, copy, 0, java.time.Instant.now());
        Call timed = CatalogueReader.read(copy).published().calls().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The live preview is timed by saving a call: " + source + " has none published"));
        Path call = timed.source();
        String original = Files.readString(call);
        try (LocalRun run = LocalRun.start(new LocalRun.Options(root, root.resolve(".local"), 0, false))) {
            List<Long> millis = new ArrayList<>();
            for (int save = 0; save <= SAVES; save++) {
                String title = timed.title() + ", edit " + save;
                long saved = System.nanoTime();
                Files.writeString(call, original.replaceFirst("(?m)^title=.*$", "title=" + title));
                String page = "";
                while (!page.contains(title)) {
                    Thread.sleep(5);
                    page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + run.port() + "/" + timed.uri())).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    if (System.nanoTime() - saved > 120_000_000_000L) {
                        throw new IllegalStateException("The preview did not update within 2 minutes");
                    }
                }
                if (save > 0) { // the first save warms the JVM up
                    millis.add((System.nanoTime() - saved) / 1_000_000);
                }
            }
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("preview, save -> page updated: best %d ms, median %d ms of %d saves (runs %s)%n",
                    sorted.get(0), sorted.get(sorted.size() / 2), millis.size(), millis);
        }
    }
}
