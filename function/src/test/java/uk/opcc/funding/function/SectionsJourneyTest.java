package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.engines.Events;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/**
 * The journey without JavaScript, through the handler: each page's form is read back from the
 * HTML the intake answered with and posted as a browser would, by the button a person presses.
 * No session: every answer travels in the form.
 */
class SectionsJourneyTest {
    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final IntakeHandler handler = new IntakeHandler(new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, Reference::next),
            FixtureForms.pages(), Fixtures.TOKENS);

    /** The baked first page: every question there, empty, the first section showing. */
    Document firstPage() {
        return Jsoup.parse(FixtureForms.pages().render(Fixtures.FORM, Map.of(), List.of(),
                uk.opcc.funding.catalogue.FormHtml.Step.start(Fixtures.CATALOGUE.form(Fixtures.FORM).orElseThrow())).orElseThrow());
    }

    @Test
    void fillsEverySectionChecksChangesAnAnswerAndSendsWithNothingStoredBeforeSending() {
        Map<String, List<String>> answers = Fixtures.answers();
        Document page = firstPage();
        List<String> sections = new ArrayList<>();
        while (!showing(page).equals("section-check")) {
            sections.add(showing(page));
            fill(page, showing(page), answers);
            APIGatewayV2HTTPResponse response = press(page, continueButton(page));
            assertThat(response.getStatusCode()).as("leaving %s", sections.get(sections.size() - 1)).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("Cache-Control", "private, no-cache");
            page = Jsoup.parse(response.getBody());
            assertThat(store.applications).isEmpty();
        }
        assertThat(sections).containsExactly("section-your-group", "section-contact", "section-the-project",
                "section-money-and-dates");
        assertThat(page.title()).startsWith("Check your answers – Apply for a Safer Villages Grant");
        assertThat(value(page, "Project title")).isEqualTo("Lights on Sheep Lane");
        assertThat(value(page, "What kind of group is it?")).isEqualTo("Neighbourhood watch group");
        assertThat(value(page, "How much are you asking for?")).isEqualTo("£1,450");

        // Change the project title: back to its section, at the question, then straight back to the check page.
        page = Jsoup.parse(press(page, page.selectFirst("button.link-button[formaction$=#projectTitle]")).getBody());
        assertThat(showing(page)).isEqualTo("section-the-project");
        assertThat(page.getElementById("projectTitle").attr("value")).isEqualTo("Lights on Sheep Lane");
        assertThat(continueButton(page).attr("value")).isEqualTo("check");
        page.getElementById("projectTitle").attr("value", "Lights on Moor Road");
        page = Jsoup.parse(press(page, continueButton(page)).getBody());
        assertThat(showing(page)).isEqualTo("section-check");
        assertThat(value(page, "Project title")).isEqualTo("Lights on Moor Road");
        assertThat(store.applications).isEmpty();

        // Sent without the declaration: the check page again with its problem, kept for Back like every form page.
        APIGatewayV2HTTPResponse refused = press(page, page.selectFirst("#section-check button[data-prevent-double-click]"));
        assertThat(refused.getStatusCode()).isEqualTo(422);
        assertThat(refused.getHeaders()).containsEntry("Cache-Control", "private, no-cache");
        page = Jsoup.parse(refused.getBody());
        assertThat(showing(page)).isEqualTo("section-check");
        assertThat(store.applications).isEmpty();

        page.getElementById("declaration").attr("checked", true);
        APIGatewayV2HTTPResponse sent = press(page, page.selectFirst("#section-check button[data-prevent-double-click]"));

        assertThat(sent.getStatusCode()).isEqualTo(303);
        assertThat(store.applications).hasSize(1);
        var application = store.applications.values().iterator().next();
        assertThat(application.answers().get("projectTitle")).containsExactly("Lights on Moor Road");
        assertThat(application.answers().get("places")).containsExactly("lanes", "bus-stops");
        assertThat(application.answers().get("startDate")).isEqualTo(answers.get("startDate"));
    }

    @Test
    void leavingASectionWithProblemsShowsItAgainWithOnlyItsProblems() {
        Document page = firstPage();
        page.getElementById("groupName").attr("value", "Moorside Lanes Watch");

        APIGatewayV2HTTPResponse response = press(page, continueButton(page));

        assertThat(response.getStatusCode()).isEqualTo(422);
        Document again = Jsoup.parse(response.getBody());
        assertThat(showing(again)).isEqualTo("section-your-group");
        assertThat(again.title()).startsWith("Error: Your group – ");
        assertThat(again.select(".error-summary__list a").eachAttr("href"))
                .containsExactly("#groupType", "#village", "#postcode");
        assertThat(again.getElementById("groupName").attr("value")).isEqualTo("Moorside Lanes Watch");
        assertThat(continueButton(again).attr("value")).isEqualTo("contact");
    }

    @Test
    void theWayBackOnASectionGoesToTheOneBeforeCheckingNothingAndKeepingEveryAnswer() {
        Map<String, List<String>> answers = Fixtures.answers();
        Document page = firstPage();
        String first = showing(page);
        assertThat(page.select("#" + first + " .form-section__back")).as("no way back from the first section").isEmpty();
        fill(page, first, answers);
        page = Jsoup.parse(press(page, continueButton(page)).getBody());
        String second = showing(page);
        assertThat(second).isNotEqualTo(first);

        // the second section left unanswered: going back is not refused for it
        org.jsoup.nodes.Element back = page.selectFirst("#" + second + " .form-section__back button");
        assertThat(back.text()).startsWith("Back to ‘");
        APIGatewayV2HTTPResponse response = press(page, back);

        assertThat(response.getStatusCode()).isEqualTo(200);
        page = Jsoup.parse(response.getBody());
        assertThat(showing(page)).isEqualTo(first);
        assertThat(page.select("[data-error-summary]")).isEmpty();
        assertThat(page.getElementById("groupName").attr("value")).isEqualTo(answers.get("groupName").get(0));
        assertThat(continueButton(page).attr("value")).as("and on from there to the second again").isEqualTo(second.substring("section-".length()));
        assertThat(store.applications).isEmpty();
    }

    @Test
    void theFormsIntroductionIsWholeOnItsFirstPageAndFoldedOnEveryLaterOne() {
        Map<String, List<String>> answers = Fixtures.answers();
        Document page = firstPage();
        Element introduction = page.selectFirst("main .prose:has(a[href$=site-contact])");
        assertThat(introduction).as("the introduction, with its 'another format' link").isNotNull();
        assertThat(introduction.closest("details")).as("on the first page, not folded").isNull();
        assertThat(page.select("details.form-introduction")).isEmpty();

        List<String> later = new ArrayList<>();
        while (!showing(page).equals("section-check")) {
            fill(page, showing(page), answers);
            page = Jsoup.parse(press(page, continueButton(page)).getBody());
            later.add(showing(page));

            Element folded = page.selectFirst("details.form-introduction");
            assertThat(folded).as("%s: the introduction folded", showing(page)).isNotNull();
            assertThat(folded.hasAttr("open")).as("%s: closed", showing(page)).isFalse();
            assertThat(folded.selectFirst("summary").text()).isEqualTo("About this form");
            assertThat(folded.select(".prose a[href$=site-contact]")).as("%s: the 'another format' link still in it", showing(page)).hasSize(1);
            assertThat(page.select("main .prose:has(a[href$=site-contact])")).as("%s: and nowhere else", showing(page)).hasSize(1);
            // above the form, so the section's way back, "Section N of M" and heading follow one line after it
            assertThat(folded.nextElementSiblings().select("form[data-apply-form]")).isNotEmpty();
        }
        assertThat(later).as("every later page, the check page too").endsWith("section-check").hasSizeGreaterThan(1);
    }

    @Test
    void goingToTheCheckPageWithAnUnansweredSectionShowsThatSection() {
        Map<String, List<String>> answers = Fixtures.with(Fixtures.answers(), "phone");
        Map<String, List<String>> fields = new LinkedHashMap<>(answers);
        fields.put("section", List.of("money-and-dates"));
        fields.put("go", List.of("check"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.sections(Fixtures.FORM, fields), null);

        assertThat(response.getStatusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.getBody());
        assertThat(showing(page)).isEqualTo("section-contact");
        assertThat(page.select(".error-summary__list a").eachAttr("href")).containsExactly("#phone");
        assertThat(continueButton(page).attr("value")).isEqualTo("check");
    }

    @Test
    void sectionsRouteTakesOnlyFormPostsAndKnownOpenForms() {
        assertThat(handler.handleRequest(Events.sections("no-such-form", Map.of("go", List.of("check"))), null).getStatusCode()).isEqualTo(404);
        assertThat(handler.handleRequest(Events.sections(Fixtures.ENDED_FORM, Map.of("go", List.of("check"))), null).getStatusCode())
                .isEqualTo(410);
        var json = Events.json(Fixtures.FORM, Map.of("go", "check"));
        json.setRouteKey("POST /api/forms/{formId}/sections");
        assertThat(handler.handleRequest(json, null).getStatusCode()).isEqualTo(415);
        assertThat(store.applications).isEmpty();
    }

    // ---- a browser, in a few lines -------------------------------------------------------

    static String showing(Document page) {
        List<Element> shown = page.select("[data-section]:not([hidden])");
        assertThat(shown).hasSize(1);
        return shown.get(0).id();
    }

    static Element continueButton(Document page) {
        return page.selectFirst("[data-section]:not([hidden]) button.button[name=go]");
    }

    /** The summary list's answer to a question, as shown. */
    static String value(Document page, String question) {
        Element key = page.select("#section-check dt").stream().filter(dt -> dt.text().equals(question)).findFirst().orElseThrow();
        return key.nextElementSibling().text();
    }

    /** Types the answers to the questions in this section, as a person would: dates in three boxes. */
    static void fill(Document page, String sectionId, Map<String, List<String>> answers) {
        Element section = page.getElementById(sectionId);
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            String name = answer.getKey();
            if (section.selectFirst("[name=" + name + "], [name=" + name + "-day]") == null) {
                continue;
            }
            for (String value : answer.getValue()) {
                if (name.endsWith("Date")) {
                    java.time.LocalDate date = java.time.LocalDate.parse(value);
                    section.selectFirst("[name=" + name + "-day]").attr("value", String.valueOf(date.getDayOfMonth()));
                    section.selectFirst("[name=" + name + "-month]").attr("value", String.valueOf(date.getMonthValue()));
                    section.selectFirst("[name=" + name + "-year]").attr("value", String.valueOf(date.getYear()));
                    continue;
                }
                Element field = section.select("[name=" + name + "]").stream().filter(e -> value.equals(e.attr("value"))).findFirst()
                        .orElse(section.selectFirst("[name=" + name + "]"));
                switch (field.tagName().equals("textarea") ? "textarea" : field.attr("type")) {
                    case "radio", "checkbox" -> field.attr("checked", true);
                    case "textarea" -> field.text(value);
                    default -> field.attr("value", value);
                }
            }
        }
    }

    /** Posts the form as a browser does when this button is pressed: to its formaction, with its name and value. */
    APIGatewayV2HTTPResponse press(Document page, Element button) {
        Element form = page.selectFirst("form[data-apply-form]");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element field : form.select("input, textarea")) {
            String type = field.attr("type");
            if (field.attr("name").isEmpty() || (("checkbox".equals(type) || "radio".equals(type)) && !field.hasAttr("checked"))) {
                continue;
            }
            fields.computeIfAbsent(field.attr("name"), n -> new ArrayList<>())
                    .add(field.tagName().equals("textarea") ? field.wholeText() : field.attr("value"));
        }
        if (!button.attr("name").isEmpty()) {
            fields.put(button.attr("name"), List.of(button.attr("value")));
        }
        String action = button.hasAttr("formaction") ? button.attr("formaction") : form.attr("action");
        return handler.handleRequest(action.contains("/sections") ? Events.sections(Fixtures.FORM, fields) : Events.form(Fixtures.FORM, fields), null);
    }
}
