package uk.opcc.funding.function.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.function.Fixtures.propertyFundAnswers;
import static uk.opcc.funding.function.Fixtures.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.intake.Application;

class ApplicantEmailTest {
    static Email compose(Map<String, List<String>> answers, String callId, String round) {
        return ApplicantEmail.compose(new Application("KX7P-M2RD", "property-fund", "property-fund", callId, round, Fixtures.NOW, answers, 0),
                Fixtures.CATALOGUE, Fixtures.PUBLISHER, "grants@example.gov.uk");
    }

    @Test
    void goesToTheAddressTheApplicantGaveWithFundAndReferenceInTheSubject() {
        Email email = compose(propertyFundAnswers(), null, "2026-27-Q3");

        assertThat(email.to()).isEqualTo("sam@example.org");
        assertThat(email.replyTo()).as("replies reach the fund's staff").isEqualTo("grants@example.gov.uk");
        assertThat(email.subject()).isEqualTo("We have your application to the Property Fund: reference KX7P-M2RD");
    }

    @Test
    void saysWhatTheyAppliedForWhenTheyWillHearAndHowToReachTheOpcc() {
        Email email = compose(propertyFundAnswers(), "road-safety-2026", "2026-27-Q3");

        assertThat(email.text()).containsSubsequence(
                "Dear Sam Jones,",
                "We received your application on 24 November 2026 at 12pm (UK time).",
                "Your reference is KX7P-M2RD.",
                "What you applied for",
                "Project:\n    Speed watch for Langwathby",
                "Organisation:\n    Eden Valley Speed Watch",
                "Amount:\n    £1,250.50",
                "Call for bids:\n    Road safety in our communities",
                "What happens next",
                "will consider your application in its 2026-27-Q3 round, with the applications received by 11 December 2026 at 5pm (provisional date, to be confirmed).",
                "You will hear whether you have been successful by 29 January 2027 (provisional date, to be confirmed).",
                "Contact us",
                "Cumbria Office of the Police & Crime Commissioner\nTelephone: 01768 217734\nEmail: commissioner@cumbria-pcc.gov.uk\nOffice of the Police & Crime Commissioner",
                "CA10 2AU",
                "A copy of your answers",
                "Describe your project:\n    Volunteers will run speed checks on the A686.\n    Twice a week.",
                "How much are you applying for?:\n    £1,250.50");
        assertThat(email.html()).contains("<h2>What happens next</h2>", "Police &amp; Crime Commissioner");
    }

    @Test
    void anUnscheduledApplicationIsToldItWillHearWhenThePanelMeets() {
        Email email = compose(propertyFundAnswers(), null, Application.UNSCHEDULED);

        assertThat(email.text()).contains("has not set the date of its next meeting yet. We will write to tell you when it will consider your application.");
    }

    @Test
    void escapesTheirAnswersInTheHtmlAndKeepsHeadersOnOneLine() {
        var answers = with(with(propertyFundAnswers(), "projectDescription", "<img src=x onerror=alert(1)> & \"more\""),
                "contactName", "Sam <b>Jones</b>");

        Email email = compose(answers, null, "2026-27-Q3");

        assertThat(email.html()).contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;more&quot;", "Dear Sam &lt;b&gt;Jones&lt;/b&gt;,")
                .doesNotContain("<img", "<b>");
        assertThat(email.text()).contains("    <img src=x onerror=alert(1)> & \"more\"");
        assertThat(new Email("sam@example.org\r\nBcc: x@example.com", null, "s\nt", "", "").to()).isEqualTo("sam@example.org Bcc: x@example.com");
    }
}
