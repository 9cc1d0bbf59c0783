package uk.opcc.funding.function.notify;

import uk.opcc.funding.function.mail.Email;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.opcc.funding.function.Fixtures.answers;
import static uk.opcc.funding.function.Fixtures.with;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.intake.Application;

class ApplicantEmailTest {
    static Email compose(Map<String, List<String>> answers, String callId, String round) {
        return ApplicantEmail.compose(new Application("KX7P-M2RD", Fixtures.FORM, Fixtures.FUND, callId, round, Fixtures.NOW, answers, 0),
                Fixtures.CATALOGUE, Fixtures.PUBLISHER, "grants@example.gov.uk");
    }

    @Test
    void goesToTheAddressTheApplicantGaveWithFundAndReferenceInTheSubject() {
        Email email = compose(answers(), null, Fixtures.ROUND);

        assertThat(email.to()).isEqualTo("robin@example.org");
        assertThat(email.replyTo()).as("replies reach the fund's staff").isEqualTo("grants@example.gov.uk");
        assertThat(email.subject()).isEqualTo("We have your application to the Safer Villages Grant: reference KX7P-M2RD");
    }

    @Test
    void saysWhatTheyAppliedForWhenTheyWillHearAndHowToReachTheOpcc() {
        Email email = compose(answers(), Fixtures.OPEN_CALL, "NV-2030-R3");

        assertThat(email.text()).containsSubsequence(
                "Thank you for applying to the Safer Villages Grant, in answer to our call for bids 'Lighting the lanes'.",
                "We received your application on 12 March 2030 at 12pm (UK time).",
                "Your reference is KX7P-M2RD.",
                "What happens next",
                "will consider your application at the November 2030 panel, with the applications received by 10 October 2030 at 4pm.",
                "You will hear whether you have been successful by 28 November 2030 (provisional date, to be confirmed).",
                "We do not repeat your answers in emails.",
                "Contact us",
                "Office of the Police, Fire and Crime Commissioner for Northmoor\nTelephone: 01632 960418\nEmail: grants@northmoor-pfcc.example.org\n"
                        + "Office of the Police, Fire and Crime Commissioner\nThe Old Courthouse",
                "NM1 4QX",
                "If you did not send this application, please tell us");
        assertThat(email.html()).contains("<h2>What happens next</h2>", "The Old Courthouse");
    }

    @Test
    void namesTheRoundAsPeopleDoAndMarksProvisionalOnlyWhatTheDataMarks() {
        String confirmed = compose(answers(), null, Fixtures.ROUND).text();
        String provisional = compose(answers(), null, "NV-2030-R3").text();

        assertThat(confirmed).contains("at the May 2030 panel, with the applications received by 28 March 2030 at 4pm.",
                "You will hear whether you have been successful by 16 May 2030.").doesNotContain("provisional", "NV-2030");
        assertThat(provisional).contains("at the November 2030 panel, with the applications received by 10 October 2030 at 4pm.",
                "by 28 November 2030 (provisional date, to be confirmed).").doesNotContain("NV-2030");
        assertThat(provisional.split("provisional", -1)).as("one provisional date, said once").hasSize(2);
    }

    @Test
    void anUnscheduledApplicationIsToldItWillHearWhenThePanelMeets() {
        Email email = compose(answers(), null, Application.UNSCHEDULED);

        assertThat(email.text()).contains("has not set the date of its next meeting yet. We will write to tell you when it will consider your application.");
    }

    /**
     * Anyone can type anyone's address into the form: what goes to that address must be our words
     * alone, or the OPCC's domain would carry a stranger's text (and links) to whoever they chose.
     */
    @Test
    void carriesNothingTheApplicantTypedOnlyOurWordsTheReferenceAndTheDates() {
        // given every answer a visitor could type, each a distinct phishing line
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>(answers());
        List<String> typed = new java.util.ArrayList<>();
        answers.replaceAll((name, values) -> {
            if (List.of("email", "amount", "startDate", "endDate", "places", "groupType", "declaration").contains(name)) {
                return values; // checked values: an address, numbers, dates and choices from our own lists
            }
            String hostile = "Your account is locked, log in at https://evil.example/" + name + " now";
            typed.add(hostile);
            return List.of(hostile);
        });

        Email email = compose(answers, Fixtures.OPEN_CALL, "NV-2030-R3");

        // then none of it, nor any part of it, reaches the subject or either body
        assertThat(typed).hasSize(8);
        for (String part : List.of(email.subject(), email.text(), email.html())) {
            assertThat(part).doesNotContain("evil.example", "account is locked", "log in at");
        }
        assertThat(email.text()).doesNotContain("1,450", "Dear");
    }
}
