package uk.opcc.funding.catalogue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every fund and every call, read once from the site's source; the one source of truth. */
public record Catalogue(List<Fund> funds, List<Call> calls, List<FormDefinition> forms) {

    /** Call times are written, shown and compared in UK time. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    public Catalogue {
        funds = List.copyOf(funds);
        calls = List.copyOf(calls);
        forms = List.copyOf(forms);
    }

    public Optional<FormDefinition> form(String id) {
        return forms.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The form a fund's applicants use, if it has one. */
    public Optional<FormDefinition> formFor(String fundId) {
        return forms.stream().filter(f -> f.fundId().equals(fundId)).findFirst();
    }

    public Optional<Fund> fund(String id) {
        return funds.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<Call> call(String id) {
        return calls.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public List<Call> callsFor(String fundId) {
        return calls.stream().filter(c -> c.fundId().equals(fundId)).toList();
    }

    /** The same catalogue without draft calls: what the public site and the intake may use. */
    public Catalogue published() {
        return new Catalogue(funds, calls.stream().filter(c -> !c.draft()).toList(), forms);
    }

    /**
     * Calls in the order people need them: accepting applications first (soonest deadline
     * first), then upcoming (soonest opening first), then closed (most recent first).
     */
    public List<Call> callsInReadingOrder(Instant now) {
        Comparator<Call> byGroup = Comparator.comparingInt(c -> switch (c.statusAt(now)) {
            case CLOSING_SOON, OPEN -> 0;
            case UPCOMING -> 1;
            case CLOSED -> 2;
        });
        Comparator<Call> withinGroup = (a, b) -> switch (a.statusAt(now)) {
            case CLOSING_SOON, OPEN -> a.closes().compareTo(b.closes());
            case UPCOMING -> a.opens().compareTo(b.opens());
            case CLOSED -> b.closes().compareTo(a.closes());
        };
        return calls.stream().sorted(byGroup.thenComparing(withinGroup).thenComparing(Call::id)).toList();
    }
}
