package uk.opcc.funding.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The fixture funder's site, to bake in tests: the real {@code jbake.properties},
 * {@code templates/} and {@code assets/} with the fixture's own {@code data/} and
 * {@code content/} (src/test/fixture-site: the invented Northmoor office). Tests that bake it
 * hold whatever the real calls and funds say next month.
 */
public final class FixtureSite {
    /**
     * The fixed clock of the fixture's tests, 12 March 2030 (GMT): the lit-lanes call is open, the
     * winter-watch call closed, the summer-sport call opens in June, harbour-nights is a draft.
     */
    public static final Instant NOW = Instant.parse("2030-03-12T12:00:00Z");

    /** What the fixture brings of its own; everything else is the real site's. */
    static final List<String> OWN = List.of("data", "content");

    private FixtureSite() {
    }

    /**
     * The fixture's source, built afresh in {@code target/fixture-site/<name>} of the site module
     * (where its tests run): a folder of its own for each test class, so none changes another's.
     */
    public static Path source(String name) {
        return source(Path.of("."), Path.of("target/fixture-site", name));
    }

    /**
     * Builds a bakeable source: the real site's parts but {@code data/} and {@code content/}, which are the fixture's.
     *
     * @param siteModule the site module's folder ({@code ../site} from another module)
     * @param into       an empty or absent folder; what is there is replaced
     */
    public static Path source(Path siteModule, Path into) {
        Path real = siteModule.resolve("src/main/jbake");
        Path fixture = siteModule.resolve("src/test/fixture-site");
        try {
            SiteBaker.deleteTree(into);
            Files.createDirectories(into);
            Files.copy(real.resolve("jbake.properties"), into.resolve("jbake.properties"));
            for (String part : List.of("templates", "assets")) {
                BakedSite.copyOf(real.resolve(part), into.resolve(part));
            }
            for (String part : OWN) {
                BakedSite.copyOf(fixture.resolve(part), into.resolve(part));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the fixture site in " + into, e);
        }
        return into;
    }
}
