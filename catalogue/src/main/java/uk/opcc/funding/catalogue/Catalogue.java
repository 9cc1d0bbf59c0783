package uk.opcc.funding.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

    /**
     * The most an application may ask for: the call's cap when it answers a call, else the form's
     * own maximum, else the fund's cap. The reader makes sure every amount question has one.
     */
    public Optional<BigDecimal> amountCap(FormDefinition form, Call call) {
        if (call != null) {
            return Optional.of(call.maxAward());
        }
        return form.maxAmount().or(() -> fund(form.fundId()).flatMap(Fund::maxAward));
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

    /**
     * The panel that will consider an application: the call's own panel if it has one; else the
     * fund's first round that takes it, judged for a call by when the call closes (its bids are
     * considered together) and otherwise by when it was received. Empty when the fund's calendar
     * has no round that late yet.
     */
    public Optional<PanelRound> roundFor(Fund fund, Call call, Instant receivedAt) {
        if (call != null && call.ownRound().isPresent()) {
            return call.ownRound();
        }
        if (call != null) {
            // Every bid to the call arrives before it closes, so a round whose deadline is the closing time takes them all.
            return fund.panelRounds().stream().filter(r -> !r.deadline().isBefore(call.closes())).findFirst();
        }
        return fund.nextRound(receivedAt);
    }

    /** A round by its id, as stored with an application: one of the fund's, or a call's own panel. */
    public Optional<PanelRound> round(String fundId, String roundId) {
        return fund(fundId).flatMap(f -> f.round(roundId))
                .or(() -> call(roundId).filter(c -> c.fundId().equals(fundId)).flatMap(Call::ownRound));
    }

    /**
     * The latest moment at or before {@code now} when anything the site shows by the clock
     * changed: a call opening, entering its last week or closing, or a panel round's deadline
     * passing; {@link Instant#EPOCH} when nothing has yet. The site stamps its feed, calendar and
     * catalogue with this rather than the build's clock, so two bakes between the same two
     * changes are byte-identical and a scheduled deploy uploads nothing new.
     */
    public Instant lastChange(Instant now) {
        Stream<Instant> callMoments = calls.stream()
                .flatMap(c -> Stream.of(c.opens().toInstant(), c.closingSoonFrom(), c.closes().toInstant()));
        Stream<Instant> deadlines = funds.stream().flatMap(f -> f.panelRounds().stream()).map(r -> r.deadline().toInstant());
        return Stream.concat(callMoments, deadlines).filter(m -> !m.isAfter(now))
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    /**
     * Every round that gets a panel pack: each fund taking applications through a form, with its
     * calendar's rounds and its calls' own panels, earliest deadline first.
     */
    public List<FundRound> packRounds() {
        return funds.stream().filter(f -> f.acceptsApplications() && formFor(f.id()).isPresent())
                .flatMap(f -> Stream.concat(f.panelRounds().stream(),
                        callsFor(f.id()).stream().flatMap(c -> c.ownRound().stream())).map(r -> new FundRound(f, r)))
                .sorted(Comparator.comparing((FundRound r) -> r.round().deadline()).thenComparing(r -> r.fund().id()))
                .toList();
    }

    /** One fund's one panel round. */
    public record FundRound(Fund fund, PanelRound round) {
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
