package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.FormHtml;

/**
 * Checks two baked sites page by page: the real one the build baked into target/site (by
 * SiteBaker at package time) and the fixture funder's, baked here: valid HTML by the Nu HTML
 * Checker, within the weight budget, nothing fetched from another host.
 */
class BakedSiteIT {

    /** Budget per page, transferred: HTML plus the CSS and JavaScript it loads, gzipped. */
    static final int PAGE_BUDGET_BYTES = 100 * 1024;

    static BakedSite real;
    static BakedSite fixture;
    static Path fixtureSource;

    @BeforeAll
    static void findTheBakedSites() {
        Path root = Path.of("target/site");
        assertThat(root.resolve("index.html")).as("the build bakes the site before the ITs run").isRegularFile();
        real = new BakedSite(root);
        fixtureSource = FixtureSite.source("baked-site-it");
        Path fixtureRoot = Path.of("target/fixture-site/baked-site-it-site");
        SiteBaker.bake(new SiteBaker.Options(fixtureSource, fixtureRoot, "https://funding.example.org", FixtureSite.NOW, false));
        fixture = new BakedSite(fixtureRoot);
    }

    static List<BakedSite> sites() {
        return List.of(real, fixture);
    }

    @Test
    void nuHtmlCheckerReportsNoErrorsOnAnyPage() throws Exception {
        List<String> errors = new ArrayList<>();
        SimpleDocumentValidator validator = validator(errors);

        for (BakedSite site : sites()) {
            for (String page : site.pages()) {
                validator.checkHtmlFile(site.fileFor(page).toFile(), true);
            }
        }

        assertThat(fixture.pages()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(fixture.pages()).as("a decision notice and the grants register are among the pages checked")
                .contains("/decisions/safer-villages-fund-NV-2029-R3.html", "/grants/index.html");
        assertThat(errors).isEmpty();
    }

    /** The form's states the intake draws into the baked form page, never baked themselves. */
    @Test
    void nuHtmlCheckerReportsNoErrorsOnASectionWithProblemsOrTheCheckPage() throws Exception {
        FormDefinition form = CatalogueReader.read(fixtureSource).form("safer-villages").orElseThrow();
        String baked = Files.readString(fixture.fileFor("/forms/safer-villages/"));
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>(FixtureAnswers.saferVillages(java.time.LocalDate.of(2030, 3, 12)));
        answers.put("projectDescription", List.of("Six lights.\r\nFrom the bus stop to the green."));
        answers.remove("endDate");
        // the end date's boxes as typed, making no date: the intake draws them back as they were
        answers.put("endDate-day", List.of("31"));
        answers.put("endDate-month", List.of("2"));
        answers.put("endDate-year", List.of("2030"));
        Optional<BigDecimal> cap = Optional.of(new BigDecimal("3000"));
        FormHtml.Step later = new FormHtml.Step("money-and-dates", FormDefinition.CHECK);
        Map<String, FormHtml.Step> steps = Map.of("section-with-problems", later, "check", FormHtml.Step.check());
        Map<String, String> states = Map.of(
                "section-with-problems", FormHtml.render(form, null, cap, answers, List.of(new FormHtml.Error("endDate",
                        "The end date must be a real date")), later),
                "check", FormHtml.render(form, null, cap, answers,
                        List.of(new FormHtml.Error("declaration", "Confirm the declaration")), FormHtml.Step.check()));
        List<String> errors = new ArrayList<>();
        SimpleDocumentValidator validator = validator(errors);

        Path folder = Files.createDirectories(Path.of("target/form-states"));
        for (Map.Entry<String, String> state : states.entrySet()) {
            // as the intake draws them: on these later pages the form's introduction folded
            String folded = FormHtml.introduction(baked, form, steps.get(state.getKey()));
            assertThat(folded).as(state.getKey()).contains("<details class=\"details form-introduction\">");
            String page = folded.substring(0, folded.indexOf(FormHtml.START)) + state.getValue()
                    + folded.substring(folded.indexOf(FormHtml.END) + FormHtml.END.length());
            validator.checkHtmlFile(Files.writeString(folder.resolve(state.getKey() + ".html"), page).toFile(), true);
        }

        assertThat(states.get("check")).contains("summary-list__row").contains("Moorside Lanes &lt;Watch&gt;");
        assertThat(errors).isEmpty();
    }

    static SimpleDocumentValidator validator(List<String> errors) throws Exception {
        return NuChecker.validator(errors);
    }

    @Test
    void everyPageFitsTheWeightBudget() throws IOException {
        for (BakedSite site : sites()) {
            for (String page : site.pages()) {
                long bytes = transferredBytes(site, page);
                assertThat(bytes).as("%s transfers %d bytes gzipped", page, bytes).isLessThanOrEqualTo(PAGE_BUDGET_BYTES);
            }
        }
    }

    @Test
    void noPageLoadsAnythingFromAnotherHost() throws IOException {
        List<String> external = new ArrayList<>();
        for (BakedSite site : sites()) {
            for (String page : site.pages()) {
                for (Element resource : site.page(page).select("script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src]")) {
                    String address = resource.hasAttr("src") ? resource.attr("src") : resource.attr("href");
                    boolean loadedByBrowser = !resource.is("link") || List.of("stylesheet", "icon", "preload", "manifest").contains(resource.attr("rel"));
                    if (loadedByBrowser && !address.startsWith("/") && !address.startsWith("data:")) {
                        external.add(page + " -> " + address);
                    }
                }
                assertThat(site.page(page).select("script:not([src])")).as("%s has no inline script", page).isEmpty();
            }
        }
        String css = Files.readString(real.root().resolve("css/site.css"));
        assertThat(css).doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//").doesNotContain("@import");
        assertThat(external).isEmpty();
    }

    /** The page and every stylesheet and script it loads, gzipped as the CDN would send them. */
    static long transferredBytes(BakedSite site, String page) throws IOException {
        Document html = site.page(page);
        long total = gzipSize(Files.readAllBytes(site.fileFor(page)));
        for (Element asset : html.select("link[rel=stylesheet][href^=/], script[src^=/]")) {
            String address = asset.hasAttr("src") ? asset.attr("src") : asset.attr("href");
            total += gzipSize(Files.readAllBytes(site.fileFor(address)));
        }
        return total;
    }

    static long gzipSize(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.size();
    }
}
