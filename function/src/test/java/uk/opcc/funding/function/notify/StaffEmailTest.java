package uk.opcc.funding.function.notify;

import uk.opcc.funding.function.mail.Email;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.function.Fixtures.answers;
import static uk.opcc.funding.function.Fixtures.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.site.FixtureAnswers;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.SameOrganisation;

class StaffEmailTest {
    static Application application(Map<String, List<String>> answers, String callId) {
        return new Application("KX7P-M2RD", Fixtures.FORM, Fixtures.FUND, callId, Fixtures.ROUND, Fixtures.NOW, answers, 0);
    }

    static final SameOrganisation.Earlier NONE = new SameOrganisation.Earlier(List.of(), 0);

    static Email compose(Map<String, List<String>> answers, String callId, SameOrganisation.Earlier earlier) {
        return StaffEmail.compose(application(answers, callId), Fixtures.CATALOGUE, "grants@example.gov.uk", earlier, 0);
    }

    @Test
    void subjectIsFundOrganisationAmountAndReference() {
        Email email = compose(with(answers(), "amount", "1850"), Fixtures.OPEN_CALL, NONE);

        assertThat(email.subject()).isEqualTo("Safer Villages Grant · Moorside Lanes <Watch> · £1,850 · KX7P-M2RD");
        assertThat(email.to()).isEqualTo("grants@example.gov.uk");
        assertThat(email.replyTo()).isEqualTo("robin@example.org");
    }

    @Test
    void aLongOrganisationNameIsCutInTheSubjectOnly() {
        String name = "The Little Moorside and Upper Moorside Lanes Neighbourhood Watch and Village Lighting Volunteers";

        Email email = compose(with(answers(), "groupName", name), null, NONE);

        assertThat(email.subject()).startsWith("Safer Villages Grant · The Little Moorside and Upper Moorside Lanes Neighbourhood…")
                .endsWith(" · £1,450 · KX7P-M2RD");
        assertThat(email.text()).contains(name);
    }

    @Test
    void leadsWithWhatStaffActOnInReadableMoneyAndDates() {
        var answers = with(with(with(answers(), "amount", "1250.50"), "startDate", "2030-06-01"), "endDate", "2030-09-30");

        Email email = compose(answers, Fixtures.OPEN_CALL, NONE);

        assertThat(email.text()).startsWith(StaffEmail.WARNING);
        assertThat(email.text()).containsSubsequence(
                "Reference:\n    KX7P-M2RD",
                "Organisation:\n    Moorside Lanes <Watch>",
                "Amount requested:\n    £1,250.50",
                "Call for bids:\n    Lighting the lanes",
                "Panel round:\n    NV-2030-R1: decisions by 16 May 2030; applications by 28 March 2030 at 4pm",
                "Received:\n    12 March 2030 at 12pm (UK time)",
                "Answers\n-------",
                "What kind of group is it?:\n    Neighbourhood watch group",
                "Lanes and footpaths; Bus stops",
                "How much are you asking for?:\n    £1,250.50",
                "When will it start?:\n    1 June 2030",
                "When will it end?:\n    30 September 2030",
                "Confirmed");
        assertThat(email.text()).doesNotContain("Possible duplicate", "Supporting officer");
        assertThat(email.html()).contains(Html.escape(StaffEmail.WARNING), "<td style=\"white-space:pre-wrap\">Moorside Lanes &lt;Watch&gt;</td>");
    }

    @Test
    void showsATelephoneNumberSpacedAsPeopleReadItThoughItIsStoredPlain() {
        Email email = compose(with(answers(), "phone", "01632960418"), Fixtures.OPEN_CALL, NONE);

        assertThat(email.text()).contains("Telephone number:\n    01632 960418").doesNotContain("01632960418");
        assertThat(email.html()).contains(">01632 960418</td>");
    }

    @Test
    void leadsWithTheSupportingOfficerAndShowsWholeNumbersAndUnansweredQuestionsReadably() {
        Application application = new Application("KX7P-M2RD", Fixtures.SHORT_FORM, Fixtures.SHORT_FUND, null, "YD-2030-SPRING",
                Fixtures.NOW, FixtureAnswers.youthDiversion(), 0);

        Email email = StaffEmail.compose(application, Fixtures.CATALOGUE, "grants@example.gov.uk", NONE, 0);

        assertThat(email.subject()).isEqualTo("Youth Diversion Fund · Moorbridge Harriers Youth · £4,200.50 · KX7P-M2RD");
        assertThat(email.text()).containsSubsequence(
                "Organisation:\n    Moorbridge Harriers Youth",
                "Panel round:\n    YD-2030-SPRING: decisions by 14 June 2030; applications by 30 April 2030 at 12pm",
                "Supporting officer:\n    PC Jo Marsh, collar number NM417, Moorbridge",
                "Answers\n-------",
                "How many young people will take part?:\n    1,250",
                "Their ages (optional):\n    Not answered");
    }

    @Test
    void namesEarlierApplicationsFromTheSameOrganisationAsAPossibleDuplicate() {
        Email email = compose(answers(), null, new SameOrganisation.Earlier(List.of("AB3C-DEFG", "HJ4K-MNPQ"), 0));

        assertThat(email.text()).startsWith("Possible duplicate: Moorside Lanes <Watch> (the same name or email address) already applied "
                + "to this fund's NV-2030-R1 round as AB3C-DEFG, HJ4K-MNPQ.");
        assertThat(email.html()).contains("<p><strong>Possible duplicate: ");
        assertThat(compose(answers(), null, new SameOrganisation.Earlier(List.of("AB3C-DEFG"), 250)).text())
                .startsWith("Possible duplicate: Moorside Lanes <Watch> (the same name or email address) already applied "
                        + "to this fund's NV-2030-R1 round as AB3C-DEFG and 250 more.");
    }

    @Test
    void saysWhenTheApplicantsConfirmationIsHeldBackByTheDailyCap() {
        Email held = StaffEmail.compose(application(answers(), null), Fixtures.CATALOGUE, "grants@example.gov.uk", NONE, 3);

        assertThat(held.text()).startsWith("We have not emailed the applicant a confirmation: their address has already had 3 emails "
                + "from us today, the most we send to one address in a day. If they get in touch, give them their reference.");
        assertThat(compose(answers(), null, NONE).text()).doesNotContain("We have not emailed the applicant");
    }

    @Test
    void aRoundTheCalendarDoesNotHaveIsSaidPlainly() {
        Application unscheduled = new Application("KX7P-M2RD", Fixtures.FORM, Fixtures.FUND, null, Application.UNSCHEDULED, Fixtures.NOW,
                answers(), 0);

        Email email = StaffEmail.compose(unscheduled, Fixtures.CATALOGUE, "grants@example.gov.uk", NONE, 0);

        assertThat(email.text()).contains("Panel round:\n    Not scheduled yet: the fund's panel calendar (data/funds.yml) has no round for it");
    }

    @Test
    void escapesAnswersInTheHtmlAndIndentsThemInTheText() {
        var answers = with(answers(), "projectDescription", "<script>alert('x')</script>\nReference: FAKE-0000");

        Email email = compose(answers, null, NONE);

        assertThat(email.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(email.text()).contains("    <script>alert('x')</script>\n    Reference: FAKE-0000");
    }

    @Test
    void headerValuesNeverCarryLineBreaks() {
        assertThat(Email.header("Fund\r\nBcc: victim@example.com")).isEqualTo("Fund Bcc: victim@example.com");
        assertThat(Email.header("a\u2028b\u0000c")).isEqualTo("a b c");
        assertThat(Email.header("a\u0085b\u2029c\u202Ed\u200Be\u0091f")).as("NEL, paragraph separator, bidi override, zero width, C1")
                .isEqualTo("a b c d e f");
        Email email = compose(with(answers(), "groupName", "Moorside\r\nBcc: victim@example.com"), null, NONE);
        assertThat(email.subject()).doesNotContain("\r", "\n").contains("Moorside Bcc: victim@example.com");
    }
}
