package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Publisher;

/**
 * The real content bakes, now, and agrees with itself: checks that hold for any valid content,
 * so the comms team can add, close or rewrite calls and funds without a test to change. What
 * the pages do is checked on the fixture funder ({@link SiteBakerTest}).
 */
class RealContentBakesTest {
    @TempDir
    static Path output;

    static Catalogue all;
    static Catalogue baked;
    static BakedSite site;

    @BeforeAll
    static void bake() {
        all = CatalogueReader.read(BakedSite.SOURCE);
        baked = SiteBaker.bake(new SiteBaker.Options(BakedSite.SOURCE, output, "https://funding.example.org", Instant.now(), false)).catalogue();
        site = new BakedSite(output);
    }

    @Test
    void everyFundHasAGuidancePageAndARowOnTheHomePage() {
        assertThat(baked.funds()).isNotEmpty();
        for (var fund : baked.funds()) {
            assertThat(site.page("/funds/" + fund.id() + ".html").select("h1").text()).as(fund.id()).isEqualTo(fund.name());
        }
        assertThat(site.page("/").select("#funds ~ table tbody tr")).hasSameSizeAs(baked.funds());
    }

    @Test
    void everyPublishedCallHasItsPageAFormPageAndAnEntryInTheCatalogue() {
        for (Call call : baked.calls()) {
            assertThat(site.page("/" + call.uri()).select("h1").text()).as(call.id()).isEqualTo(call.title());
            FormDefinition form = baked.formFor(call.fundId()).orElseThrow();
            assertThat(site.fileFor("/forms/" + form.id() + "/" + call.id() + ".html")).as(call.id()).isRegularFile();
            assertThat(site.text("/catalogue.json")).contains("\"id\" : \"" + call.id() + "\"");
        }
        for (FormDefinition form : baked.forms()) {
            assertThat(site.fileFor("/forms/" + form.id() + "/")).isRegularFile();
            assertThat(site.fileFor("/forms/" + form.id() + "/confirmation.html")).isRegularFile();
        }
    }

    @Test
    void noDraftCallReachesThePublishedSite() throws IOException {
        for (Call draft : all.calls().stream().filter(Call::draft).toList()) {
            assertThat(site.pages()).as(draft.id()).noneMatch(p -> p.contains(draft.id()));
            assertThat(site.text("/catalogue.json")).doesNotContain("\"" + draft.id() + "\"");
        }
    }

    @Test
    void everyInternalLinkResolvesToAPageAndAnchor() {
        assertThat(site.brokenLinks()).isEmpty();
    }

    @Test
    void everyPageCarriesTheOfficesContactDetailsAndNoPlaceholderIsLeft() throws IOException {
        Publisher opcc = Publisher.read(BakedSite.SOURCE);
        for (String page : site.pages()) {
            String html = site.text(page);
            assertThat(html).as(page).contains(opcc.email(), "tel:" + opcc.phoneLink()).doesNotContain("{{");
        }
        try (var files = Files.walk(output)) {
            assertThat(files.filter(p -> p.toString().endsWith(".yml"))).as("no data file is baked").isEmpty();
        }
    }
}
