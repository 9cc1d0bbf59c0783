package uk.opcc.funding.function;

import java.nio.file.Path;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.site.FixtureSite;
import uk.opcc.funding.site.SiteBaker;

/**
 * The fixture funder's form pages, baked once per test JVM with the site's own baker: the intake
 * re-renders a form inside the site's page, so a form of the fixture needs the fixture's page.
 * The packaged pages are the real site's.
 */
public final class FixtureForms {
    /** A folder for each JVM: surefire's and failsafe's forks may bake at the same time. */
    private static final Path ROOT = Path.of("target/fixture-site", "jvm-" + ProcessHandle.current().pid());

    private FixtureForms() {
    }

    /** The pages over {@link Fixtures#CATALOGUE}, baked on first use. */
    public static FormPages pages() {
        return new FormPages(Fixtures.CATALOGUE, Baked.FORMS);
    }

    /** Baked when first asked for, by the class loader's once-only initialisation. */
    private static final class Baked {
        static final Path FORMS = bake().resolve("forms");

        private static Path bake() {
            Path source = FixtureSite.source(Path.of("../site"), ROOT.resolve("source"));
            Path output = ROOT.resolve("baked");
            SiteBaker.bake(new SiteBaker.Options(source, output, "https://funding.example.org", Fixtures.NOW, false));
            return output;
        }
    }
}
