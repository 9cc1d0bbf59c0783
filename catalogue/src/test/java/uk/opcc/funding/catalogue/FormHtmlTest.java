package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The form's pages and its check-your-answers page, as FormHtml renders them for the site and the intake. */
class FormHtmlTest {
    @TempDir
    static Path site;

    static FormDefinition form;

    @BeforeAll
    static void readForm() throws Exception {
        Files.createDirectories(site.resolve("data"));
        Files.createDirectories(site.resolve("content/calls"));
        Files.writeString(site.resolve("data/funds.yml"), CatalogueReaderTest.FUNDS);
        Files.writeString(site.resolve("data/forms.yml"), CatalogueReaderTest.SECTIONED_FORM);
        form = CatalogueReader.read(site).formFor("property-fund").orElseThrow();
    }

    static Map<String, List<String>> answers() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("organisationName", List.of("Eden <Valley> Watch"));
        answers.put("projectTitle", List.of("Speed watch"));
        answers.put("amount", List.of("1250.5"));
        return answers;
    }

    /** The opening tag of the element with this id, and whether it is hidden. */
    static String tag(String html, String id) {
        Matcher m = Pattern.compile("<[a-z]+ [^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("an element with id %s", id).isTrue();
        return m.group();
    }

    @Test
    void theSiteBakesTheFirstSectionShowingAndEveryOtherQuestionHidden() {
        String html = FormHtml.render(form, null, Optional.of(new BigDecimal("2500")), Map.of(), List.of());

        assertThat(tag(html, "section-your-organisation")).doesNotContain("hidden");
        assertThat(tag(html, "section-your-project")).contains(" hidden");
        assertThat(tag(html, "section-check")).contains(" hidden");
        assertThat(html).contains("<span class=\"caption\">Section 1 of 2</span>")
                .contains("<input type=\"hidden\" name=\"section\" value=\"your-organisation\">");
        // the first button, pressed by Enter, continues from the showing section; so does the section's own
        assertThat(html.substring(html.indexOf("<button"))).startsWith("<button type=\"submit\" class=\"button\" formaction=\"/api/forms/property-fund/sections#apply\" name=\"go\" value=\"your-project\" hidden>");
        assertThat(html).contains("formaction=\"/api/forms/property-fund/sections#apply\" name=\"go\" value=\"check\">Continue</button>");
        // the declaration is asked on the check page, not on a section's page
        assertThat(html.indexOf("id=\"declaration\"")).isGreaterThan(html.indexOf("id=\"section-check\""));
    }

    @Test
    void theCheckPageListsEveryAnswerBySectionWithAChangeButtonToItsQuestion() {
        String html = FormHtml.render(form, null, Optional.empty(), answers(), List.of(), FormHtml.Step.check());

        assertThat(tag(html, "section-check")).doesNotContain("hidden");
        assertThat(tag(html, "section-your-organisation")).contains(" hidden");
        assertThat(html).contains("<h3 class=\"heading-m\">Your organisation</h3>")
                .contains("<dt class=\"summary-list__key\">Name</dt><dd class=\"summary-list__value\">Eden &lt;Valley&gt; Watch</dd>")
                .contains("<dd class=\"summary-list__value\">£1,250.50</dd>")
                .contains("<button type=\"submit\" class=\"link-button\" formaction=\"/api/forms/property-fund/sections#projectTitle\" name=\"go\" value=\"your-project\">Change<span class=\"visually-hidden\"> Project title</span></button>")
                .contains("<h2 class=\"heading-m\">Now send your application</h2>");
        assertThat(tag(html, "section-check").length()).isPositive();
        assertThat(html.substring(html.indexOf("id=\"section-check\""))).as("the check page offers a copy, a button that posts nothing")
                .contains(FormHtml.PRINT_BUTTON).contains("<button type=\"button\" class=\"button button--secondary\" data-print hidden>");
        // every answer is still in its question, so any button posts them all
        assertThat(tag(html, "organisationName")).contains("value=\"Eden &lt;Valley&gt; Watch\"");
        assertThat(html.substring(html.indexOf("<button"))).startsWith("<button type=\"submit\" class=\"button\" hidden>Send application</button>");
        assertThat(html).contains("<input type=\"hidden\" name=\"section\" value=\"check\">")
                .contains("<button type=\"submit\" class=\"button\" data-prevent-double-click>Send application</button>");
    }

    @Test
    void aSectionReachedFromTheCheckPageContinuesBackToIt() {
        String html = FormHtml.render(form, null, Optional.empty(), answers(),
                List.of(new FormHtml.Error("organisationName", "Enter the name")), new FormHtml.Step("your-organisation", FormDefinition.CHECK));

        assertThat(tag(html, "section-your-organisation")).doesNotContain("hidden");
        assertThat(html).contains("<a href=\"#organisationName\">Enter the name</a>")
                .contains("formaction=\"/api/forms/property-fund/sections#apply\" name=\"go\" value=\"check\" hidden>Continue</button>");
        String organisation = html.substring(html.indexOf("id=\"section-your-organisation\""), html.indexOf("id=\"section-your-project\""));
        assertThat(organisation).contains("name=\"go\" value=\"check\">Continue</button>");
    }

    @Test
    void unansweredOptionalQuestionsSayNotAnsweredAndChoicesShowTheirWords() {
        Map<String, List<String>> answers = answers();
        answers.remove("projectTitle");

        String html = FormHtml.render(form, null, Optional.empty(), answers, List.of(), FormHtml.Step.check());

        assertThat(html).contains("<dt class=\"summary-list__key\">Project title</dt><dd class=\"summary-list__value\">Not answered</dd>");
    }

    @Test
    void theIntroductionIsWholeOnTheFirstPageAndFoldedOnLaterOnes() {
        String page = "<h1>Apply</h1>\n" + FormHtml.INTRODUCTION_START + "<div class=\"prose\"><p>Read the guidance</p></div>"
                + FormHtml.INTRODUCTION_END + "\n" + FormHtml.START + "<form></form>" + FormHtml.END;
        String second = form.pages().get(1).id();

        assertThat(FormHtml.introduction(page, form, FormHtml.Step.start(form))).isEqualTo(page);

        for (FormHtml.Step later : List.of(new FormHtml.Step(second, form.after(second)), FormHtml.Step.check())) {
            String folded = FormHtml.introduction(page, form, later);
            assertThat(folded).as(later.show()).contains("<details class=\"details form-introduction\">\n<summary class=\"details__summary\">About this form</summary>\n"
                    + "<div class=\"details__text\"><div class=\"prose\"><p>Read the guidance</p></div></div>\n</details>")
                    .doesNotContain("<details open").startsWith("<h1>Apply</h1>").endsWith(FormHtml.START + "<form></form>" + FormHtml.END);
        }
        assertThat(FormHtml.introduction("<p>no marks</p>", form, FormHtml.Step.check())).isEqualTo("<p>no marks</p>");
    }
}
