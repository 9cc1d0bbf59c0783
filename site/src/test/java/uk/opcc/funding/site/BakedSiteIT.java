package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.FormHtml;

/**
 * Checks the site the build baked into target/site (by SiteBaker at package time), page by
 * page: valid HTML by the Nu HTML Checker, within the weight budget, nothing fetched from
 * another host.
 */
class BakedSiteIT {

    /** Budget per page, transferred: HTML plus the CSS and JavaScript it loads, gzipped. */
    static final int PAGE_BUDGET_BYTES = 100 * 1024;

    static BakedSite site;

    @BeforeAll
    static void findTheBakedSite() {
        Path root = Path.of("target/site");
        assertThat(root.resolve("index.html")).as("the build bakes the site before the ITs run").isRegularFile();
        site = new BakedSite(root);
    }

    @Test
    void nuHtmlCheckerReportsNoErrorsOnAnyPage() throws Exception {
        List<String> errors = new ArrayList<>();
        SimpleDocumentValidator validator = validator(errors);

        List<String> pages = site.pages();
        for (String page : pages) {
            validator.checkHtmlFile(site.fileFor(page).toFile(), true);
        }

        assertThat(pages).hasSizeGreaterThanOrEqualTo(13);
        assertThat(errors).isEmpty();
    }

    /** The form's states the intake draws into the baked form page, never baked themselves. */
    @Test
    void nuHtmlCheckerReportsNoErrorsOnASectionWithProblemsOrTheCheckPage() throws Exception {
        FormDefinition form = CatalogueReader.read(BakedSite.SOURCE).form("property-fund").orElseThrow();
        String baked = Files.readString(site.fileFor("/forms/property-fund/"));
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("organisationName", List.of("Eden <Valley> Speed Watch"));
        answers.put("organisationType", List.of("watch-scheme"));
        answers.put("objectives", List.of("objective-3", "objective-8"));
        answers.put("projectDescription", List.of("Speed checks.\r\nTwice a week."));
        answers.put("amount", List.of("1250.50"));
        answers.put("startDate", List.of("2027-03-01"));
        answers.put("beneficiaries", List.of("120"));
        // the end date's boxes as typed, making no date: the intake draws them back as they were
        answers.put("endDate-day", List.of("31"));
        answers.put("endDate-month", List.of("2"));
        answers.put("endDate-year", List.of("2027"));
        Optional<BigDecimal> cap = Optional.of(new BigDecimal("2500"));
        Map<String, String> states = Map.of(
                "section-with-problems", FormHtml.render(form, null, cap, answers, List.of(new FormHtml.Error("endDate",
                        "Project end date must be a real date")), new FormHtml.Step("money-and-dates", FormDefinition.CHECK)),
                "check", FormHtml.render(form, null, cap, answers,
                        List.of(new FormHtml.Error("declaration", "Confirm the declaration")), FormHtml.Step.check()));
        List<String> errors = new ArrayList<>();
        SimpleDocumentValidator validator = validator(errors);

        Path folder = Files.createDirectories(Path.of("target/form-states"));
        for (Map.Entry<String, String> state : states.entrySet()) {
            String page = baked.substring(0, baked.indexOf(FormHtml.START)) + state.getValue()
                    + baked.substring(baked.indexOf(FormHtml.END) + FormHtml.END.length());
            validator.checkHtmlFile(Files.writeString(folder.resolve(state.getKey() + ".html"), page).toFile(), true);
        }

        assertThat(states.get("check")).contains("summary-list__row").contains("Eden &lt;Valley&gt; Speed Watch");
        assertThat(errors).isEmpty();
    }

    static SimpleDocumentValidator validator(List<String> errors) throws Exception {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings are advice, not failures
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getSystemId() + ":" + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
        validator.setUpValidatorAndParsers(collect, false, false);
        return validator;
    }

    @Test
    void everyPageFitsTheWeightBudget() throws IOException {
        for (String page : site.pages()) {
            long bytes = transferredBytes(page);
            assertThat(bytes).as("%s transfers %d bytes gzipped", page, bytes).isLessThanOrEqualTo(PAGE_BUDGET_BYTES);
        }
    }

    @Test
    void noPageLoadsAnythingFromAnotherHost() throws IOException {
        List<String> external = new ArrayList<>();
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
        String css = Files.readString(site.root().resolve("css/site.css"));
        assertThat(css).doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//").doesNotContain("@import");
        assertThat(external).isEmpty();
    }

    /** The page and every stylesheet and script it loads, gzipped as the CDN would send them. */
    static long transferredBytes(String page) throws IOException {
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
