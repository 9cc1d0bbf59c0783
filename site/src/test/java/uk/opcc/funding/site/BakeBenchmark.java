package uk.opcc.funding.site;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.Catalogue;

/**
 * Prints how long a bake takes, for the real site and for the real site plus 125, 250, 500 and
 * 1,000 generated calls with the time per call, and the heaviest page's transferred size. A
 * command that prints figures, not a test: {@code mvn -q -B -pl site exec:java@benchmark} after
 * {@code mvn -q -B install -DskipTests}. Timings are the best of {@link #RUNS} runs in one warm
 * JVM: the machine is shared, and the best run is the one least disturbed.
 */
public final class BakeBenchmark {
    private static final int RUNS = 3;
    static final int[] CALLS = {125, 250, 500, 1000};

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args.length > 0 ? args[0] : BakedSite.SOURCE.toString());
        Path work = Files.createTempDirectory("bake-benchmark-");
        try {
            Path realOut = bakeTimes(source, work);
            Map.Entry<String, Long> heaviest = heaviestPage(new BakedSite(realOut));
            System.out.printf("heaviest page: %s, %.1f KB transferred (HTML + CSS + JS, gzip); budget 100 KB%n",
                    heaviest.getKey(), heaviest.getValue() / 1024.0);
        } finally {
            SiteBaker.deleteTree(work);
        }
    }

    /** Prints the bake times; returns where the real site was baked (inside work). */
    public static Path bakeTimes(Path source, Path work) throws IOException {
        Instant now = Instant.now();
        Path realOut = work.resolve("real");
        time(source, realOut, now); // warms the JVM up
        long[] real = time(source, realOut, now);
        System.out.printf("bake, real site:             best %6d ms (CPU %6d ms) of %d runs, warm JVM%n", real[0], real[1], RUNS);
        double first = 0;
        for (int calls : CALLS) {
            Path generated = withGeneratedCalls(source, work.resolve("source-" + calls), calls, now);
            long[] best = time(generated, work.resolve("site-" + calls), now);
            double perCall = (double) best[0] / calls;
            first = first == 0 ? perCall : first;
            System.out.printf("bake, real site + %,5d calls: best %6d ms (CPU %6d ms) of %d runs, %5.2f ms a call (%.2fx the figure at %d)%n",
                    calls, best[0], best[1], RUNS, perCall, perCall / first, CALLS[0]);
            SiteBaker.deleteTree(work.resolve("site-" + calls));
            SiteBaker.deleteTree(generated);
        }
        return realOut;
    }

    /**
     * The best wall-clock time of the runs and that run's CPU time on the baking thread: on a
     * shared machine the wall clock includes waiting for a core, the CPU time does not.
     */
    private static long[] time(Path source, Path out, Instant now) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] best = {Long.MAX_VALUE, 0};
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            SiteBaker.bake(new SiteBaker.Options(source, out, "https://funding.example.org", now, false));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis < best[0]) {
                best = new long[] {millis, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000};
            }
        }
        return best;
    }

    /**
     * The source plus generated calls to its first fund taking applications with a cap of its own:
     * a third closed, a third open, a third upcoming.
     */
    public static Path withGeneratedCalls(Path realSource, Path into, int count, Instant now) throws IOException {
        Path source = BakedSite.copyOf(realSource, into);
        uk.opcc.funding.catalogue.Fund fund = uk.opcc.funding.catalogue.CatalogueReader.read(source).funds().stream()
                .filter(f -> f.acceptsApplications() && f.maxAward().isPresent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No fund taking applications with a cap to generate calls for"));
        int cap = fund.maxAward().orElseThrow().intValue();
        LocalDateTime today = LocalDateTime.ofInstant(now, Catalogue.UK).withHour(9).withMinute(0).withSecond(0).withNano(0);
        for (int i = 0; i < count; i++) {
            LocalDateTime opens = today.plusDays((i % 3 - 1) * 60L + i % 17);
            new CallFile("Generated call " + i, fund.id(), "Theme " + i % 7, opens, opens.plusDays(30).withHour(17), 1 + i % cap,
                    "A generated call for measuring the bake.",
                    "## What we want to fund\n\nProjects that reduce crime and disorder locally, generated for call " + i + ".\n")
                    .saveAs(source, "generated-" + i);
        }
        return source;
    }

    private static Map.Entry<String, Long> heaviestPage(BakedSite site) throws IOException {
        List<Map.Entry<String, Long>> sizes = new ArrayList<>();
        for (String page : site.pages()) {
            sizes.add(Map.entry(page, BakedSiteIT.transferredBytes(site, page)));
        }
        return sizes.stream().max(Comparator.comparing(Map.Entry::getValue)).orElseThrow();
    }
}
