package uk.opcc.funding.function.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.opcc.funding.function.Fixtures.answers;
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
        Map<String, List<String>> answers = with(answers(), "amount", "-5"); // a problem on a later page

        Outcome outcome = service.move(new Submission("safer-villages", answers), "your-group", "contact");

        assertThat(outcome).isEqualTo(new Outcome.Moved("safer-villages", "contact", "the-project", List.of()));
        assertThat(store.applications).isEmpty();
    }

    @Test
    void aPageWithAProblemIsShownAgainAndStillLeadsWhereTheApplicantWasGoing() {
        Outcome outcome = service.move(new Submission("safer-villages", with(answers(), "postcode", "nowhere")),
                "your-group", "check");

        Outcome.Moved moved = (Outcome.Moved) outcome;
        assertThat(moved.show()).isEqualTo("your-group");
        assertThat(moved.then()).isEqualTo("check");
        assertThat(moved.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("postcode:invalidPostcode");
    }

    @Test
    void theCheckPageNeedsEveryAnswerButTheDeclaration() {
        Map<String, List<String>> answers = with(answers(), "declaration");

        assertThat(service.move(new Submission("safer-villages", answers), "money-and-dates", "check"))
                .isEqualTo(new Outcome.Moved("safer-villages", "check", "check", List.of()));
        Outcome.Moved missing = (Outcome.Moved) service.move(new Submission("safer-villages", with(answers, "costs")), "money-and-dates", "check");
        assertThat(missing.show()).isEqualTo("money-and-dates");
        assertThat(missing.problems()).extracting(p -> p.field()).containsExactly("costs");
    }

    @Test
    void aSectionOpenedFromTheCheckPageLeadsBackThere() {
        assertThat(service.move(new Submission("safer-villages", answers()), "check", "the-project"))
                .isEqualTo(new Outcome.Moved("safer-villages", "the-project", "check", List.of()));
        assertThat(service.move(new Submission("safer-villages", Map.of()), "check", "no-such-section"))
                .isInstanceOf(Outcome.Moved.class).extracting(o -> ((Outcome.Moved) o).show()).isEqualTo("your-group");
    }

    @Test
    void storesAValidApplicationWithItsRoundAndExpiry() {
        Outcome outcome = submit("safer-villages", answers());

        assertThat(outcome).isEqualTo(new Outcome.Accepted("safer-villages", null, "AAAA-2222", Fixtures.NOW));
        Application stored = store.applications.get("AAAA-2222");
        assertThat(stored.fundId()).isEqualTo("safer-villages-fund");
        assertThat(stored.callId()).isNull();
        assertThat(stored.panelRound()).isEqualTo("NV-2030-R1"); // the deadline of 28 March 2030 is still ahead
        assertThat(stored.answers().get("postcode")).containsExactly("NM2 7TQ");
        assertThat(stored.expiresAt()).isEqualTo(java.time.Instant.parse("2036-03-12T12:00:00Z").getEpochSecond());
    }

    @Test
    void answersAnOpenCallWithTheCallsCapAndRound() {
        Outcome outcome = submit("safer-villages", with(answers(), "call", "lit-lanes-2030"));

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        Application stored = store.applications.get("AAAA-2222");
        assertThat(stored.callId()).isEqualTo("lit-lanes-2030");
        assertThat(stored.panelRound()).isEqualTo("NV-2030-R2"); // the first round after the call closes on 26 April
        assertThat(stored.answers()).doesNotContainKey("call");
    }

    @Test
    void refusesAClosedCallAndStoresNothing() {
        Outcome outcome = submit("safer-villages", with(answers(), "call", "winter-watch-2029"));

        assertThat(outcome).isInstanceOf(Outcome.NotOpen.class);
        assertThat(((Outcome.NotOpen) outcome).reason()).contains("Winter watch", "closed");
        assertThat(store.applications).isEmpty();
    }

    @Test
    void appliesTheCallsOwnCap() {
        // The winter-watch call (closed) had an £800 cap; the lit-lanes call's is £1,500, below the fund's £3,000.
        Outcome outcome = submit("safer-villages", with(with(answers(), "call", "lit-lanes-2030"), "amount", "1600"));
        assertThat(((Outcome.Invalid) outcome).problems()).extracting(p -> p.message())
                .containsExactly("The amount you are asking for must be £1,500 or less");
    }

    @Test
    void refusesACallThatDoesNotExistOrBelongsToAnotherFund() {
        Outcome outcome = submit("safer-villages", with(answers(), "call", "lottery-2026"));
        assertThat(((Outcome.Invalid) outcome).problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("call:unknownCall");
        assertThat(store.applications).isEmpty();
    }

    @Test
    void refusesTheFormOfAnEndedFund() {
        assertThat(submit("flood-recovery", Map.of())).isInstanceOf(Outcome.NotOpen.class);
    }

    @Test
    void answersUnknownFormsAsNotFound() {
        assertThat(submit("lottery", answers())).isEqualTo(new Outcome.UnknownForm("lottery"));
    }

    @Test
    void honeypotLooksAcceptedButStoresNothing() {
        Outcome outcome = submit("safer-villages", with(answers(), "website", "http://spam.example"));

        assertThat(outcome).isInstanceOf(Outcome.Ignored.class);
        assertThat(store.applications).isEmpty();
    }

    @Test
    void invalidAnswersStoreNothing() {
        Outcome outcome = submit("safer-villages", with(answers(), "amount", "£3,000.01"));

        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(store.applications).isEmpty();
    }

    @Test
    void aReplayReturnsTheFirstReference() {
        submit("safer-villages", answers());
        Outcome replay = submit("safer-villages", answers());

        assertThat(replay).isEqualTo(new Outcome.Accepted("safer-villages", null, "AAAA-2222", Fixtures.NOW));
        assertThat(store.applications).hasSize(1);
    }

    @Test
    void aReplayWithTheSameSubmissionIdReturnsTheFirstReferenceEvenIfAnswersChanged() {
        String id = "3f1c9a6e-2b7d-4c55-9a0e-7d1f2e3a4b5c";
        submit("safer-villages", with(answers(), "submissionId", id));
        Outcome replay = submit("safer-villages", with(with(answers(), "submissionId", id), "projectTitle", "Changed"));

        assertThat(((Outcome.Accepted) replay).reference()).isEqualTo("AAAA-2222");
        assertThat(store.applications).hasSize(1);
    }

    @Test
    void rejectsAMalformedSubmissionId() {
        Outcome outcome = submit("safer-villages", with(answers(), "submissionId", "<script>"));
        assertThat(((Outcome.Invalid) outcome).problems()).extracting(p -> p.field()).containsExactly("submissionId");
    }

    @Test
    void drawsAnotherReferenceWhenOneIsTaken() {
        store.applications.put("AAAA-2222", null);

        Outcome outcome = submit("safer-villages", answers());

        assertThat(((Outcome.Accepted) outcome).reference()).isEqualTo("BBBB-3333");
    }

    @Test
    void givesUpAfterFiveTakenReferences() {
        for (String taken : List.of("AAAA-2222", "BBBB-3333", "CCCC-4444", "DDDD-5555", "EEEE-6666")) {
            store.applications.put(taken, null);
        }
        assertThatThrownBy(() -> submit("safer-villages", answers())).isInstanceOf(ReferenceTakenException.class);
    }

    @Test
    void storageFailureIsNotSwallowed() {
        store.unavailable = true;
        assertThatThrownBy(() -> submit("safer-villages", answers())).isInstanceOf(StorageUnavailableException.class);
    }
}
