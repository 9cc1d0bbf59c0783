package uk.opcc.funding.function.notify;

import uk.opcc.funding.function.mail.Email;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.function.LegacyFixtures.propertyFundAnswers;
import static uk.opcc.funding.function.Fixtures.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.LegacyFixtures;
import uk.opcc.funding.function.intake.Application;

class ApplicantEmailTest {
    static Email compose(Map<String, List<String>> answers, String callId, String round) {
        return ApplicantEmail.compose(new Application("KX7P-M2RD", "property-fund", "property-fund", callId, round, LegacyFixtures.NOW, answers, 0),
                LegacyFixtures.CATALOGUE, LegacyFixtures.PUBLISHER, "grants@example.gov.uk");
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
                "Thank you for applying to the Property Fund, in answer to our call for bids 'Road safety in our communities'.",
                "We received your application on 24 November 2026 at 12pm (UK time).",
                "Your reference is KX7P-M2RD.",
                "What happens next",
                "will consider your application in its 2026-27-Q3 round, with the applications received by 11 December 2026 at 5pm (provisional date, to be confirmed).",
                "You will hear whether you have been successful by 29 January 2027 (provisional date, to be confirmed).",
                "We do not repeat your answers in emails.",
                "Contact us",
                "Cumbria Office of the Police & Crime Commissioner\nTelephone: 01768 217734\nEmail: commissioner@cumbria-pcc.gov.uk\nOffice of the Police & Crime Commissioner",
                "CA10 2AU",
                "If you did not send this application, please tell us");
        assertThat(email.html()).contains("<h2>What happens next</h2>", "Police &amp; Crime Commissioner");
    }

    @Test
    void anUnscheduledApplicationIsToldItWillHearWhenThePanelMeets() {
        Email email = compose(propertyFundAnswers(), null, Application.UNSCHEDULED);

        assertThat(email.text()).contains("has not set the date of its next meeting yet. We will write to tell you when it will consider your application.");
    }

    /**
     * Anyone can type anyone's address into the form: what goes to that address must be our words
     * alone, or the OPCC's domain would carry a stranger's text (and links) to whoever they chose.
     */
    @Test
    void carriesNothingTheApplicantTypedOnlyOurWordsTheReferenceAndTheDates() {
        // given every answer a visitor could type, each a distinct phishing line
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>(propertyFundAnswers());
        List<String> typed = new java.util.ArrayList<>();
        answers.replaceAll((name, values) -> {
            if (List.of("email", "amount", "beneficiaries", "startDate", "endDate", "objectives", "organisationType", "declaration").contains(name)) {
                return values; // checked values: an address, numbers, dates and choices from our own lists
            }
            String hostile = "Your account is locked, log in at https://evil.example/" + name + " now";
            typed.add(hostile);
            return List.of(hostile);
        });

        Email email = compose(answers, "road-safety-2026", "2026-27-Q3");

        // then none of it, nor any part of it, reaches the subject or either body
        assertThat(typed).hasSize(14);
        for (String part : List.of(email.subject(), email.text(), email.html())) {
            assertThat(part).doesNotContain("evil.example", "account is locked", "log in at");
        }
        assertThat(email.text()).doesNotContain("1,250.50", "Dear");
    }
}
