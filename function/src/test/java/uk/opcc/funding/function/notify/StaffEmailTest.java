package uk.opcc.funding.function.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.function.Fixtures.propertyFundAnswers;
import static uk.opcc.funding.function.Fixtures.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.intake.Application;

class StaffEmailTest {
    static Application application(Map<String, List<String>> answers, String callId) {
        return new Application("KX7P-M2RD", "property-fund", "property-fund", callId, "2026-27-Q3", Fixtures.NOW, answers, 0);
    }

    @Test
    void subjectCarriesFundAndReference() {
        StaffEmail email = StaffEmail.compose(application(propertyFundAnswers(), "road-safety-2026"), Fixtures.CATALOGUE, "grants@example.gov.uk");

        assertThat(email.subject()).isEqualTo("Property Fund application KX7P-M2RD (call: Road safety in our communities)");
        assertThat(email.to()).isEqualTo("grants@example.gov.uk");
        assertThat(email.replyTo()).isEqualTo("sam@example.org");
    }

    @Test
    void bodyListsEveryAnswerInFormOrderAfterTheSafetyWarning() {
        StaffEmail email = StaffEmail.compose(application(propertyFundAnswers(), null), Fixtures.CATALOGUE, "grants@example.gov.uk");

        assertThat(email.text()).startsWith(StaffEmail.WARNING);
        assertThat(email.text()).containsSubsequence("Reference:\n    KX7P-M2RD", "Panel round:\n    2026-27-Q3",
                "Name of your organisation:\n    Eden Valley Speed Watch", "What type of organisation is it?:\n    Watch scheme",
                "Tackle crime and antisocial behaviour; Support young people", "How much are you applying for?:\n    £1250.50",
                "Name of the police officer or PCSO supporting your application:\n    PCSO Alex Smith", "Confirmed");
        assertThat(email.text()).contains("Address line 2 (optional):\n    (not answered)");
        assertThat(email.html()).contains(uk.opcc.funding.catalogue.Html.escape(StaffEmail.WARNING), "<td style=\"white-space:pre-wrap\">Eden Valley Speed Watch</td>");
    }

    @Test
    void escapesAnswersInTheHtmlAndIndentsThemInTheText() {
        var answers = with(propertyFundAnswers(), "projectDescription", "<script>alert('x')</script>\nReference: FAKE-0000");

        StaffEmail email = StaffEmail.compose(application(answers, null), Fixtures.CATALOGUE, "grants@example.gov.uk");

        assertThat(email.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(email.text()).contains("    <script>alert('x')</script>\n    Reference: FAKE-0000");
    }

    @Test
    void headerValuesNeverCarryLineBreaks() {
        assertThat(StaffEmail.header("Fund\r\nBcc: victim@example.com")).isEqualTo("Fund Bcc: victim@example.com");
        assertThat(StaffEmail.header("a\u2028b\u0000c")).isEqualTo("a b c");
    }
}
