package uk.opcc.funding.catalogue.decision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.CatalogueReader;

/**
 * How the grants are published as 360Giving open data, from {@code openData} in
 * {@code data/opcc.yml}: the office's 360Giving prefix (grant ids are
 * {@code 360G-<prefix>-<reference>}) and the licence, with the funders of record ({@code funders}
 * in the same file, {@link Funder}): each grant's funder is the one in office on its award date. Each value
 * the office has not yet confirmed is listed in {@code placeholders}, and said to be one wherever
 * the data is published.
 *
 * @param licence the licence's canonical address: one of {@link #LICENCES}
 */
public record OpenData(String prefix, List<Funder> funders, String licence, List<String> placeholders) {

    static final String FILE = "data/opcc.yml";
    /** The two licences UK public bodies publish open data under; the office chooses one. */
    public static final Map<String, String> LICENCES = Map.of(
            "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", "Open Government Licence v3.0",
            "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0 International (CC BY 4.0)");
    private static final List<String> FIELDS = List.of("prefix", "fundingOrgId", "licence");

    public OpenData {
        funders = List.copyOf(funders);
        placeholders = List.copyOf(placeholders);
    }

    /** The funder of record on a grant's award date. */
    public Funder funderOn(java.time.LocalDate awarded) {
        return Funder.on(funders, awarded).orElseThrow(() -> new IllegalStateException("No funder held office on " + awarded));
    }

    /** The funder now: the publisher of the open data. */
    public Funder currentFunder() {
        return Funder.current(funders);
    }

    public String grantId(String reference) {
        return "360G-" + prefix + "-" + reference;
    }

    /** A recipient without a registered number gets an org-id of the office's own, as 360Giving's guidance says. */
    public String recipientId(Entry.Award award) {
        return award.orgId().orElse("360G-" + prefix + "-ORG-" + award.reference());
    }

    public String licenceName() {
        return LICENCES.get(licence);
    }

    public boolean isPlaceholder(String field) {
        return placeholders.contains(field);
    }

    /** @throws CatalogueException naming each problem in {@code openData} */
    public static OpenData read(Path jbakeSource) {
        return of(uk.opcc.funding.catalogue.Publisher.opccYaml(jbakeSource));
    }

    /** @param yaml {@code data/opcc.yml}, as {@link uk.opcc.funding.catalogue.Publisher#opccYaml} reads it */
    public static OpenData of(Map<?, ?> yaml) {
        Map<?, ?> fields = yaml.get("openData") instanceof Map<?, ?> map ? map : Map.of();
        List<String> problems = new ArrayList<>();
        String prefix = CatalogueReader.text(fields.get("prefix"));
        if (prefix == null || !prefix.matches("[a-z0-9]{2,30}")) {
            problems.add(FILE + ": openData.prefix must be the office's 360Giving prefix, in small letters and digits (grant ids are 360G-<prefix>-<reference>)");
        }
        List<Funder> funders = Funder.read(yaml.get("funders"), FILE, problems);
        String licence = CatalogueReader.text(fields.get("licence"));
        if (!LICENCES.containsKey(licence)) {
            problems.add(FILE + ": openData.licence must be one of " + LICENCES.keySet().stream().sorted().toList());
        }
        List<String> placeholders = fields.get("placeholders") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        if (fields.containsKey("placeholders") && !(fields.get("placeholders") instanceof List<?>)
                || !FIELDS.containsAll(placeholders)) {
            problems.add(FILE + ": openData.placeholders lists which of " + FIELDS + " are still to be confirmed");
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return new OpenData(prefix, funders, licence, placeholders);
    }
}
