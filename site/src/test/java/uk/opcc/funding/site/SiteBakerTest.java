package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.catalogue.CatalogueException;

/** Bakes the real content once, at a fixed moment, and reads it as a visitor would. */
class SiteBakerTest {

    /** The road-safety call is open, the rural-crime call closed, the young-people call a draft. */
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    static Path output;

    static BakedSite site;

    @BeforeAll
    static void bake() {
        SiteBaker.bake(new SiteBaker.Options(BakedSite.SOURCE, output, "https://funding.example.org", NOW, false));
        site = new BakedSite(output);
    }

    @Test
    void bakesEveryPageOfTheSite() {
        assertThat(site.pages()).contains("/index.html", "/strategy.html", "/accessibility.html",
                "/privacy.html", "/calls/index.html", "/404.html",
                "/funds/property-fund.html", "/funds/victims-services-fund.html", "/funds/partnership-fund.html",
                "/funds/covid-community-recovery-fund.html", "/funds/moj-covid-extraordinary-grant.html",
                "/calls/road-safety-2026.html", "/calls/rural-crime-2026.html");
    }

    @Test
    void homePageListsEveryFundWithItsStatusAndHowMuch() {
        Document home = site.page("/");
        List<String> rows = home.select("#funds ~ table tbody tr").eachText();
        assertThat(rows).hasSize(5);
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Property Fund", "Open", "Up to £2,500 a grant"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Covid 19 Community Recovery Fund", "Ended", "30 September 2020", "Up to £5,000"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Partnership Fund", "By invitation"));
        assertThat(home.select("#open-calls + .call-list h3").eachText()).containsExactly("Road safety in our communities");
    }

    @Test
    void propertyFundPageStatesItsKeyFacts() {
        String text = site.page("/funds/property-fund.html").text();
        assertThat(text).contains("£2,500", "four times a year", "police officer or police community support officer (PCSO)",
                "collar number", "parish councils", "watch schemes", "on paper or in another format", "Road safety in our communities");
        assertThat(site.page("/funds/property-fund.html").getElementById("how-to-apply")).isNotNull();
    }

    @Test
    void endedFundsAreMarkedHistoric() {
        for (String fund : List.of("covid-community-recovery-fund", "moj-covid-extraordinary-grant")) {
            Document page = site.page("/funds/" + fund + ".html");
            assertThat(page.select(".notice--historic").text()).contains("This fund has ended", "historic record");
        }
        assertThat(site.page("/funds/covid-community-recovery-fund.html").text()).contains("£250,000", "31 March 2021", "30 September 2020");
        assertThat(site.page("/funds/moj-covid-extraordinary-grant.html").text()).contains("£189,000", "July 2020");
        assertThat(site.page("/funds/property-fund.html").select(".notice--historic")).isEmpty();
    }

    @Test
    void strategyPageCarriesThePrinciplesObjectivesAndContact() {
        Document strategy = site.page("/strategy.html");
        assertThat(strategy.select("#principles + p + ol > li")).hasSize(8);
        for (int objective : List.of(3, 4, 5, 6, 8)) {
            assertThat(strategy.getElementById("objective-" + objective)).as("objective %d", objective).isNotNull();
        }
        assertThat(strategy.text()).contains("Safer Cumbria Partnership", "Cumbria Compact", "procurement",
                "01768 217734", "CA10 2AU", "Eight Principles of Good Commissioning");
    }

    @Test
    void privacyNoticeGivesTheRetentionOfEveryFund() {
        Document privacy = site.page("/privacy.html");
        assertThat(privacy.select("#retention ~ table tbody tr")).hasSize(5)
                .allSatisfy(row -> assertThat(row.text()).endsWith("7 years"));
        assertThat(privacy.text()).contains("public task", "Information Commissioner’s Office");
        assertThat(site.page("/accessibility.html").text()).contains("WCAG", "2.2", "another format");
    }

    @Test
    void openCallShowsItsDeadlineAndAnApplyLink() {
        Document call = site.page("/calls/road-safety-2026.html");
        assertThat(call.select(".tag").first().text()).isEqualTo("Open");
        assertThat(call.select(".notice--deadline").text()).contains("Friday 29 January 2027 at 5pm");
        assertThat(call.select("a.button").attr("href")).isEqualTo("/forms/property-fund/road-safety-2026.html");
    }

    @Test
    void fundPageShowsTheNextPanelDeadlineAndEveryComingRoundMarkedProvisional() {
        Document fund = site.page("/funds/property-fund.html");
        assertThat(fund.select(".summary-list__row:contains(Next deadline) dd").text()).isEqualTo(
                "Apply by Friday 11 December 2026 at 5pm to hear by 29 January 2027 (provisional date, to be confirmed).");
        // Rounds whose deadline has passed are not listed.
        assertThat(fund.select("#panel-dates ~ table tbody tr").eachText()).containsExactly(
                "Friday 11 December 2026 at 5pm 29 January 2027 (provisional date, to be confirmed)",
                "Friday 12 March 2027 at 5pm 30 April 2027 (provisional date, to be confirmed)",
                "Friday 11 June 2027 at 5pm 30 July 2027 (provisional date, to be confirmed)",
                "Friday 10 September 2027 at 5pm 29 October 2027 (provisional date, to be confirmed)");
        assertThat(site.page("/funds/partnership-fund.html").select("#panel-dates")).isEmpty();
    }

    @Test
    void callPageSaysWhenItsBiddersWillHear() {
        Document call = site.page("/calls/road-safety-2026.html");
        // The call closes on 29 January 2027; the first Property Fund panel after that decides by 30 April.
        assertThat(call.select(".summary-list__row:contains(Decisions) dd").text()).isEqualTo(
                "Bids go to the fund’s first panel after the call closes. You will hear by 30 April 2027 (provisional date, to be confirmed).");
    }

    @Test
    void callAndFormPagesCarryTheCallsWindowForTheStatusScript() {
        Document call = site.page("/calls/road-safety-2026.html");
        var window = call.selectFirst("[data-call-window]");
        assertThat(window.attr("data-opens")).isEqualTo("2026-11-02T09:00Z");
        assertThat(window.attr("data-closing-soon")).isEqualTo("2027-01-22T17:00Z");
        assertThat(window.attr("data-closes")).isEqualTo("2027-01-29T17:00Z");
        assertThat(window.select("[data-status-tag]").text()).isEqualTo("Open");
        // Every status's notice is on the page; only the one for the bake's status is shown without JavaScript.
        assertThat(window.select("[data-show-when=upcoming]").hasAttr("hidden")).isTrue();
        assertThat(window.select("[data-show-when=closed]").hasAttr("hidden")).isTrue();
        assertThat(window.select("[data-show-when='open closing-soon']")).allSatisfy(e -> assertThat(e.hasAttr("hidden")).isFalse());
        assertThat(window.select("[data-show-when='open closing-soon'] a.button").attr("href")).isEqualTo("/forms/property-fund/road-safety-2026.html");

        Document form = site.page("/forms/property-fund/road-safety-2026.html");
        assertThat(form.select("[data-call-window] [data-show-when='open closing-soon'] form[data-apply-form]")).hasSize(1);
        assertThat(form.select("[data-call-window] [data-show-when=closed]").hasAttr("hidden")).isTrue();
    }

    @Test
    void anUpcomingCallsApplyButtonAndFormAreBakedHiddenForTheStatusScriptToShow(@TempDir Path early) {
        SiteBaker.bake(new SiteBaker.Options(BakedSite.SOURCE, early, "https://funding.example.org", Instant.parse("2026-11-01T12:00:00Z"), false));
        BakedSite before = new BakedSite(early);

        Document call = before.page("/calls/road-safety-2026.html");
        assertThat(call.select("[data-status-tag]").text()).isEqualTo("Opens soon");
        assertThat(call.select("[data-show-when=upcoming]").hasAttr("hidden")).isFalse();
        assertThat(call.select("[data-show-when='open closing-soon']:has(a.button)").hasAttr("hidden")).isTrue();
        Document form = before.page("/forms/property-fund/road-safety-2026.html");
        assertThat(form.select("[data-show-when=upcoming]").text()).contains("This call opens on Monday 2 November 2026 at 9am");
        assertThat(form.select("[data-show-when='open closing-soon']").hasAttr("hidden")).isTrue();
        assertThat(form.select("[data-show-when='open closing-soon'] form[data-apply-form]")).hasSize(1);
    }

    @Test
    void formPagesAskEveryQuestionOfTheirForm() {
        Document form = site.page("/forms/property-fund/road-safety-2026.html");
        assertThat(form.select("form[data-apply-form]").attr("action")).isEqualTo("/api/forms/property-fund/submissions");
        assertThat(form.select("input[type=hidden][name=call]").attr("value")).isEqualTo("road-safety-2026");
        assertThat(form.select("form [name]:not(button)").eachAttr("name").stream().distinct().toList()).containsExactly("call", "section", "website",
                "organisationName", "organisationType", "addressLine1", "addressLine2", "town", "postcode", "contactName", "email",
                "phone", "projectTitle", "projectDescription", "beneficiaries", "objectives", "outcomes", "measurement", "amount", "budget",
                "startDate-day", "startDate-month", "startDate-year", "endDate-day", "endDate-month", "endDate-year", "officerName", "officerCollarNumber", "officerStation", "declaration");
        assertThat(form.select("[data-section]:not([hidden])").eachAttr("id")).containsExactly("section-your-organisation");
        assertThat(form.select("[data-section][hidden]").eachAttr("id")).containsExactly("section-contact-details", "section-your-project",
                "section-money-and-dates", "section-police-support", "section-check");
        assertThat(form.getElementById("amount-hint").text()).contains("You can apply for up to £2,500.");
        assertThat(form.select("fieldset legend").eachText()).contains("What type of organisation is it?");
        assertThat(form.text()).contains("Send your application by Friday 29 January 2027 at 5pm");
        assertThat(form.select("script[src]").eachAttr("src")).containsExactly("/js/status.js", "/js/apply.js");

        Document general = site.page("/forms/property-fund/");
        assertThat(general.select("input[name=call]")).isEmpty();
        assertThat(site.page("/funds/property-fund.html").select("a.button").attr("href")).isEqualTo("/forms/property-fund/");
    }

    @Test
    void closedCallsAndEndedFundsShowThatTheyAreClosedAndNoForm() {
        Document closedCall = site.page("/forms/property-fund/rural-crime-2026.html");
        assertThat(closedCall.select("form")).isEmpty();
        assertThat(closedCall.select(".notice--historic").text()).contains("This call closed on Friday 26 June 2026 at 5pm");

        Document endedFund = site.page("/forms/covid-community-recovery/");
        assertThat(endedFund.select("form")).isEmpty();
        assertThat(endedFund.select(".notice--historic").text()).isEqualTo("The Covid 19 Community Recovery Fund is not taking applications: it ended on 30 September 2020.");
        assertThat(site.page("/funds/partnership-fund.html").select("a.button")).isEmpty();
    }

    @Test
    void confirmationPageHasAPlaceForTheReference() {
        Document confirmation = site.page("/forms/property-fund/confirmation.html");
        assertThat(confirmation.select("[data-reference]").html()).isEqualTo("<!-- reference -->");
        assertThat(site.text("/forms/property-fund/confirmation.html")).contains("<h2>What happens next</h2>\n  <!-- what happens next -->");
        assertThat(site.text("/sitemap.xml")).doesNotContain("confirmation.html");
    }

    @Test
    void theIntakesMessagePageIsTheSitesLayoutWithPlacesForATitleAndAMessage() {
        String html = site.text("/forms/message.html");
        Document message = site.page("/forms/message.html");

        assertThat(message.title()).isEqualTo("[[title]] – Community funding – Cumbria OPCC");
        assertThat(message.select("header.site-header")).hasSize(1);
        assertThat(message.select("footer.site-footer")).hasSize(1);
        assertThat(html).contains("<main id=\"main\" tabindex=\"-1\">\n<!-- message -->");
        assertThat(message.select("main a[href=tel:+441768217734]").text()).isEqualTo("01768 217734");
        assertThat(site.text("/sitemap.xml")).doesNotContain("message.html");
    }

    @Test
    void everyFormSaysHowMuchCanBeAskedFor() {
        assertThat(site.page("/forms/victims-small-grant/").select(".apply-form").text()).contains("You can apply for up to £5,000.");
        assertThat(site.page("/forms/property-fund/").select(".apply-form").text()).contains("You can apply for up to £2,500.");
    }

    @Test
    void closedCallSaysSoAndHasNoApplyLink() {
        Document call = site.page("/calls/rural-crime-2026.html");
        assertThat(call.select(".tag").first().text()).isEqualTo("Closed");
        assertThat(call.select(".notice--historic").text()).contains("closed on Friday 26 June 2026 at 5pm");
        assertThat(call.select("a.button")).isEmpty();
    }

    @Test
    void callsIndexListsOpenThenUpcomingThenClosed() {
        Document calls = site.page("/calls/");
        assertThat(calls.select("#open + .call-list h3").eachText()).containsExactly("Road safety in our communities");
        assertThat(calls.select("#upcoming + p").text()).isEqualTo("No calls are due to open.");
        assertThat(calls.select("#closed + .call-list h3").eachText()).containsExactly("Tackling rural crime");
    }

    @Test
    void noDraftReachesThePublishedOutput() throws IOException {
        assertThat(site.pages()).noneMatch(p -> p.contains("young-people") || p.contains("-draft"));
        try (var files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("Positive activities for young people");
            }
        }
    }

    @Test
    void everyInternalLinkResolvesToAPageAndAnchor() {
        List<String> broken = new ArrayList<>();
        for (String address : site.pages()) {
            for (Element link : site.page(address).select("a[href], link[href]")) {
                String href = link.attr("href");
                if (!href.startsWith("/")) {
                    continue; // mailto:, tel:, data: and other sites' pages are not ours to resolve
                }
                int hash = href.indexOf('#');
                if (!Files.isRegularFile(site.fileFor(href))) {
                    broken.add(address + " -> " + href);
                } else if (hash >= 0 && site.page(href).getElementById(href.substring(hash + 1)) == null) {
                    broken.add(address + " -> " + href + " (no such anchor)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void publishesFeedCalendarSitemapAndCatalogue() {
        String atom = site.text("/calls.atom");
        assertThat(atom).contains("<entry>", "https://funding.example.org/calls/road-safety-2026.html", "Road safety in our communities (Open)");
        assertThat(atom.split("<entry>")).hasSize(3);

        String ics = site.text("/deadlines.ics");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART:20270129T170000Z\r\n", "UID:road-safety-2026-closes@funding.example.org");
        assertThat(ics.split("BEGIN:VEVENT")).hasSize(3);
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

        assertThat(site.text("/sitemap.xml")).contains("<loc>https://funding.example.org/</loc>",
                "<loc>https://funding.example.org/calls/</loc>", "<loc>https://funding.example.org/funds/property-fund.html</loc>")
                .doesNotContain("404.html");

        assertThat(site.text("/catalogue.json")).contains("\"id\" : \"road-safety-2026\"", "\"status\" : \"open\"")
                .doesNotContain("young-people");
    }

    @Test
    void callShowsClosingSoonInItsLastWeek(@TempDir Path elsewhere) {
        SiteBaker.bake(new SiteBaker.Options(BakedSite.SOURCE, elsewhere, "https://funding.example.org",
                Instant.parse("2027-01-25T12:00:00Z"), false));

        Document call = new BakedSite(elsewhere).page("/calls/road-safety-2026.html");
        assertThat(call.select(".tag").first().text()).isEqualTo("Closing soon");
        assertThat(call.select(".notice--deadline").text()).contains("This call closes within a week");
    }

    @Test
    void draftPreviewShowsDraftsMarkedAsDrafts(@TempDir Path preview) {
        SiteBaker.bake(new SiteBaker.Options(BakedSite.SOURCE, preview, "http://localhost:8080", NOW, true));

        Document draft = new BakedSite(preview).page("/calls/young-people-2027.html");
        assertThat(draft.select(".notice--draft").text()).contains("Draft preview");
        assertThat(draft.select("h1").text()).isEqualTo("Positive activities for young people");
    }

    @Test
    void badCallFileFailsTheBakeNamingTheFileAndProblem(@TempDir Path copy, @TempDir Path out) throws IOException {
        Path source = BakedSite.copyOfSource(copy);
        Files.writeString(source.resolve("content/calls/too-much.md"), """
                title=Too much
                type=call
                status=published
                fund=property-fund
                theme=Road safety
                opens=2026-11-02T09:00
                closes=2027-01-29T17:00
                maxAward=9000
                summary=Asks for more than the fund allows.
                ~~~~~~
                Body.
                """);

        assertThatThrownBy(() -> SiteBaker.bake(new SiteBaker.Options(source, out, "http://localhost:8080", NOW, false)))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("content/calls/too-much.md: maxAward £9,000 is above the Property Fund's cap of £2,500");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void brokenTemplateFailsTheBake(@TempDir Path copy, @TempDir Path out) throws IOException {
        Path source = BakedSite.copyOfSource(copy);
        Files.writeString(source.resolve("templates/page.ftl"), "<#ftl output_format=\"HTML\">${content.noSuchHeader.size}");

        assertThatThrownBy(() -> SiteBaker.bake(new SiteBaker.Options(source, out, "http://localhost:8080", NOW, false)))
                .isInstanceOf(SiteBaker.BakeException.class)
                .hasMessageContaining("JBake reported");
    }
}
