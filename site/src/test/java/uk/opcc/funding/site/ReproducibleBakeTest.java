package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same source baked twice, as two scheduled builds would (fresh checkouts, so new file
 * times; an hour apart with no call or panel deadline between) gives the same bytes in every
 * file, so the deploy has nothing to upload.
 */
class ReproducibleBakeTest {

    /** Between the same two status changes of the fixture's content: its fixed moment. */
    static final Instant FIRST = FixtureSite.NOW;
    static final Instant AN_HOUR_LATER = FIRST.plusSeconds(3600);

    static final Path SOURCE = FixtureSite.source("reproducible-bake-test");

    @Test
    void twoBakesOfTheSameSourceAreByteIdentical(@TempDir Path work) throws IOException {
        Map<String, String> first = bake(checkout(work.resolve("a"), Instant.parse("2026-01-02T03:04:05Z")), work.resolve("site-a"), FIRST);
        Map<String, String> second = bake(checkout(work.resolve("b"), Instant.parse("2026-06-07T08:09:10Z")), work.resolve("site-b"), AN_HOUR_LATER);

        assertThat(first).hasSizeGreaterThan(20).containsKeys("/catalogue.json", "/calls.atom", "/deadlines.ics", "/calls/index.html");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSiteIsStampedWithTheLastStatusChangeNotTheBuildClock(@TempDir Path work) throws IOException {
        Map<String, String> site = bake(SOURCE, work, FIRST);
        // The lit-lanes call opened at 9am on 4 February 2030 (UK time, GMT): the latest change before NOW.
        assertThat(site.get("/catalogue.json")).contains("\"statusesSince\" : \"2030-02-04T09:00:00Z\"");
        assertThat(site.get("/deadlines.ics")).contains("DTSTAMP:20300204T090000Z").doesNotContain("DTSTAMP:20300312");
        assertThat(site.get("/calls/index.html")).contains("Statuses last changed on ", "4 February 2030");
    }

    /** A copy of the source whose files all carry the given modification time, like a fresh clone. */
    private static Path checkout(Path copy, Instant modified) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(SOURCE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                    Files.setLastModifiedTime(target, FileTime.from(modified));
                }
            }
        }
        return copy;
    }

    /** Every baked file by its address, its bytes as ISO-8859-1 text: compared exactly, searched as text. */
    private static Map<String, String> bake(Path source, Path output, Instant now) throws IOException {
        SiteBaker.bake(new SiteBaker.Options(source, output, "https://funding.example.org", now, false));
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(output)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                try {
                    files.put("/" + output.relativize(file).toString().replace('\\', '/'), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
