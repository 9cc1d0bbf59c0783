package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.PageMarkers;

/**
 * Bakes the fixture funder's site (Northmoor, {@link FixtureSite}) once at its fixed moment and
 * reads it as a visitor would. The real content's own checks are in {@link RealContentBakesTest}.
 */
class SiteBakerTest {

    static final Instant NOW = FixtureSite.NOW;

    @TempDir
    static Path output;

    static Path source;
    static BakedSite site;

    @BeforeAll
    static void bake() {
        source = FixtureSite.source("site-baker-test");
        site = bake(source, output, NOW);
    }

    static BakedSite bake(Path source, Path output, Instant now) {
        SiteBaker.bake(new SiteBaker.Options(source, output, "https://funding.example.org", now, false));
        return new BakedSite(output);
    }

    @Test
    void bakesEveryPageOfTheSite() {
        assertThat(site.pages()).contains("/index.html", "/strategy.html", "/accessibility.html",
                "/privacy.html", "/calls/index.html", "/404.html",
                "/funds/safer-villages-fund.html", "/funds/youth-diversion-fund.html", "/funds/fire-prevention-partnership.html",
                "/funds/flood-recovery-fund.html",
                "/calls/lit-lanes-2030.html", "/calls/winter-watch-2029.html", "/calls/summer-sport-2030.html",
                "/forms/safer-villages/index.html", "/forms/safer-villages/lit-lanes-2030.html", "/forms/message.html");
        assertThat(site.page("/404.html").select("h1").text()).isEqualTo("Page not found");
        assertThat(site.text("/css/site.css")).isNotEmpty();
    }

    @Test
    void homePageListsEveryFundWithItsStatusAndHowMuch() {
        Document home = site.page("/");
        List<String> rows = home.select("#funds ~ table tbody tr").eachText();
        assertThat(rows).hasSize(4);
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Fire Prevention Partnership", "By invitation"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Safer Villages Grant", "Open", "Up to £3,000 a grant"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Moorbridge Flood Recovery Fund", "Ended", "31 March 2028", "Up to £1,200"));
        assertThat(home.select("#open-calls + .call-list h3").eachText()).containsExactly("Lighting the lanes");
        assertThat(home.title()).isEqualTo("Community safety grants in Northmoor – Community safety grants – Northmoor PFCC");
    }

    @Test
    void homePageSaysWhatToDoWhenNoCallIsOpenInTheContentsOwnWords(@TempDir Path between) {
        // given the first of May 2030: lit-lanes has closed, summer-sport opens in June
        Document home = bake(source, between, Instant.parse("2030-05-01T12:00:00Z")).page("/");

        assertThat(home.select("#open-calls + p").text())
                .isEqualTo("No calls are open at the moment. Youth clubs can apply to the Youth Diversion Fund before each panel deadline.");
    }

    @Test
    void fundPageStatesItsKeyFactsAndItsGuidance() {
        Document fund = site.page("/funds/safer-villages-fund.html");
        assertThat(fund.text()).contains("Up to £3,000 a grant", "three times a year", "Parish and town councils",
                "Village hall committees", "Lighting for a dark lane", "Lighting the lanes");
        assertThat(fund.getElementById("how-to-apply")).isNotNull();
        assertThat(fund.title()).isEqualTo("Safer Villages Grant – Community safety grants – Northmoor PFCC");
    }

    @Test
    void endedFundsAreMarkedHistoric() {
        Document ended = site.page("/funds/flood-recovery-fund.html");
        assertThat(ended.select(".notice--historic").text()).contains("This fund has ended", "31 March 2028", "historic record");
        assertThat(ended.select("a.button")).isEmpty();
        assertThat(site.page("/funds/safer-villages-fund.html").select(".notice--historic")).isEmpty();
    }

    @Test
    void contentPagesCarryTheOfficesContactDetailsFromOpccYml() {
        Document strategy = site.page("/strategy.html");
        assertThat(strategy.select("#contact + p").text()).isEqualTo("Write to the Office of the Police, Fire and Crime Commissioner for Northmoor"
                + " at Office of the Police, Fire and Crime Commissioner, The Old Courthouse, 4 Tanners Row, Moorbridge, NM1 4QX,"
                + " call 01632 960418 or email grants@northmoor-pfcc.example.org.");
        assertThat(strategy.select("#contact + p a[href=tel:+441632960418]").text()).isEqualTo("01632 960418");
        assertThat(strategy.select("#contact + p a[href=mailto:grants@northmoor-pfcc.example.org]").text())
                .isEqualTo("grants@northmoor-pfcc.example.org");
        assertThat(site.page("/accessibility.html").select("main a[href^=mailto:]").text()).isEqualTo("grants@northmoor-pfcc.example.org");
        assertThat(site.page("/calls/lit-lanes-2030.html").select(".prose a[href^=mailto:]").text()).isEqualTo("grants@northmoor-pfcc.example.org");
        for (String page : site.pages()) {
            assertThat(site.text(page)).as(page).doesNotContain("{{");
        }
    }

    @Test
    void anotherOfficesContactDetailsInOpccYmlChangeEveryPageThatCarriesThem(@TempDir Path copy, @TempDir Path out) throws IOException {
        // given the fixture with another office's details in data/opcc.yml, and nothing else changed
        Path changed = BakedSite.copyOf(source, copy);
        Path opcc = changed.resolve("data/opcc.yml");
        Files.writeString(opcc, Files.readString(opcc)
                .replace("phone: 01632 960418", "phone: 01632 960999")
                .replace("email: grants@northmoor-pfcc.example.org", "email: help@other-office.example.com")
                .replace("  - 4 Tanners Row\n", "  - 9 Mill Street\n"));

        // when it is baked
        BakedSite other = bake(changed, out, NOW);

        // then the pages carry the new details, in the text and in the footer alike
        Document strategy = other.page("/strategy.html");
        assertThat(strategy.select("#contact + p").text()).contains("9 Mill Street", "01632 960999", "help@other-office.example.com")
                .doesNotContain("Tanners Row", "960418", "grants@northmoor");
        assertThat(strategy.select("#contact + p a[href=tel:+441632960999]")).hasSize(1);
        assertThat(other.page("/privacy.html").select("main a[href=mailto:help@other-office.example.com]")).hasSize(1);
        assertThat(other.page("/index.html").select("footer").text()).contains("01632 960999", "9 Mill Street");
    }

    @Test
    void anUnknownPlaceholderFailsTheBakeNamingTheFile(@TempDir Path work) throws IOException {
        String privacy = Files.readString(source.resolve("content/privacy.md"));

        assertThatThrownBy(() -> bakeWith(work, "content/privacy.md", privacy + "\nOr fax us on {{fax}}.\n"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("content/privacy.md: unknown placeholder {{fax}}; use one of [{{email}}, {{phone}}, {{address}}, {{name}}]");
        assertThat(work.resolve("site")).isEmptyDirectory();
    }

    @Test
    void privacyNoticeGivesTheRetentionOfEveryFund() {
        Document privacy = site.page("/privacy.html");
        assertThat(privacy.select("#retention ~ table tbody tr").eachText()).containsExactly(
                "Safer Villages Grant 6 years", "Youth Diversion Fund 5 years", "Fire Prevention Partnership 8 years",
                "Moorbridge Flood Recovery Fund 6 years");
        // as the intake counts it (function's Retention: from the moment received), and says so for every office
        assertThat(privacy.select("#retention + p").text()).contains("for the period below after it is received");
        assertThat(privacy.select("#cookies + p").text()).contains("We use one cookie", "confirmation page", "for one hour",
                "It holds your reference, not your answers");
        assertThat(site.page("/accessibility.html").text()).contains("WCAG", "2.2", "Another format");
    }

    @Test
    void openCallShowsItsDeadlineAndAnApplyLink() {
        Document call = site.page("/calls/lit-lanes-2030.html");
        assertThat(call.select(".tag").first().text()).isEqualTo("Open");
        assertThat(call.select(".notice--deadline").text()).contains("Friday 26 April 2030 at 4pm");
        assertThat(call.select("a.button").attr("href")).isEqualTo("/forms/safer-villages/lit-lanes-2030.html");
    }

    @Test
    void fundPageShowsTheNextPanelDeadlineAndEveryComingRoundProvisionalOnesMarked() {
        Document fund = site.page("/funds/safer-villages-fund.html");
        assertThat(fund.select(".summary-list__row:contains(Next deadline) dd").text()).isEqualTo(
                "Apply by Thursday 28 March 2030 at 4pm to hear by 16 May 2030.");
        // The round whose deadline has passed (December 2029) is not listed.
        assertThat(fund.select("#panel-dates ~ table tbody tr").eachText()).containsExactly(
                "Thursday 28 March 2030 at 4pm 16 May 2030",
                "Thursday 27 June 2030 at 4pm 15 August 2030",
                "Thursday 10 October 2030 at 4pm 28 November 2030 (provisional date, to be confirmed)");
        assertThat(site.page("/funds/flood-recovery-fund.html").select("#panel-dates")).isEmpty();
        assertThat(site.page("/funds/fire-prevention-partnership.html").select("#panel-dates")).isEmpty();
    }

    @Test
    void callPageSaysWhenItsBiddersWillHear() {
        // Lighting the lanes closes on 26 April 2030; the fund's first round after that decides by 15 August.
        assertThat(site.page("/calls/lit-lanes-2030.html").select(".summary-list__row:contains(Decisions) dd").text()).isEqualTo(
                "Bids go to the fund’s first panel after the call closes. You will hear by 15 August 2030.");
        // Summer of sport has a panel of its own.
        assertThat(site.page("/calls/summer-sport-2030.html").select(".summary-list__row:contains(Decisions) dd").text()).isEqualTo(
                "A panel will consider the bids after the call closes. You will hear by 30 August 2030.");
    }

    @Test
    void callAndFormPagesCarryTheCallsWindowForTheStatusScript() {
        Document call = site.page("/calls/lit-lanes-2030.html");
        var window = call.selectFirst("[data-call-window]");
        assertThat(window.attr("data-opens")).isEqualTo("2030-02-04T09:00Z");
        // British Summer Time by then: 4pm UK time is 3pm UTC.
        assertThat(window.attr("data-closing-soon")).isEqualTo("2030-04-19T16:00+01:00");
        assertThat(window.attr("data-closes")).isEqualTo("2030-04-26T16:00+01:00");
        assertThat(window.select("[data-status-tag]").text()).isEqualTo("Open");
        // Every status's notice is on the page; only the one for the bake's status is shown without JavaScript.
        assertThat(window.select("[data-show-when=upcoming]").hasAttr("hidden")).isTrue();
        assertThat(window.select("[data-show-when=closed]").hasAttr("hidden")).isTrue();
        assertThat(window.select("[data-show-when='open closing-soon']")).allSatisfy(e -> assertThat(e.hasAttr("hidden")).isFalse());
        assertThat(window.select("[data-show-when='open closing-soon'] a.button").attr("href")).isEqualTo("/forms/safer-villages/lit-lanes-2030.html");

        Document form = site.page("/forms/safer-villages/lit-lanes-2030.html");
        assertThat(form.select("[data-call-window] [data-show-when='open closing-soon'] form[data-apply-form]")).hasSize(1);
        assertThat(form.select("[data-call-window] [data-show-when=closed]").hasAttr("hidden")).isTrue();
    }

    @Test
    void anUpcomingCallsApplyButtonAndFormAreBakedHiddenForTheStatusScriptToShow() {
        Document call = site.page("/calls/summer-sport-2030.html");
        assertThat(call.select("[data-status-tag]").text()).isEqualTo("Opens soon");
        assertThat(call.select("[data-show-when=upcoming]").hasAttr("hidden")).isFalse();
        assertThat(call.select("[data-show-when='open closing-soon']:has(a.button)").hasAttr("hidden")).isTrue();
        Document form = site.page("/forms/youth-diversion/summer-sport-2030.html");
        assertThat(form.select("[data-show-when=upcoming]").text()).contains("This call opens on Monday 3 June 2030 at 9am");
        assertThat(form.select("[data-show-when='open closing-soon']").hasAttr("hidden")).isTrue();
        assertThat(form.select("[data-show-when='open closing-soon'] form[data-apply-form]")).hasSize(1);
    }

    @Test
    void formPagesAskEveryQuestionOfTheirForm() {
        Document form = site.page("/forms/safer-villages/lit-lanes-2030.html");
        assertThat(form.select("form[data-apply-form]").attr("action")).isEqualTo("/api/forms/safer-villages/submissions");
        assertThat(form.select("input[type=hidden][name=call]").attr("value")).isEqualTo("lit-lanes-2030");
        assertThat(form.select("form [name]:not(button)").eachAttr("name").stream().distinct().toList()).containsExactly("call", "section", "website",
                "groupName", "groupType", "village", "postcode", "contactName", "email", "phone", "projectTitle", "projectDescription",
                "places", "amount", "costs", "startDate-day", "startDate-month", "startDate-year", "endDate-day", "endDate-month",
                "endDate-year", "declaration");
        assertThat(form.select("[data-section]:not([hidden])").eachAttr("id")).containsExactly("section-your-group");
        assertThat(form.select("[data-section][hidden]").eachAttr("id")).containsExactly("section-contact", "section-the-project",
                "section-money-and-dates", "section-check");
        // The call's own cap, below the fund's.
        assertThat(form.getElementById("amount-hint").text()).contains("You can apply for up to £1,500.");
        assertThat(form.select("fieldset legend").eachText()).contains("What kind of group is it?");
        assertThat(form.text()).contains("Send your application by Friday 26 April 2030 at 4pm");
        assertThat(form.select("script[src]").eachAttr("src")).containsExactly("/js/status.js", "/js/print.js", "/js/apply.js");

        Document general = site.page("/forms/safer-villages/");
        assertThat(general.select("input[name=call]")).isEmpty();
        assertThat(site.page("/funds/safer-villages-fund.html").select("a.button").attr("href")).isEqualTo("/forms/safer-villages/");
    }

    @Test
    void closedCallsAndEndedFundsShowThatTheyAreClosedAndNoForm() {
        Document closedCall = site.page("/forms/safer-villages/winter-watch-2029.html");
        assertThat(closedCall.select("form")).isEmpty();
        assertThat(closedCall.select(".notice--historic").text()).contains("This call closed on Friday 30 November 2029 at 4pm");

        Document endedFund = site.page("/forms/flood-recovery/");
        assertThat(endedFund.select("form")).isEmpty();
        assertThat(endedFund.select(".notice--historic").text()).isEqualTo("The Moorbridge Flood Recovery Fund is not taking applications: it ended on 31 March 2028.");
        assertThat(site.page("/funds/fire-prevention-partnership.html").select("a.button")).isEmpty();
    }

    @Test
    void confirmationPageHasAPlaceForTheReference() {
        Document confirmation = site.page("/forms/safer-villages/confirmation.html");
        assertThat(confirmation.select("[data-reference]").html()).isEqualTo(PageMarkers.REFERENCE);
        assertThat(site.text("/forms/safer-villages/confirmation.html")).contains("<h2>What happens next</h2>\n  " + PageMarkers.WHAT_HAPPENS_NEXT);
        assertThat(confirmation.text()).contains("We have sent your application to the Safer Villages Grant team.");
        assertThat(site.text("/forms/safer-villages/confirmation.html")).contains(PageMarkers.EMAIL_SENT_TO, PageMarkers.ANSWERS);
        assertThat(confirmation.select("script[src]").eachAttr("src")).contains("/js/print.js");
    }

    @Test
    void thePrintedCopyOfTheAnswersLeavesOutTheHeaderFooterAndButtons() {
        String css = site.text("/css/site.css");
        String print = css.substring(css.indexOf("@media print"));
        assertThat(print).contains(".site-header", ".site-nav", ".site-footer", "button", ".button", ".summary-list__actions", "display: none");
        assertThat(site.text("/js/print.js")).contains("[data-print]", "hidden = false", "window.print()");
        Document home = site.page("/");
        assertThat(home.select("script[src]").eachAttr("src")).as("only pages with the button load it").doesNotContain("/js/print.js");
        assertThat(site.text("/sitemap.xml")).doesNotContain("confirmation.html");
    }

    @Test
    void theIntakesMessagePageIsTheSitesLayoutWithPlacesForATitleAndAMessage() {
        String html = site.text("/forms/message.html");
        Document message = site.page("/forms/message.html");

        assertThat(message.title()).isEqualTo(PageMarkers.TITLE + " – Community safety grants – Northmoor PFCC");
        assertThat(message.select("header.site-header")).hasSize(1);
        assertThat(message.select("footer.site-footer")).hasSize(1);
        assertThat(html).contains("<main id=\"main\" tabindex=\"-1\">\n" + PageMarkers.MESSAGE);
        assertThat(message.select("main a[href=tel:+441632960418]").text()).isEqualTo("01632 960418");
        assertThat(message.select("main a[href=mailto:grants@northmoor-pfcc.example.org]")).hasSize(1);
        assertThat(site.text("/sitemap.xml")).doesNotContain("message.html");
    }

    @Test
    void everyFormSaysHowMuchCanBeAskedFor() {
        // The fund's cap for one form, the form's own maximum for the fund without a cap.
        assertThat(site.page("/forms/safer-villages/").select(".apply-form").text()).contains("You can apply for up to £3,000.");
        assertThat(site.page("/forms/youth-diversion/").select(".apply-form").text()).contains("You can apply for up to £8,000.");
        assertThat(site.page("/forms/youth-diversion/").select(".prose li").eachText())
                .as("the placeholder marked, as on the fund's page").contains("You can apply for up to £8,000 (a placeholder figure, to be confirmed).");
        assertThat(site.page("/forms/safer-villages/").select(".prose li").eachText()).contains("You can apply for up to £3,000.");
    }

    @Test
    void fundPagesStateTheMostTheFormTakesFromTheSameDataItsPlaceholderMarked() {
        assertThat(site.page("/funds/safer-villages-fund.html").select(".summary-list__row:contains(Most you can apply for) dd").text())
                .isEqualTo("£3,000 an application; a call for bids may set a lower amount");
        // the fund has no cap: the form's own maximum, a placeholder in forms.yml
        assertThat(site.page("/funds/youth-diversion-fund.html").select(".summary-list__row:contains(Most you can apply for) dd").text())
                .isEqualTo("£8,000 an application (a placeholder figure, to be confirmed); a call for bids may set a lower amount");
        assertThat(site.page("/funds/fire-prevention-partnership.html").select(".summary-list__row:contains(Most you can apply for)")).isEmpty();
        assertThat(site.page("/funds/flood-recovery-fund.html").select(".summary-list__row:contains(Most you can apply for)")).isEmpty();
    }

    @Test
    void fundPagesStateEveryLimitTheFormEnforcesWithTheFiguresInFormsYml() {
        // given the fixture's forms.yml: maxLength 150 and 2500, a postcode, a phone, the fund's £3,000,
        // a start date notBefore today and an end date after it; the other form's number from 1 to 5000
        Map<String, String> villages = limits("/funds/safer-villages-fund.html");
        assertThat(villages).containsEntry("Name of your group", "Up to 150 characters")
                .containsEntry("What will you do, and where?", "Up to 2,500 characters")
                .containsEntry("Postcode", "A UK postcode")
                .containsEntry("Telephone number", "A full number with its area code, or + and the country code")
                .containsEntry("How much are you asking for?", "Up to £3,000")
                .containsEntry("When will it start?", "Today or later")
                .containsEntry("When will it end?", "After the start date")
                // no limit beyond an answer from the list, or an address
                .doesNotContainKeys("What kind of group is it?", "Which places will it make safer?", "Email address");
        assertThat(villages.keySet()).as("in the form's order").containsSubsequence("Name of your group", "Village or parish", "Postcode",
                "Your full name", "Telephone number", "Project title", "What will you do, and where?", "How much are you asking for?",
                "What will the money buy?", "When will it start?", "When will it end?");

        Map<String, String> youth = limits("/funds/youth-diversion-fund.html");
        assertThat(youth).containsEntry("How many young people will take part?", "A whole number from 1 to 5,000")
                .containsEntry("Their ages (optional)", "Up to 40 characters")
                .containsEntry("Their collar or staff number", "Up to 10 characters")
                // the form's own maximum, a placeholder in forms.yml, marked so here as in "At a glance"
                .containsEntry("How much are you asking for?", "Up to £8,000 (a placeholder figure, to be confirmed)");
        assertThat(site.page("/funds/flood-recovery-fund.html").select("#limits")).as("an ended fund takes no form").isEmpty();
    }

    /** A fund page's "Limits on your answers" (folded): each question's label and its limit. */
    static Map<String, String> limits(String page) {
        Map<String, String> limits = new java.util.LinkedHashMap<>();
        site.page(page).selectFirst("#limits ~ details .summary-list").select(".summary-list__row")
                .forEach(row -> limits.put(row.selectFirst("dt").text(), row.selectFirst("dd").text()));
        return limits;
    }

    @Test
    void homePageGivesEachOpenFundsNextDeadline() {
        List<String> rows = site.page("/").select("#funds ~ table tbody tr").eachText();
        assertThat(site.page("/").select("#funds ~ table thead th").eachText()).contains("Next deadline");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Safer Villages Grant", "Apply by Thursday 28 March 2030 at 4pm").doesNotContain("provisional"));
        // on a small screen the table's cells stack without their headings, so each says what it is
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Fire Prevention Partnership", "No deadline"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Moorbridge Flood Recovery Fund", "No deadline"));
    }

    @Test
    void theCallsListSaysWhenBiddersHear() {
        Document calls = site.page("/calls/");
        assertThat(calls.select("#open + .call-list .facts").text()).contains("Bidders hear by 15 August 2030");
        assertThat(calls.select("#upcoming + .call-list .facts").text()).contains("Bidders hear by 30 August 2030");
        assertThat(calls.select("#closed + .call-list .facts").text()).doesNotContain("Bidders hear by");
    }

    @Test
    void everyPagesAnotherFormatLinkGoesToContactDetailsThatSayHowToAskForAPaperForm() {
        for (String path : site.pages()) {
            Document page = site.page(path);
            for (var link : page.select("a:contains(contact us)")) {
                assertThat(link.attr("href")).as(path).isEqualTo("#site-contact");
            }
            if (page.getElementById("site-contact") != null) {
                String contact = page.getElementById("site-contact").parent().text();
                assertThat(contact).as(path).contains("01632 960418", "grants@northmoor-pfcc.example.org", "paper application form");
            }
        }
        Document form = site.page("/forms/safer-villages/");
        assertThat(form.select("a:contains(contact us)").attr("href")).isEqualTo("#site-contact");
        assertThat(form.getElementById("site-contact")).isNotNull();
    }

    @Test
    void closedCallSaysSoAndHasNoApplyLink() {
        Document call = site.page("/calls/winter-watch-2029.html");
        assertThat(call.select(".tag").first().text()).isEqualTo("Closed");
        assertThat(call.select(".notice--historic").text()).contains("closed on Friday 30 November 2029 at 4pm");
        assertThat(call.select("a.button")).isEmpty();
    }

    @Test
    void callsIndexListsOpenThenUpcomingThenClosed() {
        Document calls = site.page("/calls/");
        assertThat(calls.select("#open + .call-list h3").eachText()).containsExactly("Lighting the lanes");
        assertThat(calls.select("#upcoming + .call-list h3").eachText()).containsExactly("Summer of sport");
        assertThat(calls.select("#closed + .call-list h3").eachText()).containsExactly("Winter watch");
    }

    @Test
    void noDraftReachesThePublishedOutput() throws IOException {
        assertThat(site.pages()).noneMatch(p -> p.contains("harbour-nights") || p.contains("-draft"));
        try (var files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("Harbour nights", "harbour-nights");
            }
        }
    }

    @Test
    void everyInternalLinkResolvesToAPageAndAnchor() {
        assertThat(site.brokenLinks()).isEmpty();
    }

    @Test
    void publishesFeedCalendarSitemapAndCatalogue() {
        String atom = site.text("/calls.atom");
        assertThat(atom).contains("<entry>", "https://funding.example.org/calls/lit-lanes-2030.html", "Lighting the lanes (Open)",
                "Calls for bids and grants made: Community safety grants, Northmoor PFCC",
                "<author><name>Office of the Police, Fire and Crime Commissioner for Northmoor</name></author>");
        assertThat(atom.split("<entry>")).hasSize(5);
        // the fixture's final decision, by its awards only: nothing of the application declined
        String decided = atom.substring(atom.indexOf("<title>Grants made: "));
        assertThat(decided).startsWith("<title>Grants made: Safer Villages Grant, 28 January 2030</title>")
                .contains("<id>https://funding.example.org/decisions/safer-villages-fund-NV-2029-R3.html</id>",
                        "<updated>2030-01-28T00:00:00Z</updated>",
                        "2 grants, £1,550 in all: Ashby Fold Neighbourhood Watch, £750, Signs, leaflets and first-year training for a new watch group;"
                                + " Kettlesby Village Hall, £800, Lighting and a shelter at the Kettlesby Green bus stop.");
        assertThat(atom).doesNotContain("PV3M-7XAY", "more-bids-than-money", "declin");

        String ics = site.text("/deadlines.ics");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART:20300426T150000Z\r\n",
                "UID:lit-lanes-2030-closes@funding.example.org", "PRODID:-//Northmoor PFCC//Community safety grants//EN");
        assertThat(ics.split("BEGIN:VEVENT")).hasSize(4);
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

        assertThat(site.text("/sitemap.xml")).contains("<loc>https://funding.example.org/</loc>",
                "<loc>https://funding.example.org/calls/</loc>", "<loc>https://funding.example.org/funds/safer-villages-fund.html</loc>")
                .doesNotContain("404.html");

        assertThat(site.text("/catalogue.json")).contains("\"id\" : \"lit-lanes-2030\"", "\"status\" : \"open\"")
                .doesNotContain("harbour-nights");
    }

    @Test
    void callShowsClosingSoonInItsLastWeek(@TempDir Path elsewhere) {
        Document call = bake(source, elsewhere, Instant.parse("2030-04-22T12:00:00Z")).page("/calls/lit-lanes-2030.html");

        assertThat(call.select(".tag").first().text()).isEqualTo("Closing soon");
        assertThat(call.select(".notice--deadline").text()).contains("This call closes within a week");
    }

    @Test
    void draftPreviewShowsDraftsMarkedAsDrafts(@TempDir Path preview) {
        SiteBaker.bake(new SiteBaker.Options(source, preview, "http://localhost:8080", NOW, true));

        BakedSite drafts = new BakedSite(preview);
        Document draft = drafts.page("/calls/harbour-nights-2030.html");
        assertThat(draft.select(".notice--draft").text()).contains("Draft preview");
        assertThat(draft.select("h1").text()).isEqualTo("Harbour nights");
        assertThat(drafts.page("/forms/youth-diversion/harbour-nights-2030.html").select(".notice--draft")).hasSize(1);
    }

    @Test
    void badCallFileFailsTheBakeNamingTheFileAndProblem(@TempDir Path work) throws IOException {
        String tooMuch = CallFile.open("Too much", "safer-villages-fund", LocalDateTime.parse("2030-03-01T09:00"), 9000).text();

        assertThatThrownBy(() -> bakeWith(work, "content/calls/too-much.md", tooMuch))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("content/calls/too-much.md: maxAward £9,000 is above the Safer Villages Grant's cap of £3,000");
        assertThat(work.resolve("site")).isEmptyDirectory();
    }

    /** Each slip once made a call vanish from the site with a green build; now each fails it, naming the file. */
    @Test
    void aCallFileThatCannotBeReadAsACallFailsTheBakeNamingTheFile(@TempDir Path work) throws IOException {
        String good = CallFile.open("Safer bus stops", "safer-villages-fund", LocalDateTime.parse("2030-03-01T09:00"), 900).text();
        List<List<String>> slips = List.of(
                List.of("no-separator.md", good.replace("~~~~~~\n", ""), "content/calls/no-separator.md: no ~~~~~~ line after the header"),
                List.of("wrong-type.md", good.replace("type=call", "type=Call"), "content/calls/wrong-type.md: type must be 'call', not 'Call'"),
                List.of("wrong-extension.txt", good, "content/calls/wrong-extension.txt: the site reads only Markdown files ending in .md"));
        for (List<String> slip : slips) {
            Path each = work.resolve(slip.get(0));

            assertThatThrownBy(() -> bakeWith(each, "content/calls/" + slip.get(0), slip.get(1))).as(slip.get(0))
                    .isInstanceOf(CatalogueException.class)
                    .hasMessageContaining(slip.get(2));
            assertThat(each.resolve("site")).isEmptyDirectory();
        }
    }

    @Test
    void aPageOfAKindTheSiteDoesNotHaveFailsTheBakeNamingTheFile(@TempDir Path work) throws IOException {
        assertThatThrownBy(() -> bakeWith(work, "content/news.md", "title=News\ntype=news\nstatus=published\n~~~~~~\nText.\n"))
                .isInstanceOf(SiteBaker.BakeException.class)
                .hasMessageContaining("content/news.md: type 'news' is not a kind of page the site has; use one of [call, calls, confirmation, decision, error404, form, fund, grants, home, message, page, privacy]");
        assertThat(work.resolve("site")).isEmptyDirectory();
    }

    @Test
    void brokenTemplateFailsTheBake(@TempDir Path work) throws IOException {
        assertThatThrownBy(() -> bakeWith(work, "templates/page.ftl", "<#ftl output_format=\"HTML\">${content.noSuchHeader.size}"))
                .isInstanceOf(SiteBaker.BakeException.class)
                .hasMessageContaining("Failed to render")
                .hasMessageContaining("with page.ftl");
    }

    /** Bakes a copy of the fixture with one file written into it, into {@code work/site}. */
    private static void bakeWith(Path work, String file, String text) throws IOException {
        Path changed = BakedSite.copyOf(source, work.resolve("source"));
        Files.writeString(changed.resolve(file), text);
        bake(changed, Files.createDirectories(work.resolve("site")), NOW);
    }
}
