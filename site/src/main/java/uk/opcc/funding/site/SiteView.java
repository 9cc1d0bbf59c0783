package uk.opcc.funding.site;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.CallStatus;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.text.Money;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.question.MoneyQuestion;

/**
 * What the templates show, worked out once in Java at bake time: statuses against the bake
 * clock, money and dates in words. Templates only lay it out. Every page's model carries it as
 * {@code site}.
 */
final class SiteView {
    private SiteView() {
    }

    static Map<String, Object> of(Catalogue catalogue, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> calls = catalogue.callsInReadingOrder(now).stream()
                .map(c -> call(catalogue, c, now)).toList();
        Map<String, Object> fundsById = new LinkedHashMap<>();
        List<Map<String, Object>> funds = catalogue.funds().stream().map(f -> {
            Map<String, Object> fund = fund(f, now);
            String apply = applyUrl(catalogue, f);
            if (apply != null) {
                fund.put("applyUrl", apply);
                // The most its form takes, from the same data the intake refuses larger amounts by.
                catalogue.formFor(f.id()).ifPresent(form -> {
                    boolean provisional = form.maxAmount().isPresent() && form.maxAmountProvisional();
                    catalogue.amountCap(form, null).ifPresent(cap -> {
                        fund.put("maxRequest", Money.format(cap));
                        fund.put("maxRequestProvisional", provisional);
                    });
                    fund.put("limits", limits(form, catalogue.amountCap(form, null), provisional));
                });
            }
            fund.put("calls", calls.stream().filter(c -> f.id().equals(c.get("fundId"))).toList());
            fundsById.put(f.id(), fund);
            return fund;
        }).toList();

        view.put("funds", funds);
        view.put("fundsById", fundsById);
        view.put("calls", calls);
        view.put("openCalls", withStatus(calls, CallStatus.OPEN, CallStatus.CLOSING_SOON));
        view.put("upcomingCalls", withStatus(calls, CallStatus.UPCOMING));
        view.put("closedCalls", withStatus(calls, CallStatus.CLOSED));
        Instant statusesSince = catalogue.lastChange(now);
        if (!statusesSince.equals(Instant.EPOCH)) {
            view.put("statusesSince", UkTime.dateAndTime(statusesSince.atZone(Catalogue.UK)));
        }
        return view;
    }

    /**
     * Each question of the form with a limit on its answer, in the form's order, as the question's
     * own class words the limit it checks ("up to 150 characters", "after the start date").
     *
     * @param provisional whether the cap is the form's own placeholder maximum, marked beside the amount as elsewhere
     */
    private static List<Map<String, Object>> limits(FormDefinition form, Optional<BigDecimal> cap, boolean provisional) {
        Function<String, String> nameOf = name -> form.field(name).map(FormField::errorName).orElse(name);
        List<Map<String, Object>> limits = new ArrayList<>();
        for (FormField field : form.questions()) {
            field.question().limit(cap, nameOf).ifPresent(limit -> limits.add(Map.of("question", field.label(), "limit", limit,
                    "provisional", provisional && field.question() instanceof MoneyQuestion)));
        }
        return limits;
    }

    private static Map<String, Object> fund(Fund fund, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", fund.id());
        view.put("name", fund.name());
        view.put("url", "/funds/" + fund.id() + ".html");
        view.put("status", fund.status().slug());
        view.put("statusLabel", fund.status().label());
        view.put("historic", fund.hasEnded());
        view.put("summary", fund.summary());
        view.put("award", fund.awardText());
        fund.maxAward().ifPresent(cap -> view.put("maxAward", Money.format(cap)));
        view.put("whoCanApply", fund.whoCanApply());
        view.put("decisions", fund.decisions());
        fund.endedOn().ifPresent(ended -> view.put("endedOn", UkTime.date(ended)));
        view.put("retentionYears", fund.retentionYears());
        if (fund.acceptsApplications()) {
            fund.nextRound(now).ifPresent(round -> view.put("nextRound", round(round)));
            view.put("rounds", fund.panelRounds().stream().filter(r -> r.takes(now)).map(SiteView::round).toList());
        }
        return view;
    }

    /** A panel round as people read it: the deadline to apply by and the date they will hear by. */
    static Map<String, Object> round(PanelRound round) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("deadline", UkTime.dateAndTime(round.deadline()));
        view.put("deadlineIso", round.deadline().toOffsetDateTime().toString());
        view.put("decisionsBy", UkTime.date(round.decisionsBy()));
        view.put("decisionsByIso", round.decisionsBy().toString());
        view.put("provisional", round.provisional());
        return view;
    }

    /** Where to apply to a fund, or null when it takes no applications online. */
    private static String applyUrl(Catalogue catalogue, Fund fund) {
        return fund.acceptsApplications() ? catalogue.formFor(fund.id()).map(f -> FormPages.url(f, null)).orElse(null) : null;
    }

    /** One call's facts; baked into the call's own page header so its page never loads the whole site view. */
    static Map<String, Object> call(Catalogue catalogue, Call call, Instant now) {
        CallStatus status = call.statusAt(now);
        Fund fund = catalogue.fund(call.fundId()).orElseThrow();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", call.id());
        view.put("uri", call.uri());
        view.put("url", "/" + call.uri());
        view.put("title", call.title());
        view.put("fundId", fund.id());
        view.put("fundName", fund.name());
        view.put("fundUrl", "/funds/" + fund.id() + ".html");
        view.put("theme", call.theme());
        view.put("summary", call.summary());
        view.put("opens", UkTime.dateAndTime(call.opens()));
        view.put("closes", UkTime.dateAndTime(call.closes()));
        view.put("opensIso", call.opens().toOffsetDateTime().toString());
        view.put("closesIso", call.closes().toOffsetDateTime().toString());
        view.put("maxAward", Money.format(call.maxAward()));
        view.put("status", status.slug());
        view.put("statusLabel", status.label());
        boolean accepting = status.acceptsApplications() && fund.acceptsApplications();
        view.put("accepting", accepting);
        // Until it closes, the page carries its form's address: status.js shows the button once the call opens.
        catalogue.formFor(fund.id()).filter(f -> fund.acceptsApplications() && status != CallStatus.CLOSED)
                .ifPresent(f -> view.put("formUrl", FormPages.url(f, call)));
        view.put("draft", call.draft());
        catalogue.roundFor(fund, call, now).ifPresent(round -> {
            Map<String, Object> panel = round(round);
            panel.put("own", call.ownRound().isPresent());
            view.put("panel", panel);
        });
        view.put("closingSoonIso", call.closingSoonFrom().atZone(Catalogue.UK).toOffsetDateTime().toString());
        return view;
    }

    private static List<Map<String, Object>> withStatus(List<Map<String, Object>> calls, CallStatus... statuses) {
        List<String> wanted = java.util.Arrays.stream(statuses).map(CallStatus::slug).toList();
        return calls.stream().filter(c -> wanted.contains(c.get("status"))).toList();
    }
}
