package uk.opcc.funding.function.panel;

import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Endorsement;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.function.endorse.EndorsementState;

/** Where an application's endorsement stands, as the panel pack says it: one step at a time, in our words. */
final class EndorsementColumns {
    private EndorsementColumns() {
    }

    static String state(EndorsementState state, Endorsement.Step step) {
        return state.step(step.id()).map(s -> switch (s.status()) {
            case REQUESTED, REMINDED -> "waiting (asked " + Wording.day(s.requestedAt().atZone(Catalogue.UK)) + ")";
            case SUPPORTED -> "supported (" + day(s) + ")";
            case DECLINED -> "not supported (" + day(s) + ")";
            case EXPIRED -> "no answer (the link expired " + Wording.day(s.linkExpires().atZone(Catalogue.UK)) + ")";
        }).orElse("not asked yet");
    }

    /** Not every step has supported it, and none has said no or let its link expire: the panel waits. */
    static boolean waiting(EndorsementState state, Endorsement endorsement) {
        boolean refused = state.steps().values().stream().anyMatch(s -> s.status() == EndorsementState.Status.DECLINED
                || s.status() == EndorsementState.Status.EXPIRED);
        boolean allSupported = endorsement.steps().stream().allMatch(step -> state.step(step.id())
                .map(s -> s.status() == EndorsementState.Status.SUPPORTED).orElse(false));
        return !refused && !allSupported;
    }

    private static String day(EndorsementState.Step step) {
        return step.answeredAt().map(at -> Wording.day(at.atZone(Catalogue.UK))).orElse("");
    }
}
