package uk.opcc.funding.catalogue.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.CatalogueReader;

/**
 * A funding organisation of record and the dates it held office, from {@code funders} in
 * {@code data/opcc.yml}: a grant carries the funder in office on its award date, so grants made
 * before a handover (police and crime commissioners are to be abolished from May 2028) keep
 * their funder while later ones carry its successor.
 *
 * @param until its last day in office; empty for the current funder
 */
public record Funder(String name, String orgId, LocalDate from, Optional<LocalDate> until) {

    public boolean heldOfficeOn(LocalDate day) {
        return !day.isBefore(from) && until.map(last -> !day.isAfter(last)).orElse(true);
    }

    /** The funder in office on that day, if the list covers it. */
    public static Optional<Funder> on(List<Funder> funders, LocalDate day) {
        return funders.stream().filter(f -> f.heldOfficeOn(day)).findFirst();
    }

    /** The one with no end: the site is published in its name. */
    public static Funder current(List<Funder> funders) {
        return funders.get(funders.size() - 1);
    }

    /**
     * Reads the list, earliest first: each with a name, an org-id, the day it took office, and
     * (all but the last) its last day, the next one taking office the day after.
     */
    public static List<Funder> read(Object value, String file, List<String> problems) {
        List<Funder> funders = new ArrayList<>();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(file + ": 'funders' must list the funding organisation of record: its name, orgId and the day it took office ('from')");
            return funders;
        }
        for (int i = 0; i < list.size(); i++) {
            Map<?, ?> fields = list.get(i) instanceof Map<?, ?> m ? m : Map.of();
            String name = CatalogueReader.text(fields.get("name"));
            String orgId = CatalogueReader.text(fields.get("orgId"));
            String at = file + ": funders entry " + (i + 1) + (name == null ? "" : " (" + name + ")");
            if (name == null) {
                problems.add(at + ": needs its 'name', as it is to be published");
            }
            if (orgId == null) {
                problems.add(at + ": needs its 'orgId', the funder's organisation identifier");
            } else if (OrgIds.problem(orgId) != null) {
                problems.add(at + ": " + OrgIds.problem(orgId));
            }
            LocalDate from = DecisionReader.date(fields.get("from"), at, "from", problems);
            LocalDate until = DecisionReader.date(fields.get("until"), at, "until", problems);
            boolean last = i == list.size() - 1;
            if (from == null && CatalogueReader.text(fields.get("from")) == null) {
                problems.add(at + ": needs 'from', the day it took office");
            }
            if (!last && until == null) {
                problems.add(at + ": every funder but the current (last) one needs 'until', its last day in office");
            }
            if (last && fields.get("until") != null) {
                problems.add(at + ": the last funder is the current one, with no 'until'; add its successor after it");
            }
            if (from != null && until != null && until.isBefore(from)) {
                problems.add(at + ": 'until' is before 'from'");
            }
            if (!funders.isEmpty() && from != null && funders.get(funders.size() - 1).until().isPresent()
                    && !from.equals(funders.get(funders.size() - 1).until().get().plusDays(1))) {
                problems.add(at + ": takes office on " + from + ", but the funder before it left on "
                        + funders.get(funders.size() - 1).until().get() + ": each takes office the day after the last one left");
            }
            if (name != null && orgId != null && from != null) {
                funders.add(new Funder(name, orgId, from, Optional.ofNullable(until)));
            }
        }
        return funders;
    }
}
