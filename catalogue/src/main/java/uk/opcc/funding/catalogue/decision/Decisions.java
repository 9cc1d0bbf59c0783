package uk.opcc.funding.catalogue.decision;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every round's decision, read and checked from {@code data/decisions/}, and the reasons a decline may give. */
public record Decisions(List<Decision> all, List<DeclineReason> declineReasons) {

    public Decisions {
        all = all.stream().sorted(Comparator.comparing(Decision::decided).thenComparing(Decision::id)).toList();
        declineReasons = List.copyOf(declineReasons);
    }

    /** What the public site shows: final decisions only, earliest first. */
    public List<Decision> published() {
        return all.stream().filter(Decision::isFinal).toList();
    }

    public List<Decision> publishedFor(String fundId) {
        return published().stream().filter(d -> d.fundId().equals(fundId)).toList();
    }

    public Optional<DeclineReason> declineReason(String id) {
        return declineReasons.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
