package uk.opcc.funding.function.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.opcc.funding.function.Fixtures.propertyFundAnswers;
import static uk.opcc.funding.function.Fixtures.with;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;
import uk.opcc.funding.function.intake.ReferenceTakenException;
import uk.opcc.funding.function.intake.StorageUnavailableException;

class IntakeServiceTest {
    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final Deque<String> references = new ArrayDeque<>(List.of("AAAA-2222", "BBBB-3333", "CCCC-4444", "DDDD-5555", "EEEE-6666", "FFFF-7777"));
    final IntakeService service = new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, references::pop);

    Outcome submit(String formId, Map<String, List<String>> fields) {
        return service.submit(new Submission(formId, fields));
    }

    @Test
    void movingOnChecksOnlyThePageBeingLeftAndStoresNothing() {
        Map<String, List<String>> answers = with(propertyFundAnswers(), "amount", "-5"); // a problem on a later page

        Outcome outcome = service.move(new Submission("property-fund", answers), "your-organisation", "contact-details");

        assertThat(outcome).isEqualTo(new Outcome.Moved("property-fund", "contact-details", "your-project", List.of()));
        assertThat(store.applications).isEmpty();
    }

    @Test
    void aPageWithAProblemIsShownAgainAndStillLeadsWhereTheApplicantWasGoing() {
        Outcome outcome = service.move(new Submission("property-fund", with(propertyFundAnswers(), "postcode", "nowhere")),
                "your-organisation", "check");

        Outcome.Moved moved = (Outcome.Moved) outcome;
        assertThat(moved.show()).isEqualTo("your-organisation");
        assertThat(moved.then()).isEqualTo("check");
        assertThat(moved.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("postcode:invalidPostcode");
    }

    @Test
    void theCheckPageNeedsEveryAnswerButTheDeclaration() {
        Map<String, List<String>> answers = with(propertyFundAnswers(), "declaration");

        assertThat(service.move(new Submission("property-fund", answers), "police-support", "check"))
                .isEqualTo(new Outcome.Moved("property-fund", "check", "check", List.of()));
        Outcome.Moved missing = (Outcome.Moved) service.move(new Submission("property-fund", with(answers, "budget")), "police-support", "check");
        assertThat(missing.show()).isEqualTo("money-and-dates");
        assertThat(missing.problems()).extracting(p -> p.field()).containsExactly("budget");
    }

    @Test
    void aSectionOpenedFromTheCheckPageLeadsBackThere() {
        assertThat(service.move(new Submission("property-fund", propertyFundAnswers()), "check", "your-project"))
                .isEqualTo(new Outcome.Moved("property-fund", "your-project", "check", List.of()));
        assertThat(service.move(new Submission("property-fund", Map.of()), "check", "no-such-section"))
                .isInstanceOf(Outcome.Moved.class).extracting(o -> ((Outcome.Moved) o).show()).isEqualTo("your-organisation");
    }

    @Test
    void storesAValidApplicationWithItsRoundAndExpiry() {
        Outcome outcome = submit("property-fund", propertyFundAnswers());

        assertThat(outcome).isEqualTo(new Outcome.Accepted("property-fund", null, "AAAA-2222", Fixtures.NOW));
        Application stored = store.applications.get("AAAA-2222");
        assertThat(stored.fundId()).isEqualTo("property-fund");
        assertThat(stored.callId()).isNull();
        assertThat(stored.panelRound()).isEqualTo("2026-27-Q3"); // the deadline of 11 December 2026 is still ahead
        assertThat(stored.answers().get("postcode")).containsExactly("CA11 7BS");
        assertThat(stored.expiresAt()).isEqualTo(java.time.Instant.parse("2033-11-24T12:00:00Z").getEpochSecond());
    }

    @Test
    void answersAnOpenCallWithTheCallsCapAndRound() {
        Outcome outcome = submit("property-fund", with(propertyFundAnswers(), "call", "road-safety-2026"));

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        Application stored = store.applications.get("AAAA-2222");
        assertThat(stored.callId()).isEqualTo("road-safety-2026");
        assertThat(stored.panelRound()).isEqualTo("2026-27-Q4"); // the first round after the call closes on 29 January
        assertThat(stored.answers()).doesNotContainKey("call");
    }

    @Test
    void refusesAClosedCallAndStoresNothing() {
        Outcome outcome = submit("property-fund", with(propertyFundAnswers(), "call", "rural-crime-2026"));

        assertThat(outcome).isInstanceOf(Outcome.NotOpen.class);
        assertThat(((Outcome.NotOpen) outcome).reason()).contains("Tackling rural crime", "closed");
        assertThat(store.applications).isEmpty();
    }

    @Test
    void appliesTheCallsOwnCap() {
        // The rural-crime call (closed) had a £2,000 cap; the road-safety call's is £2,500.
        Outcome outcome = submit("property-fund", with(with(propertyFundAnswers(), "call", "road-safety-2026"), "amount", "2600"));
        assertThat(((Outcome.Invalid) outcome).problems()).extracting(p -> p.message())
                .containsExactly("The amount you are applying for must be £2,500 or less");
    }

    @Test
    void refusesACallThatDoesNotExistOrBelongsToAnotherFund() {
        Outcome outcome = submit("property-fund", with(propertyFundAnswers(), "call", "lottery-2026"));
        assertThat(((Outcome.Invalid) outcome).problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("call:unknownCall");
        assertThat(store.applications).isEmpty();
    }

    @Test
    void refusesTheFormOfAnEndedFund() {
        assertThat(submit("covid-community-recovery", Map.of())).isInstanceOf(Outcome.NotOpen.class);
    }

    @Test
    void answersUnknownFormsAsNotFound() {
        assertThat(submit("lottery", propertyFundAnswers())).isEqualTo(new Outcome.UnknownForm("lottery"));
    }

    @Test
    void honeypotLooksAcceptedButStoresNothing() {
        Outcome outcome = submit("property-fund", with(propertyFundAnswers(), "website", "http://spam.example"));

        assertThat(outcome).isInstanceOf(Outcome.Ignored.class);
        assertThat(store.applications).isEmpty();
    }

    @Test
    void invalidAnswersStoreNothing() {
        Outcome outcome = submit("property-fund", with(propertyFundAnswers(), "amount", "£2,500.01"));

        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(store.applications).isEmpty();
    }

    @Test
    void aReplayReturnsTheFirstReference() {
        submit("property-fund", propertyFundAnswers());
        Outcome replay = submit("property-fund", propertyFundAnswers());

        assertThat(replay).isEqualTo(new Outcome.Accepted("property-fund", null, "AAAA-2222", Fixtures.NOW));
        assertThat(store.applications).hasSize(1);
    }

    @Test
    void aReplayWithTheSameSubmissionIdReturnsTheFirstReferenceEvenIfAnswersChanged() {
        String id = "3f1c9a6e-2b7d-4c55-9a0e-7d1f2e3a4b5c";
        submit("property-fund", with(propertyFundAnswers(), "submissionId", id));
        Outcome replay = submit("property-fund", with(with(propertyFundAnswers(), "submissionId", id), "projectTitle", "Changed"));

        assertThat(((Outcome.Accepted) replay).reference()).isEqualTo("AAAA-2222");
        assertThat(store.applications).hasSize(1);
    }

    @Test
    void rejectsAMalformedSubmissionId() {
        Outcome outcome = submit("property-fund", with(propertyFundAnswers(), "submissionId", "<script>"));
        assertThat(((Outcome.Invalid) outcome).problems()).extracting(p -> p.field()).containsExactly("submissionId");
    }

    @Test
    void drawsAnotherReferenceWhenOneIsTaken() {
        store.applications.put("AAAA-2222", null);

        Outcome outcome = submit("property-fund", propertyFundAnswers());

        assertThat(((Outcome.Accepted) outcome).reference()).isEqualTo("BBBB-3333");
    }

    @Test
    void givesUpAfterFiveTakenReferences() {
        for (String taken : List.of("AAAA-2222", "BBBB-3333", "CCCC-4444", "DDDD-5555", "EEEE-6666")) {
            store.applications.put(taken, null);
        }
        assertThatThrownBy(() -> submit("property-fund", propertyFundAnswers())).isInstanceOf(ReferenceTakenException.class);
    }

    @Test
    void storageFailureIsNotSwallowed() {
        store.unavailable = true;
        assertThatThrownBy(() -> submit("property-fund", propertyFundAnswers())).isInstanceOf(StorageUnavailableException.class);
    }
}
