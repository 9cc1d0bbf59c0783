package uk.opcc.funding.function.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.function.LegacyFixtures.propertyFundAnswers;
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
import uk.opcc.funding.function.LegacyFixtures;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.SameOrganisation;
import uk.opcc.funding.function.notify.StaffEmail;
import uk.opcc.funding.function.validation.FormValidator;
import uk.opcc.funding.function.validation.Problem;

/**
 * The Property Fund's "How many people will benefit?", a whole-number question added with one
 * class and a line of forms.yml: checked by the intake, then shown on the check page, in the
 * staff email and in the panel pack like every other answer.
 */
class HowManyPeopleBenefitTest {
    static final FormDefinition FORM = LegacyFixtures.CATALOGUE.form("property-fund").orElseThrow();
    static final Optional<BigDecimal> CAP = Optional.of(new BigDecimal("2500"));
    static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    static List<Problem> problems(String typed) {
        return FormValidator.validate(FORM, with(propertyFundAnswers(), "beneficiaries", typed), CAP, TODAY).problems();
    }

    @Test
    void theIntakeTakesAWholeNumberHoweverItIsTypedAndStoresItPlain() {
        FormValidator.Result result = FormValidator.validate(FORM, with(propertyFundAnswers(), "beneficiaries", " 1,200 "), CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get("beneficiaries")).containsExactly("1200");
    }

    @Test
    void theIntakeRefusesNoAnswerAFractionAndTooFewInGovUkWords() {
        assertThat(problems("")).containsExactly(new Problem("beneficiaries", "required", "Enter how many people will benefit"));
        assertThat(problems("12.5")).containsExactly(new Problem("beneficiaries", "invalidWholeNumber",
                "How many people will benefit must be a whole number, like 25"));
        assertThat(problems("about twenty")).extracting(Problem::code).containsExactly("invalidWholeNumber");
        assertThat(problems("0")).containsExactly(new Problem("beneficiaries", "numberTooSmall", "How many people will benefit must be 1 or more"));
        assertThat(problems("1000001")).containsExactly(new Problem("beneficiaries", "numberTooLarge",
                "How many people will benefit must be 1000000 or fewer"));
    }

    @Test
    void theCheckPageShowsItAsPeopleReadANumber() {
        String html = FormHtml.render(FORM, null, CAP, with(propertyFundAnswers(), "beneficiaries", "1200"), List.of(), FormHtml.Step.check());

        Document page = Jsoup.parse(html);
        Element key = page.select("#section-check dt").stream().filter(dt -> dt.text().equals("How many people will benefit?")).findFirst().orElseThrow();
        assertThat(key.nextElementSibling().text()).isEqualTo("1,200");
        assertThat(page.getElementById("beneficiaries").attr("inputmode")).isEqualTo("numeric");
    }

    @Test
    void theStaffEmailAndThePanelPackCarryIt() throws IOException {
        Map<String, List<String>> stored = with(propertyFundAnswers(), "beneficiaries", "1200");
        Application application = new Application("KX7P-M2RD", "property-fund", "property-fund", null, "2026-27-Q3", LegacyFixtures.NOW, stored, 0);

        String text = StaffEmail.compose(application, LegacyFixtures.CATALOGUE, "grants@example.gov.uk", new SameOrganisation.Earlier(List.of(), 0), 0).text();
        assertThat(text).contains("How many people will benefit?:\n    1,200");

        Fund fund = LegacyFixtures.CATALOGUE.fund("property-fund").orElseThrow();
        PanelPack pack = PanelPack.compose(LegacyFixtures.CATALOGUE, fund, fund.round("2026-27-Q3").orElseThrow(), FORM, List.of(application),
                "grants@example.gov.uk", false);
        List<List<String>> rows = PackCsvTest.parse(pack.csv());
        assertThat(rows.get(1).get(rows.get(0).indexOf("How many people will benefit?"))).isEqualTo("1200");
    }
}
