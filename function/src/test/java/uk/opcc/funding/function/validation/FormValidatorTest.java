package uk.opcc.funding.function.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.function.Fixtures.answers;
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
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.Wiring;
import uk.opcc.funding.site.FixtureAnswers;

class FormValidatorTest {
    static final FormDefinition FORM = Fixtures.CATALOGUE.form(Fixtures.FORM).orElseThrow();
    /** The Safer Villages Grant's cap per grant. */
    static final Optional<BigDecimal> CAP = Optional.of(new BigDecimal("3000"));
    static final LocalDate TODAY = LocalDate.parse("2030-03-12");
    /** The short form, with an optional question and a supporting officer. */
    static final FormDefinition SHORT = Fixtures.CATALOGUE.form(Fixtures.SHORT_FORM).orElseThrow();

    static List<Problem> problems(Map<String, List<String>> answers) {
        return FormValidator.validate(FORM, answers, CAP, TODAY).problems();
    }

    static Problem onlyProblem(Map<String, List<String>> answers) {
        List<Problem> problems = problems(answers);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    static void assertAcceptedAndKeptAs(String field, String typed, String kept) {
        FormValidator.Result result = FormValidator.validate(FORM, with(answers(), field, typed), CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get(field)).containsExactly(kept);
    }

    @Test
    void acceptsACompleteApplicationAndTidiesIt() {
        FormValidator.Result result = FormValidator.validate(FORM, answers(), CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get("postcode")).containsExactly("NM2 7TQ");
    }

    @Test
    void leavesAnUnansweredOptionalQuestionOut() {
        FormValidator.Result result = FormValidator.validate(SHORT, FixtureAnswers.youthDiversion(), Fixtures.CATALOGUE.amountCap(SHORT, null), TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers()).doesNotContainKey("ageRange").containsKey("clubName");
    }

    @Test
    void listsEveryMissingAnswerAtOnceInFormOrder() {
        List<Problem> problems = problems(Map.of());

        assertThat(problems).extracting(Problem::field).startsWith("groupName", "groupType", "village")
                .contains("places", "amount", "costs", "declaration");
        assertThat(problems).first().isEqualTo(new Problem("groupName", "required", "Enter the name of your group"));
        assertThat(problems).filteredOn(p -> p.field().equals("groupType")).first()
                .extracting(Problem::message).isEqualTo("Select the kind of group");
        assertThat(FormValidator.validate(SHORT, Map.of(), Fixtures.CATALOGUE.amountCap(SHORT, null), TODAY).problems())
                .extracting(Problem::field).contains("participants", "officerName", "officerCollarNumber", "officerStation", "declaration")
                .doesNotContain("ageRange");
    }

    @Test
    void requiresTheSupportingOfficerOnAFormThatAsksForOne() {
        List<Problem> problems = FormValidator.validate(SHORT, with(FixtureAnswers.youthDiversion(), "officerCollarNumber"),
                Fixtures.CATALOGUE.amountCap(SHORT, null), TODAY).problems();
        assertThat(problems).containsExactly(new Problem("officerCollarNumber", "required", "Enter the collar or staff number of the supporting officer"));
    }

    @Test
    void refusesAnEndorserAddressAtAnyDomainButTheEndorsementsOwnNamingTheDomains() {
        var endorsement = Fixtures.CATALOGUE.fund(Fixtures.SHORT_FUND).orElseThrow().endorsement();
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>(FixtureAnswers.youthDiversion());
        answers.put("officerEmail", List.of("jo.marsh@gmail.example"));
        answers.put("inspectorEmail", List.of("sam@northmoor.police.example.attacker.example"));

        FormValidator.Result result = FormValidator.validate(SHORT, endorsement, answers, Fixtures.CATALOGUE.amountCap(SHORT, null), TODAY);

        assertThat(result.answers()).isEmpty();
        assertThat(result.problems()).containsExactly(
                new Problem("officerEmail", "endorserDomain", "Enter the work email address of the supporting officer ending in "
                        + "@northmoor.police.example or @northmoorfire.example: we can only email them at work"),
                new Problem("inspectorEmail", "endorserDomain", "Enter the work email address of the Inspector or Station Manager ending in "
                        + "@northmoor.police.example or @northmoorfire.example: we can only email them at work"));
        answers.put("officerEmail", List.of("Jo.Marsh@NorthmoorFire.example"));
        answers.put("inspectorEmail", List.of("sam.reid@northmoor.police.example"));
        assertThat(FormValidator.validate(SHORT, endorsement, answers, Fixtures.CATALOGUE.amountCap(SHORT, null), TODAY).problems()).isEmpty();
    }

    @Test
    void rejectsAnAmountAboveTheCap() {
        Problem problem = onlyProblem(with(answers(), "amount", "3000.01"));
        assertThat(problem.code()).isEqualTo("amountTooLarge");
        assertThat(problem.message()).isEqualTo("The amount you are asking for must be £3,000 or less");
    }

    @Test
    void acceptsAnAmountExactlyAtTheCap() {
        assertThat(problems(with(answers(), "amount", "3000"))).isEmpty();
        assertThat(problems(with(answers(), "amount", "3000.00"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"£1,850|1850", "1,850|1850", "1,850.00|1850", "' 1850 '|1850", "£3,000|3000", "£ 1250.5|1250.50"})
    void acceptsAmountsAsPeopleTypeThemAndKeepsThemInOneForm(String typed, String kept) {
        assertAcceptedAndKeptAs("amount", typed, kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,85", "-5", "2500.001", "12e3", "one thousand", "0x10", " 5 5", "$100"})
    void rejectsAmountsThatAreNotPoundsAndPence(String amount) {
        Problem problem = onlyProblem(with(answers(), "amount", amount));
        assertThat(problem.code()).isEqualTo("invalidAmount");
        assertThat(problem.message()).isEqualTo("Enter the amount you are asking for in pounds and pence, like 1250 or £1,250.50");
    }

    @Test
    void rejectsAnAmountTypedWithCommasAboveTheCap() {
        assertThat(onlyProblem(with(answers(), "amount", "£3,000.01")).code()).isEqualTo("amountTooLarge");
    }

    @Test
    void rejectsANilAmount() {
        assertThat(onlyProblem(with(answers(), "amount", "0.00")).code()).isEqualTo("amountTooSmall");
    }

    @Test
    void rejectsLineBreaksInOneLineAnswersButNotInLongAnswers() {
        assertThat(onlyProblem(with(answers(), "groupName", "Moorside\r\nBcc: x@example.com")))
                .isEqualTo(new Problem("groupName", "lineBreaks", "The name of your group must be on one line"));
        assertThat(problems(with(answers(), "projectDescription", "Line one.\r\nLine two."))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Under-5s <3 football", "Ages <16 & their parents", "<script>alert(1)</script>", "Hello <b>there</b>", "<!-- x -->"})
    void acceptsAnyPlainTextAndKeepsItAsTyped(String text) {
        // Pages and emails escape every answer; refusing "<" would only refuse people.
        FormValidator.Result result = FormValidator.validate(FORM,
                with(with(answers(), "projectTitle", text), "projectDescription", text), CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get("projectTitle")).containsExactly(text);
        assertThat(result.answers().get("projectDescription")).containsExactly(text);
    }

    @Test
    void acceptsEverydayPunctuationThatIsNotHtml() {
        assertThat(problems(with(answers(), "groupName", "Tom & Jerry's Club (Moorbridge) < 5 miles > 2 miles"))).isEmpty();
    }

    @Test
    void rejectsControlCharacters() {
        assertThat(onlyProblem(with(answers(), "projectTitle", "Sheep\u0000Lane")).code()).isEqualTo("invalidCharacters");
    }

    @Test
    void rejectsAnswersLongerThanTheirLimit() {
        Problem problem = onlyProblem(with(answers(), "projectTitle", "x".repeat(121)));
        assertThat(problem).isEqualTo(new Problem("projectTitle", "tooLong", "A project title must be 120 characters or fewer"));
        assertThat(problems(with(answers(), "projectTitle", "x".repeat(120)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sam", "sam@", "@example.org", "sam@example", "sam jones@example.org", "sam@example.org\nBcc: x@y.z"})
    void rejectsEmailAddressesInTheWrongFormat(String email) {
        assertThat(onlyProblem(with(answers(), "email", email)).message())
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
        assertThat(onlyProblem(with(answers(), "phone", phone)))
                .isEqualTo(new Problem("phone", "invalidPhone", "Enter a full telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"CA10 2AU|CA10 2AU", "ca102au|CA10 2AU", "ca1  1ab|CA1 1AB", "' CA11 7BS '|CA11 7BS", "sw1a1aa|SW1A 1AA", "M1 1AE|M1 1AE"})
    void acceptsRealPostcodesHoweverTheyAreSpacedAndKeepsThemInOneForm(String typed, String kept) {
        assertAcceptedAndKeptAs("postcode", typed, kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Moorbridge", "CA1 1A", "1CA 1AB", "CA1 1AB 2"})
    void rejectsSomethingThatIsNotAPostcode(String postcode) {
        assertThat(onlyProblem(with(answers(), "postcode", postcode)).message()).isEqualTo("Enter a real postcode");
    }

    @Test
    void rejectsAnOptionThatIsNotOnTheList() {
        assertThat(onlyProblem(with(answers(), "groupType", "company")).code()).isEqualTo("invalidOption");
        assertThat(onlyProblem(with(answers(), "places", "lanes", "rooftops")).code()).isEqualTo("invalidOption");
    }

    @Test
    void rejectsTwoAnswersToAOneAnswerQuestion() {
        assertThat(onlyProblem(with(answers(), "groupType", "parish-council", "village-hall")).code()).isEqualTo("singleAnswer");
    }

    @Test
    void requiresTheDeclaration() {
        assertThat(onlyProblem(with(answers(), "declaration", "no")))
                .isEqualTo(new Problem("declaration", "required", "Tick the box to confirm the declaration"));
    }

    @Test
    void rejectsImpossibleDates() {
        assertThat(onlyProblem(with(answers(), "startDate", "2030-02-30")).message())
                .isEqualTo("The start date must be a real date, like 27 3 2027");
    }

    @Test
    void readsDatesFromDayMonthAndYearBoxes() {
        var answers = with(with(with(with(answers(), "startDate"), "startDate-day", "1"), "startDate-month", "6"), "startDate-year", "2030");

        FormValidator.Result result = FormValidator.validate(FORM, answers, CAP, TODAY);

        assertThat(result.problems()).isEmpty();
        assertThat(result.answers().get("startDate")).containsExactly("2030-06-01");
    }

    @Test
    void rejectsDateBoxesThatAreNotARealDateAndKeepsWhatWasTyped() {
        var answers = with(with(with(with(answers(), "startDate"), "startDate-day", "31"), "startDate-month", "2"), "startDate-year", "27");

        assertThat(onlyProblem(answers).code()).isEqualTo("invalidDate");
        var startDate = FORM.field("startDate").orElseThrow().question();
        assertThat(startDate.read("startDate", answers)).isEqualTo(new Posted.DateParts("31", "2", "27"));
        assertThat(startDate.read("startDate", with(answers, "startDate-year", ""))).isEqualTo(new Posted.DateParts("31", "2", ""));
    }

    @Test
    void emptyDateBoxesAreAMissingAnswer() {
        var answers = with(with(with(with(answers(), "startDate"), "startDate-day", ""), "startDate-month", ""), "startDate-year", "");
        assertThat(onlyProblem(answers).code()).isEqualTo("required");
    }

    @Test
    void startDateMayBeTodayButNotBefore() {
        assertThat(problems(with(answers(), "startDate", "2030-03-12"))).isEmpty();
        assertThat(onlyProblem(with(answers(), "startDate", "2030-03-11")).code()).isEqualTo("dateInPast");
    }

    @Test
    void endDateMustComeAfterTheStartDate() {
        String startDate = answers().get("startDate").get(0);
        assertThat(onlyProblem(with(answers(), "endDate", startDate)))
                .isEqualTo(new Problem("endDate", "dateNotAfter", "The end date must be after the start date"));
    }

    @Test
    void rejectsFieldsThatAreNotOnTheForm() {
        Problem problem = onlyProblem(with(answers(), "favouriteColour", "blue"));
        assertThat(problem).isEqualTo(new Problem("favouriteColour", "unknownField", "This question is not part of this form"));
        assertThat(onlyProblem(with(answers(), "<script>", "x")).field()).isEqualTo("unknown");
    }

    @Test
    void aFormWithAMaximumOfItsOwnRefusesAnAmountAboveIt() {
        Optional<BigDecimal> cap = Fixtures.CATALOGUE.amountCap(SHORT, null);

        FormValidator.Result result = FormValidator.validate(SHORT, Map.of("amount", List.of("999999999.99")), cap, TODAY);

        assertThat(result.problems()).filteredOn(p -> p.field().equals("amount")).singleElement()
                .isEqualTo(new Problem("amount", "amountTooLarge", "The amount you are asking for must be £8,000 or less"));
    }

    @Test
    void everyAmountQuestionInThePackagedCatalogueHasAMaximum() {
        // the real content, read generically: whatever funds it holds, no amount question is unbounded
        uk.opcc.funding.catalogue.Catalogue packaged = Wiring.catalogue();
        assertThat(packaged.forms()).isNotEmpty();
        for (FormDefinition form : packaged.forms()) {
            assertThat(form.asksForMoney()).isTrue();
            assertThat(packaged.amountCap(form, null)).as(form.id()).isPresent();
        }
    }
}
