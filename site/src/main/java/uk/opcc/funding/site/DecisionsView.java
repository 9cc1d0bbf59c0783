package uk.opcc.funding.site;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.decision.Decision;
import uk.opcc.funding.catalogue.decision.Entry;
import uk.opcc.funding.catalogue.decision.Funder;
import uk.opcc.funding.catalogue.decision.OpenData;
import uk.opcc.funding.catalogue.text.Money;

/**
 * The decisions as the templates show them, as {@code decisions}: each published notice, the
 * grants register month by month and each fund's grants. Only awards are ever put in it: a
 * decline's reference, reason and feedback, and every name but a recipient's, stay out of the
 * model, so no template can show them.
 */
final class DecisionsView {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private DecisionsView() {
    }

    /** The register's address: a folder, so it can gain a page per year without moving. */
    static final String REGISTER_URI = "grants/index.html";

    static String noticeUri(Decision decision) {
        return decision.uri();
    }

    /** @param shown the decisions the site shows: the final ones (and, in a preview, the drafts, marked) */
    /** @param funders the funders of record, so each grant in the register names the one in office on its date */
    static Map<String, Object> of(Catalogue catalogue, List<Decision> shown, List<Funder> funders) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> notices = shown.stream().map(d -> notice(catalogue, d)).toList();
        view.put("notices", notices);
        view.put("registerUrl", "/grants/");
        view.put("months", months(catalogue, shown.stream().filter(Decision::isFinal).toList(), funders));
        Map<String, Object> byFund = new LinkedHashMap<>();
        for (Fund fund : catalogue.funds()) {
            byFund.put(fund.id(), fund(catalogue, fund, shown));
        }
        view.put("byFund", byFund);
        return view;
    }

    /** Where the open data is, under which licence, and which of its details are placeholders still. */
    static Map<String, Object> openData(OpenData openData, boolean published) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("published", published);
        view.put("jsonUrl", "/" + GrantsData.JSON);
        view.put("csvUrl", "/" + GrantsData.CSV);
        view.put("licence", openData.licenceName());
        view.put("licenceUrl", openData.licence());
        view.put("placeholders", openData.placeholders().stream().map(p -> switch (p) {
            case "prefix" -> "the 360Giving prefix in each grant's identifier";
            case "fundingOrgId" -> "the organisation identifier of the funder";
            default -> "the licence";
        }).toList());
        return view;
    }

    /** One round's decision, as its notice page shows it. */
    static Map<String, Object> notice(Catalogue catalogue, Decision decision) {
        Fund fund = catalogue.fund(decision.fundId()).orElseThrow();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", decision.id());
        view.put("url", "/" + noticeUri(decision));
        view.put("title", fund.name() + ": grants decided on " + UkTime.date(decision.decided()));
        view.put("fundName", fund.name());
        view.put("fundUrl", "/funds/" + fund.id() + ".html");
        view.put("roundId", decision.roundId());
        catalogue.round(decision.fundId(), decision.roundId())
                .ifPresent(round -> view.put("roundDeadline", UkTime.dateAndTime(round.deadline())));
        view.put("decided", UkTime.date(decision.decided()));
        view.put("decidedIso", decision.decided().toString());
        view.put("decidedBy", decision.decidedBy());
        view.put("draft", !decision.isFinal());
        view.put("applications", decision.entries().size());
        view.put("funded", decision.awards().size());
        view.put("total", Money.format(total(decision.awards())));
        view.put("grants", decision.awards().stream().map(a -> grant(decision, a)).toList());
        return view;
    }

    /** One grant: exactly what the register publishes, and the decision it came from. */
    private static Map<String, Object> grant(Decision decision, Entry.Award award) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("recipient", award.recipient());
        award.orgId().ifPresent(id -> view.put("orgId", id));
        view.put("amount", Money.format(award.amount()));
        view.put("purpose", award.purpose());
        view.put("conditions", award.conditions().orElse("None"));
        view.put("reason", award.reason());
        view.put("date", UkTime.date(decision.decided()));
        view.put("dateIso", decision.decided().toString());
        view.put("noticeUrl", "/" + noticeUri(decision));
        return view;
    }

    /** The register: a section per month a grant was made in, the latest first. */
    private static List<Map<String, Object>> months(Catalogue catalogue, List<Decision> finals, List<Funder> funders) {
        TreeMap<YearMonth, List<Decision>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        for (Decision decision : finals) {
            if (!decision.awards().isEmpty()) {
                byMonth.computeIfAbsent(YearMonth.from(decision.decided()), m -> new ArrayList<>()).add(decision);
            }
        }
        List<Map<String, Object>> months = new ArrayList<>();
        byMonth.forEach((month, decisions) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", "grants-" + month);
            view.put("label", MONTH.format(month));
            view.put("grants", decisions.stream().flatMap(d -> d.awards().stream().map(a -> {
                Map<String, Object> grant = grant(d, a);
                grant.put("funder", Funder.on(funders, d.decided()).map(Funder::name).orElseThrow());
                return grant;
            })).toList());
            view.put("notices", decisions.stream().map(d -> notice(catalogue, d)).toList());
            months.add(view);
        });
        return months;
    }

    /** A fund's decided rounds, for its page. */
    private static Map<String, Object> fund(Catalogue catalogue, Fund fund, List<Decision> shown) {
        List<Decision> decisions = shown.stream().filter(d -> d.fundId().equals(fund.id())).toList();
        List<Decision> finals = decisions.stream().filter(Decision::isFinal).toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("notices", decisions.stream().map(d -> notice(catalogue, d)).toList());
        view.put("applications", finals.stream().mapToInt(d -> d.entries().size()).sum());
        view.put("funded", finals.stream().mapToInt(d -> d.awards().size()).sum());
        view.put("total", Money.format(total(finals.stream().flatMap(d -> d.awards().stream()).toList())));
        finals.stream().map(Decision::decided).max(Comparator.naturalOrder()).ifPresent(last -> {
            view.put("lastDecided", UkTime.date(last));
            view.put("lastDecidedIso", last.toString());
        });
        return view;
    }

    static BigDecimal total(List<Entry.Award> awards) {
        return awards.stream().map(Entry.Award::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
