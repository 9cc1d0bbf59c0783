package uk.opcc.funding.catalogue.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.text.Wording;

/** Each kind of question on its own: how it reads a post, checks, tidies, shows and writes a CSV cell. */
class QuestionsTest {
    static final Checking CHECKING = new Checking(Optional.of(new BigDecimal("2500")), LocalDate.parse("2026-11-24"));
    static final List<FormField.Option> OPTIONS = List.of(new FormField.Option("a", "Apples"), new FormField.Option("b", "Bananas"));

    static FormField field(Question question) {
        return new FormField("answer", question, "The answer", null, "the answer", true, Optional.empty(), null, null);
    }

    static Optional<String> refused(Question question, String... values) {
        return question.check(field(question), List.of(values), CHECKING).map(Refusal::code);
    }

    static List<String> read(Question question, Map<String, List<String>> post) {
        return question.read("answer", post).values();
    }

    @Test
    void text() {
        TextQuestion text = new TextQuestion(5);
        assertThat(read(text, Map.of("answer", List.of("hello")))).containsExactly("hello");
        assertThat(refused(text, "hello")).isEmpty();
        assertThat(refused(text, "hello!")).contains("tooLong");
        assertThat(refused(text, "a\nb")).contains("lineBreaks");
        assertThat(refused(text, "😀😀😀😀😀")).as("characters as people count them").isEmpty();
        assertThat(text.tidy(List.of("hello"))).containsExactly("hello");
        assertThat(field(text).shown(List.of("hello"))).containsExactly("hello");
        assertThat(field(text).cell(List.of("hello"))).isEqualTo("hello");
    }

    @Test
    void textarea() {
        LongTextQuestion textarea = new LongTextQuestion(10);
        assertThat(refused(textarea, "one\ntwo")).isEmpty();
        assertThat(refused(textarea, "x".repeat(11))).contains("tooLong");
        assertThat(textarea.notes("answer")).isEqualTo("answer-info ");
        assertThat(field(textarea).shown(List.of("one\ntwo"))).containsExactly("one\ntwo");
        assertThat(field(textarea).cell(List.of("one\ntwo"))).isEqualTo("one\ntwo");
    }

    @Test
    void email() {
        EmailQuestion email = new EmailQuestion();
        assertThat(refused(email, "sam@example.org")).isEmpty();
        assertThat(refused(email, "sam at example")).contains("invalidEmail");
        assertThat(email.tidy(List.of("sam@example.org"))).containsExactly("sam@example.org");
        assertThat(field(email).shown(List.of("sam@example.org"))).containsExactly("sam@example.org");
        assertThat(field(email).cell(List.of("sam@example.org"))).isEqualTo("sam@example.org");
    }

    @Test
    void phone() {
        PhoneQuestion phone = new PhoneQuestion();
        assertThat(refused(phone, "+44 (0)7700 900982")).isEmpty();
        assertThat(refused(phone, "07700 90098")).contains("invalidPhone");
        assertThat(phone.tidy(List.of("+44 (0)7700 900982"))).containsExactly("07700900982");
        assertThat(field(phone).shown(List.of("07700900982"))).as("stored plain, shown spaced").containsExactly("07700 900982");
        assertThat(field(phone).cell(List.of("07700900982"))).as("spaced in the pack, so a spreadsheet keeps its 0").isEqualTo("07700 900982");
    }

    @Test
    void aPhoneNumberIsShownInTheGroupsOfTheUkNumberingPlan() {
        Map<String, String> spaced = new java.util.LinkedHashMap<>();
        spaced.put("07700900982", "07700 900982"); // mobile
        spaced.put("01768217734", "01768 217734"); // four-digit area code
        spaced.put("0176821773", "01768 21773"); // its nine-digit numbers
        spaced.put("01134960000", "0113 496 0000"); // 011x
        spaced.put("01614960000", "0161 496 0000"); // 01x1
        spaced.put("01768712345", "017687 12345"); // five-digit area code
        spaced.put("0169771234", "016977 1234"); // the one with nine-digit numbers
        spaced.put("02079460018", "020 7946 0018"); // 02x
        spaced.put("02920180000", "029 2018 0000");
        spaced.put("05612345678", "056 1234 5678");
        spaced.put("07012345678", "070 1234 5678"); // personal numbers, not mobiles
        spaced.put("03001234567", "0300 123 4567");
        spaced.put("08081570192", "0808 157 0192");
        spaced.put("0800123456", "0800 123 456"); // nine-digit freephone
        spaced.put("09098790000", "0909 879 0000");
        spaced.put("+447700900982", "07700 900982"); // a UK number however it came
        spaced.put("+33123456789", "+33123456789"); // abroad: groups differ by country, so as stored
        spaced.put("not a number", "not a number");
        spaced.forEach((stored, shown) -> assertThat(PhoneNumber.spaced(stored)).as(stored).isEqualTo(shown));
    }

    @Test
    void postcode() {
        PostcodeQuestion postcode = new PostcodeQuestion();
        assertThat(refused(postcode, "ca117bs")).isEmpty();
        assertThat(refused(postcode, "Penrith")).contains("invalidPostcode");
        assertThat(postcode.tidy(List.of("ca11  7bs"))).containsExactly("CA11 7BS");
        assertThat(field(postcode).shown(List.of("CA11 7BS"))).containsExactly("CA11 7BS");
        assertThat(field(postcode).cell(List.of("CA11 7BS"))).isEqualTo("CA11 7BS");
    }

    @Test
    void money() {
        MoneyQuestion money = new MoneyQuestion();
        assertThat(refused(money, "£1,850")).isEmpty();
        assertThat(refused(money, "1,85")).contains("invalidAmount");
        assertThat(refused(money, "0")).contains("amountTooSmall");
        assertThat(money.check(field(money), List.of("2500.01"), CHECKING)).contains(new Refusal("amountTooLarge", Map.of("cap", "£2,500")));
        assertThat(money.tidy(List.of("£1,850.50"))).containsExactly("1850.50");
        assertThat(money.hint(field(money), CHECKING.cap())).isEqualTo("You can apply for up to £2,500.");
        assertThat(field(money).shown(List.of("1850.50"))).containsExactly("£1,850.50");
        assertThat(money.heading(field(money))).isEqualTo("The answer (£)");
        assertThat(field(money).cell(List.of("1850.50"))).as("a plain number a spreadsheet can add up").isEqualTo("1850.50");
    }

    @Test
    void date() {
        DateQuestion date = new DateQuestion("today", null);
        assertThat(read(date, Map.of("answer-day", List.of("1"), "answer-month", List.of("2"), "answer-year", List.of("2027"))))
                .containsExactly("2027-02-01");
        assertThat(date.read("answer", Map.of("answer-day", List.of("31"), "answer-month", List.of("2"), "answer-year", List.of("2027"))))
                .as("a date that does not exist keeps its parts").isEqualTo(new Posted.DateParts("31", "2", "2027"));
        assertThat(read(date, Map.of("answer", List.of("2027-02-01"), "answer-day", List.of(""), "answer-month", List.of(""))))
                .as("empty boxes leave a JSON caller's date").containsExactly("2027-02-01");
        assertThat(date.postedNames("answer")).containsExactlyInAnyOrder("answer", "answer-day", "answer-month", "answer-year");
        assertThat(refused(date, "2026-11-24")).isEmpty();
        assertThat(refused(date, "2026-11-23")).contains("dateInPast");
        assertThat(refused(date, "31/2/2027")).contains("invalidDate");
        assertThat(refused(date, "2027-02-30")).contains("invalidDate");
        assertThat(field(date).shown(List.of("2027-02-01"))).containsExactly("1 February 2027");
        assertThat(field(date).shown(List.of("31/2/2027"))).containsExactly("31/2/2027");
        assertThat(field(date).cell(List.of("2027-02-01"))).isEqualTo("2027-02-01");
    }

    @Test
    void aDateTakesTheMonthByNameOrItsFirstThreeLettersInAnyCase() {
        DateQuestion date = new DateQuestion(null, null);
        for (String month : List.of("March", "march", "MARCH", "Mar", "mar", "MAR", "3", "03")) {
            assertThat(read(date, Map.of("answer-day", List.of("27"), "answer-month", List.of(month), "answer-year", List.of("2027"))))
                    .as(month).containsExactly("2027-03-27");
        }
        assertThat(read(date, Map.of("answer-day", List.of("1"), "answer-month", List.of(" Sept "), "answer-year", List.of("2027"))))
                .containsExactly("2027-09-01");
        assertThat(read(date, Map.of("answer-day", List.of("1"), "answer-month", List.of("sep"), "answer-year", List.of("2027"))))
                .containsExactly("2027-09-01");
        for (String notAMonth : List.of("Ma", "Marc", "Marchh", "13", "0", "Mär", "M4r")) {
            assertThat(date.read("answer", Map.of("answer-day", List.of("27"), "answer-month", List.of(notAMonth), "answer-year", List.of("2027"))))
                    .as(notAMonth + " keeps its parts, to be refused as not a real date")
                    .isEqualTo(new Posted.DateParts("27", notAMonth, "2027"));
        }
        assertThat(date.read("answer", Map.of("answer-day", List.of("30"), "answer-month", List.of("feb"), "answer-year", List.of("2027"))))
                .as("a month by name still makes a real date or none").isEqualTo(new Posted.DateParts("30", "feb", "2027"));
        StringBuilder html = new StringBuilder();
        date.draw(html, new Drawing(field(date), new Posted.DateParts("30", "feb", "2027"), "", true));
        assertThat(html).as("what was typed is shown again as typed").contains("value=\"feb\"");
    }

    @Test
    void radios() {
        RadiosQuestion radios = new RadiosQuestion(OPTIONS);
        assertThat(refused(radios, "a")).isEmpty();
        assertThat(refused(radios, "c")).contains("invalidOption");
        assertThat(radios.requiredCode()).isEqualTo("required.radios");
        assertThat(radios.manyAnswers()).isFalse();
        assertThat(field(radios).shown(List.of("b"))).containsExactly("Bananas");
        assertThat(field(radios).cell(List.of("b"))).isEqualTo("Bananas");
    }

    @Test
    void checkboxes() {
        CheckboxesQuestion checkboxes = new CheckboxesQuestion(OPTIONS);
        assertThat(read(checkboxes, Map.of("answer", List.of("a", "b")))).containsExactly("a", "b");
        assertThat(refused(checkboxes, "a", "b")).isEmpty();
        assertThat(refused(checkboxes, "a", "c")).contains("invalidOption");
        assertThat(checkboxes.manyAnswers()).isTrue();
        assertThat(checkboxes.tidy(List.of("a", "b", "a"))).containsExactly("a", "b");
        assertThat(field(checkboxes).shown(List.of("a", "b"))).containsExactly("Apples", "Bananas");
        assertThat(field(checkboxes).cell(List.of("a", "b"))).isEqualTo("Apples; Bananas");
    }

    @Test
    void declaration() {
        DeclarationQuestion declaration = new DeclarationQuestion();
        assertThat(refused(declaration, "yes")).isEmpty();
        assertThat(refused(declaration, "true")).isEmpty();
        assertThat(refused(declaration, "no")).contains("required.declaration");
        assertThat(declaration.tidy(List.of("true"))).containsExactly("yes");
        assertThat(field(declaration).shown(List.of("yes"))).containsExactly("Confirmed");
        assertThat(field(declaration).cell(List.of("yes"))).isEqualTo("Confirmed");
    }

    @Test
    void wholeNumber() {
        WholeNumberQuestion number = new WholeNumberQuestion(1, 5000);
        assertThat(refused(number, "1,200")).isEmpty();
        assertThat(refused(number, "12.5")).contains("invalidWholeNumber");
        assertThat(refused(number, "1,20")).contains("invalidWholeNumber");
        assertThat(refused(number, "0")).contains("numberTooSmall");
        assertThat(refused(number, "5001")).contains("numberTooLarge");
        assertThat(refused(new WholeNumberQuestion(null, null), "-3")).as("no min, no max").isEmpty();
        assertThat(number.tidy(List.of("1,200"))).containsExactly("1200");
        assertThat(field(number).shown(List.of("1200"))).containsExactly("1,200");
        assertThat(field(number).cell(List.of("1200"))).isEqualTo("1200");
    }

    @Test
    void everyKindShowsAnUnansweredQuestionInTheSameWords() {
        for (Question question : List.of(new TextQuestion(5), new MoneyQuestion(), new DateQuestion(null, null), new RadiosQuestion(OPTIONS),
                new WholeNumberQuestion(null, null))) {
            assertThat(field(question).shown(List.of(" "))).containsExactly(Wording.NOT_ANSWERED);
            assertThat(field(question).cell(List.of())).isEmpty();
        }
    }

    @Test
    void everyMessageCodeAKindCanGiveHasWording() {
        for (String code : List.of("required", "required.radios", "required.checkboxes", "required.declaration", "tooLong", "lineBreaks",
                "invalidEmail", "invalidPhone", "invalidPostcode", "invalidAmount", "amountTooSmall", "amountTooLarge", "invalidDate",
                "dateInPast", "invalidOption", "invalidWholeNumber", "numberTooSmall", "numberTooLarge")) {
            assertThat(Messages.get(code, Map.of("errorName", "x", "max", "1", "min", "1", "cap", "£1"))).isNotBlank().doesNotContain("{");
        }
        assertThat(Messages.get("invalidPostcode", Map.of())).as("no funder's own postcode in the wording").isEqualTo("Enter a real postcode");
    }

    @Test
    void eachKindWordsTheLimitItChecksForTheFundsPage() {
        Optional<BigDecimal> cap = Optional.of(new BigDecimal("2500"));
        java.util.function.Function<String, String> nameOf = name -> "the start date";
        assertThat(new WholeNumberQuestion(1, 5000).limit(cap, nameOf)).contains("a whole number from 1 to 5,000");
        assertThat(new WholeNumberQuestion(10, null).limit(cap, nameOf)).contains("a whole number, 10 or more");
        assertThat(new WholeNumberQuestion(null, 1200).limit(cap, nameOf)).contains("a whole number, 1,200 or fewer");
        assertThat(new WholeNumberQuestion(null, null).limit(cap, nameOf)).contains("a whole number");
        assertThat(new TextQuestion(150).limit(cap, nameOf)).contains("up to 150 characters");
        assertThat(new LongTextQuestion(2500).limit(cap, nameOf)).contains("up to 2,500 characters");
        assertThat(new MoneyQuestion().limit(cap, nameOf)).contains("up to £2,500");
        assertThat(new MoneyQuestion().limit(Optional.empty(), nameOf)).as("no cap, no limit to state").isEmpty();
        assertThat(new DateQuestion("today", "startDate").limit(cap, nameOf)).contains("today or later, and after the start date");
        assertThat(new DateQuestion(null, null).limit(cap, nameOf)).isEmpty();
        assertThat(new EmailQuestion().limit(cap, nameOf)).isEmpty();
        assertThat(new DeclarationQuestion().limit(cap, nameOf)).isEmpty();
    }
}
