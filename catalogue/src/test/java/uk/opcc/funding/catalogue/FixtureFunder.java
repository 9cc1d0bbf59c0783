package uk.opcc.funding.catalogue;

import java.nio.file.Path;

/**
 * The site's fixture funder (site/src/test/fixture-site: the invented Northmoor office, its
 * data/ and content/), which the catalogue reads as it reads the real source. Tests that need a
 * whole funder read it, so the real funds and calls can change without a test to change.
 */
final class FixtureFunder {
    static final Path SOURCE = Path.of("../site/src/test/fixture-site");

    private FixtureFunder() {
    }
}
