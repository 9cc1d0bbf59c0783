package uk.opcc.funding.function.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.site.FixtureAnswers.youthDiversion;
import static uk.opcc.funding.function.Fixtures.with;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.FormHtml;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.SameOrganisation;
import uk.opcc.funding.function.notify.StaffEmail;
import uk.opcc.funding.function.validation.FormValidator;
import uk.opcc.funding.function.validation.Problem;

/**
 * A whole-number question (the fixture's youth-diversion "How many young people will take part?"),
 * added with one class and a line of forms.yml: checked by the intake, then shown on the check page, in the
 * staff email and in the panel pack like every other answer.
 */
class HowManyPeopleBenefitTest {
    static final FormDefinition FORM = Fixtures.CATALOGUE.form(Fixtures.SHORT_FORM).orElseThrow();
    /** The form's own maximum. */
    static final Optional<BigDecimal> CAP = Optional.of(new BigDecimal("8000"));
    static final LocalDate TODAY = LocalDate.parse("2030-03-12");
    static final String LABEL = "How many young people will take part?";

    static List<Problem> problems(String typed) {
        return FormValidator.validate(FORM, with(youthDiversion(), "participants", typed), CAP, TODAY).problems();
    }

    @Test
    void theIntakeTakesAWholeNumberHoweverItIsTypedAndStoresItPlain() {
        FormValidator.Result result = FormValidator.validate(FORM, with(youthDiversion(), "participants", " 1,200 "), CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get("participants")).containsExactly("1200");
    }

    @Test
    void theIntakeRefusesNoAnswerAFractionAndTooFewInGovUkWords() {
        assertThat(problems("")).containsExactly(new Problem("participants", "required", "Enter how many young people will take part"));
        assertThat(problems("12.5")).containsExactly(new Problem("participants", "invalidWholeNumber",
                "How many young people will take part must be a whole number, like 25"));
        assertThat(problems("about twenty")).extracting(Problem::code).containsExactly("invalidWholeNumber");
        assertThat(problems("0")).containsExactly(new Problem("participants", "numberTooSmall", "How many young people will take part must be 1 or more"));
        assertThat(problems("5001")).containsExactly(new Problem("participants", "numberTooLarge",
                "How many young people will take part must be 5000 or fewer"));
        assertThat(problems("5000")).isEmpty();
    }

    @Test
    void theCheckPageShowsItAsPeopleReadANumber() {
        String html = FormHtml.render(FORM, null, CAP, with(youthDiversion(), "participants", "1200"), List.of(), FormHtml.Step.check());

        Document page = Jsoup.parse(html);
        Element key = page.select("#section-check dt").stream().filter(dt -> dt.text().equals(LABEL)).findFirst().orElseThrow();
        assertThat(key.nextElementSibling().text()).isEqualTo("1,200");
        assertThat(page.getElementById("participants").attr("inputmode")).isEqualTo("numeric");
    }

    @Test
    void theStaffEmailAndThePanelPackCarryIt() throws IOException {
        Map<String, List<String>> stored = with(youthDiversion(), "participants", "1200");
        Application application = new Application("KX7P-M2RD", Fixtures.SHORT_FORM, Fixtures.SHORT_FUND, null, "YD-2030-SPRING", Fixtures.NOW, stored, 0);

        String text = StaffEmail.compose(application, Fixtures.CATALOGUE, "grants@example.gov.uk", new SameOrganisation.Earlier(List.of(), 0), 0).text();
        assertThat(text).contains(LABEL + ":\n    1,200");

        Fund fund = Fixtures.CATALOGUE.fund(Fixtures.SHORT_FUND).orElseThrow();
        PanelPack pack = PanelPack.compose(Fixtures.CATALOGUE, fund, fund.round("YD-2030-SPRING").orElseThrow(), FORM, List.of(application),
                "grants@example.gov.uk", false);
        List<List<String>> rows = PackCsvTest.parse(pack.csv());
        assertThat(rows.get(1).get(rows.get(0).indexOf(LABEL))).isEqualTo("1200");
    }
}
