package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.CatalogueJson;

/**
 * The fixture funder's final decision on the Safer Villages Grant's round NV-2029-R3 (two awards
 * and a decline) baked as a visitor reads it: its notice, the grants register and the links to
 * them; and what is never published.
 */
class DecisionPagesTest {

    static final String NOTICE = "/decisions/safer-villages-fund-NV-2029-R3.html";
    static final String DECISION_FILE = "data/decisions/safer-villages-fund-NV-2029-R3.yml";

    @TempDir
    static Path output;

    static Path source;
    static BakedSite site;

    @BeforeAll
    static void bake() {
        source = FixtureSite.source("decision-pages-test");
        site = SiteBakerTest.bake(source, output, FixtureSite.NOW);
    }

    @Test
    void theNoticeGivesTheDecisionItsTextAndTheGrantsMade() {
        Document notice = site.page(NOTICE);

        assertThat(notice.select("h1").text()).isEqualTo("Safer Villages Grant: grants decided on 28 January 2030");
        assertThat(notice.select(".summary-list__row").eachText()).containsExactly(
                "Fund Safer Villages Grant",
                "Round NV-2029-R3: applications received by Thursday 13 December 2029 at 4pm",
                "Decided on 28 January 2030",
                "Decided by The Commissioner, on the advice of the Safer Villages grants panel",
                "Applications decided 3",
                "Grants made 2, £1,550 in all");
        assertThat(notice.select(".prose h2").text()).isEqualTo("What was decided");
        assertThat(notice.select("#grants + table tbody tr").eachText()).containsExactly(
                "Ashby Fold Neighbourhood Watch £750 Signs, leaflets and first-year training for a new watch group"
                        + " Spent by 31 December 2030; a short report on the group's first year."
                        + " Watch groups that meet and report regularly deter burglary and help the police act on what residents see.",
                "Kettlesby Village Hall £800 Lighting and a shelter at the Kettlesby Green bus stop None"
                        + " A lit, sheltered stop is where young people wait safely after dark, away from the lanes where cars are damaged.");
    }

    @Test
    void theRegisterGivesEachGrantExactlyTheItemsTheOrderAsksForMonthByMonth() {
        Document register = site.page("/grants/");

        assertThat(register.select("main h2").eachText()).containsExactly("January 2030", "Open data");
        Element month = register.selectFirst("#grants-2030-01 + table");
        assertThat(month.select("thead th").eachText()).containsExactly(
                "Recipient", "Amount", "Purpose", "Conditions", "Why it will reduce crime and disorder", "Date", "Made by");
        assertThat(month.select("tbody tr")).hasSize(2).allSatisfy(row -> assertThat(row.select("th, td")).hasSize(7));
        assertThat(month.select("tbody tr").get(1).select("th, td").eachText()).containsExactly(
                "Kettlesby Village Hall", "£800", "Lighting and a shelter at the Kettlesby Green bus stop", "None",
                "A lit, sheltered stop is where young people wait safely after dark, away from the lanes where cars are damaged.",
                "28 January 2030", "Office of the Police, Fire and Crime Commissioner for Northmoor");
        assertThat(register.select("main a[href=" + NOTICE + "]")).hasSize(1);
    }

    @Test
    void everyPageLinksTheRegisterFromItsFooterAndEveryFundPageFromItsText() {
        assertThat(site.pages()).allSatisfy(page ->
                assertThat(site.page(page).select("footer a[href=/grants/]")).as(page).hasSize(1));
        for (String fund : List.of("safer-villages-fund", "youth-diversion-fund", "fire-prevention-partnership", "flood-recovery-fund")) {
            assertThat(site.page("/funds/" + fund + ".html").select("main a[href=/grants/]")).as(fund).hasSize(1);
        }
        assertThat(site.page("/funds/safer-villages-fund.html").select("#grants-made ~ ul a[href=" + NOTICE + "]")).hasSize(1);
        assertThat(site.brokenLinks()).isEmpty();
    }

    @Test
    void eachFundPageSaysHowManyApplicationsWereDecidedAndFundedHowMuchAndWhen() {
        Document fund = site.page("/funds/safer-villages-fund.html");

        assertThat(fund.select("#grants-made + .summary-list .summary-list__row").eachText()).containsExactly(
                "Applications decided 3", "Applications funded 2", "Total awarded £1,550", "Last decision 28 January 2030");
        assertThat(site.page("/funds/youth-diversion-fund.html").select("#grants-made + p").text())
                .isEqualTo("No decisions on this fund have been published yet.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCatalogueJsonCarriesThePublishedDecisionsAwardsOnly() {
        Map<String, Object> catalogue = CatalogueJson.parse(site.text("/catalogue.json"));

        List<Map<String, Object>> decisions = (List<Map<String, Object>>) catalogue.get("decisions");
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("id", "safer-villages-fund-NV-2029-R3").containsEntry("url", NOTICE)
                    .containsEntry("fund", "safer-villages-fund").containsEntry("round", "NV-2029-R3").containsEntry("decided", "2030-01-28")
                    .containsEntry("applications", 3).containsEntry("funded", 2).containsEntry("totalAwarded", 1550);
            assertThat((List<Map<String, Object>>) d.get("grants")).extracting(g -> g.get("reference"), g -> g.get("recipient"), g -> g.get("amount"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("KX7P-M2RD", "Ashby Fold Neighbourhood Watch", 750),
                            org.assertj.core.groups.Tuple.tuple("HT4W-9CNE", "Kettlesby Village Hall", 800));
        });
    }

    @Test
    void nothingOfTheDeclinedApplicationIsInAnyBakedFile() {
        // The declined bid came from "Fellside Bowls Club": staff never typed that name, so no file may carry it,
        // nor the decline's reference, reason or feedback.
        List<String> declined = List.of("Fellside Bowls Club", "PV3M-7XAY", "more-bids-than-money",
                "The panel had more good bids than money", "letter of support from the parish");

        assertThat(everyBakedFile()).hasSizeGreaterThan(20).allSatisfy(file -> {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            assertThat(declined).as(file.toString()).noneSatisfy(word -> assertThat(text).contains(word));
        });
        // and the search does find what is published, in every kind of file it looks in
        assertThat(site.text("/grants/index.html")).contains("Kettlesby Village Hall");
    }

    @Test
    void aDraftDecisionIsNotPublishedButAPreviewShowsItMarked(@TempDir Path published, @TempDir Path preview) throws IOException {
        Path draft = FixtureSite.source("decision-pages-test-draft");
        Path file = draft.resolve(DECISION_FILE);
        Files.writeString(file, Files.readString(file).replace("status: final", "status: draft"));

        BakedSite baked = SiteBakerTest.bake(draft, published, FixtureSite.NOW);
        assertThat(baked.pages()).doesNotContain(NOTICE);
        assertThat(baked.page("/grants/").select("main table")).isEmpty();
        assertThat(baked.page("/grants/").select("main").text()).contains("No grants have been published yet.");
        assertThat(baked.text("/funds/safer-villages-fund.html")).doesNotContain("Kettlesby");
        assertThat(baked.root().resolve("grants.json")).doesNotExist();
        assertThat(baked.root().resolve("grants.csv")).doesNotExist();
        assertThat(baked.text("/calls.atom")).doesNotContain("Grants made", "Kettlesby");

        SiteBaker.bake(new SiteBaker.Options(draft, preview, "https://funding.example.org", FixtureSite.NOW, true));
        Document previewed = new BakedSite(preview).page(NOTICE);
        assertThat(previewed.select(".notice--draft").text()).contains("Draft preview");
        assertThat(new BakedSite(preview).page("/grants/").select("main table")).isEmpty();
        assertThat(new BakedSite(preview).text("/calls.atom")).as("a preview's feed too has final decisions only").doesNotContain("Grants made");
    }

    @Test
    void aDecisionFileWithAMistakeFailsTheBakeNamingTheFile(@TempDir Path out) throws IOException {
        Path broken = FixtureSite.source("decision-pages-test-broken");
        Path file = broken.resolve(DECISION_FILE);
        Files.writeString(file, Files.readString(file).replace("amount: 750", "amount: 900"));

        assertThatThrownBy(() -> SiteBakerTest.bake(broken, out, FixtureSite.NOW)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining(DECISION_FILE + " (KX7P-M2RD): the award of £900 is above the call's cap of £800");
    }

    private static List<Path> everyBakedFile() {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
