package uk.opcc.funding.function.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.function.LegacyFixtures.propertyFundAnswers;
import static uk.opcc.funding.function.Fixtures.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.question.Posted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.function.LegacyFixtures;

class FormValidatorTest {
    static final FormDefinition FORM = LegacyFixtures.CATALOGUE.form("property-fund").orElseThrow();
    static final Optional<BigDecimal> CAP = Optional.of(new BigDecimal("2500"));
    static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    static List<Problem> problems(Map<String, List<String>> answers) {
        return FormValidator.validate(FORM, answers, CAP, TODAY).problems();
    }

    static Problem onlyProblem(Map<String, List<String>> answers) {
        List<Problem> problems = problems(answers);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    static void assertAcceptedAndKeptAs(String field, String typed, String kept) {
        FormValidator.Result result = FormValidator.validate(FORM, with(propertyFundAnswers(), field, typed), CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get(field)).containsExactly(kept);
    }

    @Test
    void acceptsACompleteApplicationAndTidiesIt() {
        FormValidator.Result result = FormValidator.validate(FORM, propertyFundAnswers(), CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get("postcode")).containsExactly("CA11 7BS");
        assertThat(result.answers()).doesNotContainKey("addressLine2");
    }

    @Test
    void listsEveryMissingAnswerAtOnceInFormOrder() {
        List<Problem> problems = problems(Map.of());

        assertThat(problems).extracting(Problem::field).startsWith("organisationName", "organisationType", "addressLine1")
                .doesNotContain("addressLine2").contains("officerName", "officerCollarNumber", "officerStation", "declaration");
        assertThat(problems).first().isEqualTo(new Problem("organisationName", "required", "Enter the name of your organisation"));
        assertThat(problems).filteredOn(p -> p.field().equals("organisationType")).first()
                .extracting(Problem::message).isEqualTo("Select the type of organisation");
    }

    @Test
    void requiresTheSupportingOfficerOnThePropertyFund() {
        Problem problem = onlyProblem(with(propertyFundAnswers(), "officerCollarNumber"));
        assertThat(problem).isEqualTo(new Problem("officerCollarNumber", "required", "Enter the collar number of the supporting officer"));
    }

    @Test
    void rejectsAnAmountAboveTheCap() {
        Problem problem = onlyProblem(with(propertyFundAnswers(), "amount", "2500.01"));
        assertThat(problem.code()).isEqualTo("amountTooLarge");
        assertThat(problem.message()).isEqualTo("The amount you are applying for must be £2,500 or less");
    }

    @Test
    void acceptsAnAmountExactlyAtTheCap() {
        assertThat(problems(with(propertyFundAnswers(), "amount", "2500"))).isEmpty();
        assertThat(problems(with(propertyFundAnswers(), "amount", "2500.00"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"£1,850|1850", "1,850|1850", "1,850.00|1850", "' 1850 '|1850", "£2,500|2500", "£ 1250.5|1250.50"})
    void acceptsAmountsAsPeopleTypeThemAndKeepsThemInOneForm(String typed, String kept) {
        assertAcceptedAndKeptAs("amount", typed, kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,85", "-5", "2500.001", "12e3", "one thousand", "0x10", " 5 5", "$100"})
    void rejectsAmountsThatAreNotPoundsAndPence(String amount) {
        Problem problem = onlyProblem(with(propertyFundAnswers(), "amount", amount));
        assertThat(problem.code()).isEqualTo("invalidAmount");
        assertThat(problem.message()).isEqualTo("Enter the amount you are applying for in pounds and pence, like 1250 or £1,250.50");
    }

    @Test
    void rejectsAnAmountTypedWithCommasAboveTheCap() {
        assertThat(onlyProblem(with(propertyFundAnswers(), "amount", "£2,500.01")).code()).isEqualTo("amountTooLarge");
    }

    @Test
    void rejectsANilAmount() {
        assertThat(onlyProblem(with(propertyFundAnswers(), "amount", "0.00")).code()).isEqualTo("amountTooSmall");
    }

    @Test
    void rejectsLineBreaksInOneLineAnswersButNotInLongAnswers() {
        assertThat(onlyProblem(with(propertyFundAnswers(), "organisationName", "Eden\r\nBcc: x@example.com")))
                .isEqualTo(new Problem("organisationName", "lineBreaks", "The name of your organisation must be on one line"));
        assertThat(problems(with(propertyFundAnswers(), "projectDescription", "Line one.\r\nLine two."))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Under-5s <3 football", "Ages <16 & their parents", "<script>alert(1)</script>", "Hello <b>there</b>", "<!-- x -->"})
    void acceptsAnyPlainTextAndKeepsItAsTyped(String text) {
        // Pages and emails escape every answer; refusing "<" would only refuse people.
        FormValidator.Result result = FormValidator.validate(FORM,
                with(with(propertyFundAnswers(), "projectTitle", text), "projectDescription", text), CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get("projectTitle")).containsExactly(text);
        assertThat(result.answers().get("projectDescription")).containsExactly(text);
    }

    @Test
    void acceptsEverydayPunctuationThatIsNotHtml() {
        assertThat(problems(with(propertyFundAnswers(), "organisationName", "Tom & Jerry's Club (Penrith) < 5 miles > 2 miles"))).isEmpty();
    }

    @Test
    void rejectsControlCharacters() {
        assertThat(onlyProblem(with(propertyFundAnswers(), "projectTitle", "Speed\u0000watch")).code()).isEqualTo("invalidCharacters");
    }

    @Test
    void rejectsAnswersLongerThanTheirLimit() {
        Problem problem = onlyProblem(with(propertyFundAnswers(), "projectTitle", "x".repeat(121)));
        assertThat(problem).isEqualTo(new Problem("projectTitle", "tooLong", "A project title must be 120 characters or fewer"));
        assertThat(problems(with(propertyFundAnswers(), "projectTitle", "x".repeat(120)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sam", "sam@", "@example.org", "sam@example", "sam jones@example.org", "sam@example.org\nBcc: x@y.z"})
    void rejectsEmailAddressesInTheWrongFormat(String email) {
        assertThat(onlyProblem(with(propertyFundAnswers(), "email", email)).message())
                .isEqualTo("Enter an email address in the correct format, like name@example.com");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"01632960001|01632960001", "07700 900 982|07700900982", "07700-900-982|07700900982",
            "+44 808 157 0192|08081570192", "+44 (0)7700 900982|07700900982", "0044 7700 900982|07700900982",
            "(01768) 217734|01768217734", "016977 3456|0169773456", "+33 1 23 45 67 89|+33123456789"})
    void acceptsUkAndInternationalPhoneNumbersAndKeepsThemInOneForm(String typed, String kept) {
        assertAcceptedAndKeptAs("phone", typed, kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 90098", "077009009821", "+44 7700 90098", "020 7946 000", "020 7946 00000", "0044", "+44", "+44 0",
            "12345", "phone me", "0161", "0600 123 4567", "+0 1234 56789", "+1 555"})
    void rejectsPhoneNumbersOfTheWrongLengthOrThatCannotBeDialled(String phone) {
        assertThat(onlyProblem(with(propertyFundAnswers(), "phone", phone)))
                .isEqualTo(new Problem("phone", "invalidPhone", "Enter a full telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"CA10 2AU|CA10 2AU", "ca102au|CA10 2AU", "ca1  1ab|CA1 1AB", "' CA11 7BS '|CA11 7BS", "sw1a1aa|SW1A 1AA", "M1 1AE|M1 1AE"})
    void acceptsRealPostcodesHoweverTheyAreSpacedAndKeepsThemInOneForm(String typed, String kept) {
        assertAcceptedAndKeptAs("postcode", typed, kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Penrith", "CA1 1A", "1CA 1AB", "CA1 1AB 2"})
    void rejectsSomethingThatIsNotAPostcode(String postcode) {
        assertThat(onlyProblem(with(propertyFundAnswers(), "postcode", postcode)).message()).isEqualTo("Enter a real postcode");
    }

    @Test
    void rejectsAnOptionThatIsNotOnTheList() {
        assertThat(onlyProblem(with(propertyFundAnswers(), "organisationType", "company")).code()).isEqualTo("invalidOption");
        assertThat(onlyProblem(with(propertyFundAnswers(), "objectives", "objective-3", "objective-9")).code()).isEqualTo("invalidOption");
    }

    @Test
    void rejectsTwoAnswersToAOneAnswerQuestion() {
        assertThat(onlyProblem(with(propertyFundAnswers(), "organisationType", "school", "charity")).code()).isEqualTo("singleAnswer");
    }

    @Test
    void requiresTheDeclaration() {
        assertThat(onlyProblem(with(propertyFundAnswers(), "declaration", "no")))
                .isEqualTo(new Problem("declaration", "required", "Tick the box to confirm the declaration"));
    }

    @Test
    void rejectsImpossibleDates() {
        assertThat(onlyProblem(with(propertyFundAnswers(), "startDate", "2027-02-30")).message())
                .isEqualTo("The project start date must be a real date, like 27 3 2027");
    }

    @Test
    void readsDatesFromDayMonthAndYearBoxes() {
        var answers = with(with(with(with(propertyFundAnswers(), "startDate"), "startDate-day", "1"), "startDate-month", "2"), "startDate-year", "2027");

        FormValidator.Result result = FormValidator.validate(FORM, answers, CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get("startDate")).containsExactly("2027-02-01");
    }

    @Test
    void rejectsDateBoxesThatAreNotARealDateAndKeepsWhatWasTyped() {
        var answers = with(with(with(with(propertyFundAnswers(), "startDate"), "startDate-day", "31"), "startDate-month", "2"), "startDate-year", "27");

        assertThat(onlyProblem(answers).code()).isEqualTo("invalidDate");
        var startDate = FORM.field("startDate").orElseThrow().question();
        assertThat(startDate.read("startDate", answers)).isEqualTo(new Posted.DateParts("31", "2", "27"));
        assertThat(startDate.read("startDate", with(answers, "startDate-year", ""))).isEqualTo(new Posted.DateParts("31", "2", ""));
    }

    @Test
    void emptyDateBoxesAreAMissingAnswer() {
        var answers = with(with(with(with(propertyFundAnswers(), "startDate"), "startDate-day", ""), "startDate-month", ""), "startDate-year", "");
        assertThat(onlyProblem(answers).code()).isEqualTo("required");
    }

    @Test
    void startDateMayBeTodayButNotBefore() {
        assertThat(problems(with(propertyFundAnswers(), "startDate", "2026-11-24"))).isEmpty();
        assertThat(onlyProblem(with(propertyFundAnswers(), "startDate", "2026-11-23")).code()).isEqualTo("dateInPast");
    }

    @Test
    void endDateMustComeAfterTheStartDate() {
        assertThat(onlyProblem(with(propertyFundAnswers(), "endDate", "2027-02-01")))
                .isEqualTo(new Problem("endDate", "dateNotAfter", "The project end date must be after the project start date"));
    }

    @Test
    void rejectsFieldsThatAreNotOnTheForm() {
        Problem problem = onlyProblem(with(propertyFundAnswers(), "favouriteColour", "blue"));
        assertThat(problem).isEqualTo(new Problem("favouriteColour", "unknownField", "This question is not part of this form"));
        assertThat(onlyProblem(with(propertyFundAnswers(), "<script>", "x")).field()).isEqualTo("unknown");
    }

    @Test
    void theVictimsSmallGrantFormRefusesAnAmountAboveItsMaximum() {
        FormDefinition victims = LegacyFixtures.CATALOGUE.form("victims-small-grant").orElseThrow();
        Optional<BigDecimal> cap = LegacyFixtures.CATALOGUE.amountCap(victims, null);

        FormValidator.Result result = FormValidator.validate(victims, Map.of("amount", List.of("999999999.99")), cap, TODAY);

        assertThat(result.problems()).filteredOn(p -> p.field().equals("amount")).singleElement()
                .isEqualTo(new Problem("amount", "amountTooLarge", "The amount you are applying for must be £5,000 or less"));
    }

    @Test
    void everyAmountQuestionInThePackagedCatalogueHasAMaximum() {
        for (FormDefinition form : LegacyFixtures.CATALOGUE.forms()) {
            assertThat(form.asksForMoney()).isTrue();
            assertThat(LegacyFixtures.CATALOGUE.amountCap(form, null)).as(form.id()).isPresent();
        }
    }
}
