package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Outcome;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.intake.Submission;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/** The site the build baked and the function the build packaged follow one catalogue. */
class SiteAgreementIT {
    static final Path SITE_CATALOGUE = Path.of("../site/target/site/catalogue.json");

    static String published() throws Exception {
        Assumptions.assumeTrue(Files.exists(SITE_CATALOGUE), "bake the site first (mvn verify from the top folder)");
        return Files.readString(SITE_CATALOGUE);
    }

    @Test
    void theFunctionValidatesAgainstTheCatalogueTheSitePublished() throws Exception {
        Catalogue site = CatalogueJson.read(published());
        Catalogue function = Wiring.catalogue();

        assertThat(function.funds()).isEqualTo(site.funds());
        assertThat(function.forms()).isEqualTo(site.forms());
        assertThat(function.calls()).extracting(c -> c.id() + " " + c.opens().toInstant() + " " + c.closes().toInstant() + " " + c.maxAward())
                .containsExactlyInAnyOrderElementsOf(site.calls().stream()
                        .map(c -> c.id() + " " + c.opens().toInstant() + " " + c.closes().toInstant() + " " + c.maxAward()).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCallTheSiteShowsAsClosedIsRefusedAndEveryOpenOneAccepted() throws Exception {
        Map<String, Object> json = CatalogueJson.parse(published());
        Instant statusesSince = Instant.parse((String) json.get("statusesSince"));
        IntakeService intake = new IntakeService(Wiring.catalogue(), new InMemoryApplicationStore(), Clock.fixed(statusesSince, ZoneOffset.UTC), Reference::next);

        List<Map<String, Object>> calls = (List<Map<String, Object>>) json.get("calls");
        // the refusal is exercised whatever the content: a call not open yet, or one that has closed
        assertThat(calls).extracting(c -> c.get("status")).containsAnyOf("closed", "upcoming");
        for (Map<String, Object> call : calls) {
            Catalogue packaged = Wiring.catalogue();
            var form = packaged.formFor(packaged.call((String) call.get("id")).orElseThrow().fundId()).orElseThrow();
            var answers = Fixtures.with(AnyFormAnswers.of(form, statusesSince.atZone(Catalogue.UK).toLocalDate()), "call", (String) call.get("id"));
            Outcome outcome = intake.submit(new Submission(form.id(), answers));
            switch ((String) call.get("status")) {
                case "closed", "upcoming" -> assertThat(outcome).as((String) call.get("id")).isInstanceOf(Outcome.NotOpen.class);
                default -> assertThat(outcome).as((String) call.get("id")).isInstanceOf(Outcome.Accepted.class);
            }
        }
    }

    @Test
    void everyFieldTheSiteRendersIsAcceptedByTheFunction() throws Exception {
        published();
        int checked = 0;
        try (var pages = Files.walk(Path.of("../site/target/site/forms"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.toFile());
                var form = html.selectFirst("form[data-apply-form]");
                if (form == null) {
                    continue;
                }
                String formId = form.attr("action").replaceAll(".*/forms/([^/]+)/submissions", "$1");
                Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
                for (var input : form.select("[name]")) {
                    fields.computeIfAbsent(input.attr("name"), n -> new java.util.ArrayList<>()).add(input.attr("value"));
                }
                IntakeService intake = new IntakeService(Wiring.catalogue(), new InMemoryApplicationStore(), Clock.systemUTC(), Reference::next); // the bake's own moment
                Outcome outcome = intake.submit(new Submission(formId, fields));
                if (outcome instanceof Outcome.Invalid invalid) {
                    assertThat(invalid.problems()).as(page.toString()).noneMatch(p -> p.code().equals("unknownField"));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }
}
