package uk.opcc.funding.site;

import java.io.IOException;
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
 * Prints how long a bake takes, for the real site and for the real site plus 1,000 generated
 * calls, and the heaviest page's transferred size. A command that prints figures, not a test:
 * {@code mvn -q -B -pl site exec:java@benchmark} after {@code mvn -q -B install -DskipTests}.
 */
public final class BakeBenchmark {
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args.length > 0 ? args[0] : BakedSite.SOURCE.toString());
        Instant now = Instant.now();
        Path work = Files.createTempDirectory("bake-benchmark-");
        try {
            Path realOut = work.resolve("real");
            report("real site", time(source, realOut, now));
            report("real site + 1,000 calls", time(withGeneratedCalls(source, work.resolve("big-source"), 1000, now), work.resolve("big"), now));
            BakedSiteIT.site = new BakedSite(realOut);
            Map.Entry<String, Long> heaviest = heaviestPage();
            System.out.printf("heaviest page: %s, %.1f KB transferred (HTML + CSS + JS, gzip); budget 100 KB%n",
                    heaviest.getKey(), heaviest.getValue() / 1024.0);
        } finally {
            SiteBaker.deleteTree(work);
        }
        System.exit(0); // JBake's embedded database leaves threads behind
    }

    private static List<Long> time(Path source, Path out, Instant now) {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            long started = System.nanoTime();
            SiteBaker.bake(new SiteBaker.Options(source, out, "https://funding.example.org", now, false));
            if (run > 0) { // the first run warms the JVM up
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
        }
        return millis;
    }

    private static void report(String what, List<Long> millis) {
        System.out.printf("%-24s bake: median %d ms, runs %s (after 1 warm-up, same JVM)%n",
                what, millis.stream().sorted().toList().get(millis.size() / 2), millis);
    }

    /** The real source plus generated Property Fund calls: a third closed, a third open, a third upcoming. */
    static Path withGeneratedCalls(Path realSource, Path into, int count, Instant now) throws IOException {
        Path source = BakedSite.copyOf(realSource, into);
        LocalDateTime today = LocalDateTime.ofInstant(now, Catalogue.UK).withHour(9).withMinute(0).withSecond(0).withNano(0);
        for (int i = 0; i < count; i++) {
            LocalDateTime opens = today.plusDays((i % 3 - 1) * 60L + i % 17);
            Files.writeString(source.resolve("content/calls/generated-" + i + ".md"), """
                    title=Generated call %d
                    type=call
                    status=published
                    fund=property-fund
                    theme=Theme %d
                    opens=%s
                    closes=%s
                    maxAward=%d
                    summary=A generated call for measuring the bake.
                    ~~~~~~
                    ## What we want to fund

                    Projects that reduce crime and disorder locally, generated for call %d.
                    """.formatted(i, i % 7, opens, opens.plusDays(30).withHour(17), 500 + i % 2000, i));
        }
        return source;
    }

    private static Map.Entry<String, Long> heaviestPage() throws IOException {
        List<Map.Entry<String, Long>> sizes = new ArrayList<>();
        for (String page : BakedSiteIT.site.pages()) {
            sizes.add(Map.entry(page, BakedSiteIT.transferredBytes(page)));
        }
        return sizes.stream().max(Comparator.comparing(Map.Entry::getValue)).orElseThrow();
    }
}
