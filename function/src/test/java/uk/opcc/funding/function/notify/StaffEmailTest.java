package uk.opcc.funding.function.notify;

import uk.opcc.funding.function.mail.Email;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.function.LegacyFixtures.propertyFundAnswers;
import static uk.opcc.funding.function.Fixtures.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.function.LegacyFixtures;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.SameOrganisation;

class StaffEmailTest {
    static Application application(Map<String, List<String>> answers, String callId) {
        return new Application("KX7P-M2RD", "property-fund", "property-fund", callId, "2026-27-Q3", LegacyFixtures.NOW, answers, 0);
    }

    static final SameOrganisation.Earlier NONE = new SameOrganisation.Earlier(List.of(), 0);

    static Email compose(Map<String, List<String>> answers, String callId, SameOrganisation.Earlier earlier) {
        return StaffEmail.compose(application(answers, callId), LegacyFixtures.CATALOGUE, "grants@example.gov.uk", earlier, 0);
    }

    @Test
    void subjectIsFundOrganisationAmountAndReference() {
        Email email = compose(with(propertyFundAnswers(), "amount", "1850"), "road-safety-2026", NONE);

        assertThat(email.subject()).isEqualTo("Property Fund · Eden Valley Speed Watch · £1,850 · KX7P-M2RD");
        assertThat(email.to()).isEqualTo("grants@example.gov.uk");
        assertThat(email.replyTo()).isEqualTo("sam@example.org");
    }

    @Test
    void aLongOrganisationNameIsCutInTheSubjectOnly() {
        String name = "The Eden Valley and Upper Eden Community Speed Watch and Road Safety Volunteers Association";

        Email email = compose(with(propertyFundAnswers(), "organisationName", name), null, NONE);

        assertThat(email.subject()).startsWith("Property Fund · The Eden Valley and Upper Eden Community Speed Watch and…")
                .endsWith(" · £1,250.50 · KX7P-M2RD");
        assertThat(email.text()).contains(name);
    }

    @Test
    void leadsWithWhatStaffActOnInReadableMoneyAndDates() {
        Email email = compose(with(with(propertyFundAnswers(), "startDate", "2027-02-01"), "endDate", "2027-07-31"), "road-safety-2026", NONE);

        assertThat(email.text()).startsWith(StaffEmail.WARNING);
        assertThat(email.text()).containsSubsequence(
                "Reference:\n    KX7P-M2RD",
                "Organisation:\n    Eden Valley Speed Watch",
                "Amount requested:\n    £1,250.50",
                "Call for bids:\n    Road safety in our communities",
                "Panel round:\n    2026-27-Q3: decisions by 29 January 2027 (provisional date, to be confirmed); applications by 11 December 2026 at 5pm",
                "Supporting officer or PCSO:\n    PCSO Alex Smith, collar number 1234, Penrith",
                "Received:\n    24 November 2026 at 12pm (UK time)",
                "Answers\n-------",
                "What type of organisation is it?:\n    Watch scheme",
                "How many people will benefit?:\n    1,200",
                "Tackle crime and antisocial behaviour; Support young people",
                "How much are you applying for?:\n    £1,250.50",
                "Project start date:\n    1 February 2027",
                "Project end date:\n    31 July 2027",
                "Confirmed");
        assertThat(email.text()).contains("Address line 2 (optional):\n    Not answered").doesNotContain("Possible duplicate");
        assertThat(email.html()).contains(Html.escape(StaffEmail.WARNING), "<td style=\"white-space:pre-wrap\">Eden Valley Speed Watch</td>");
    }

    @Test
    void namesEarlierApplicationsFromTheSameOrganisationAsAPossibleDuplicate() {
        Email email = compose(propertyFundAnswers(), null, new SameOrganisation.Earlier(List.of("AB3C-DEFG", "HJ4K-MNPQ"), 0));

        assertThat(email.text()).startsWith("Possible duplicate: Eden Valley Speed Watch (the same name or email address) already applied "
                + "to this fund's 2026-27-Q3 round as AB3C-DEFG, HJ4K-MNPQ.");
        assertThat(email.html()).contains("<p><strong>Possible duplicate: ");
        assertThat(compose(propertyFundAnswers(), null, new SameOrganisation.Earlier(List.of("AB3C-DEFG"), 250)).text())
                .startsWith("Possible duplicate: Eden Valley Speed Watch (the same name or email address) already applied "
                        + "to this fund's 2026-27-Q3 round as AB3C-DEFG and 250 more.");
    }

    @Test
    void saysWhenTheApplicantsConfirmationIsHeldBackByTheDailyCap() {
        Email held = StaffEmail.compose(application(propertyFundAnswers(), null), LegacyFixtures.CATALOGUE, "grants@example.gov.uk", NONE, 3);

        assertThat(held.text()).startsWith("We have not emailed the applicant a confirmation: their address has already had 3 emails "
                + "from us today, the most we send to one address in a day. If they get in touch, give them their reference.");
        assertThat(compose(propertyFundAnswers(), null, NONE).text()).doesNotContain("We have not emailed the applicant");
    }

    @Test
    void aRoundTheCalendarDoesNotHaveIsSaidPlainly() {
        Application unscheduled = new Application("KX7P-M2RD", "property-fund", "property-fund", null, Application.UNSCHEDULED, LegacyFixtures.NOW,
                propertyFundAnswers(), 0);

        Email email = StaffEmail.compose(unscheduled, LegacyFixtures.CATALOGUE, "grants@example.gov.uk", NONE, 0);

        assertThat(email.text()).contains("Panel round:\n    Not scheduled yet: the fund's panel calendar (data/funds.yml) has no round for it");
    }

    @Test
    void escapesAnswersInTheHtmlAndIndentsThemInTheText() {
        var answers = with(propertyFundAnswers(), "projectDescription", "<script>alert('x')</script>\nReference: FAKE-0000");

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
        Email email = compose(with(propertyFundAnswers(), "organisationName", "Speed\r\nBcc: victim@example.com"), null, NONE);
        assertThat(email.subject()).doesNotContain("\r", "\n").contains("Speed Bcc: victim@example.com");
    }
}
