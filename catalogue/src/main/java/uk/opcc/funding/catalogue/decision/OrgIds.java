package uk.opcc.funding.catalogue.decision;

import java.util.List;

/**
 * Organisation identifiers as 360Giving and the grants register write them: a list's code, a
 * hyphen, then the organisation's number on that list (GB-CHC-1234567, GB-COH-01234567).
 */
public final class OrgIds {

    /**
     * The UK lists an applicant's registered number is likely to be on, by their codes in the
     * Organisation Identifier register (org-id.guide, github.com/org-id/register, lists/gb): the
     * charity registers of England and Wales, Scotland and Northern Ireland, Companies House, the
     * Mutuals Public Register, HMRC's charities, community amateur sports clubs, schools in each
     * nation, local authorities in each nation, government bodies, the NHS, learning providers,
     * social housing providers and universities. A list not here can be added once checked there.
     */
    public static final List<String> SCHEMES = List.of(
            "GB-CHC", "GB-SC", "GB-NIC", "GB-COH", "GB-MPR", "GB-REV", "GB-CASC",
            "GB-EDU", "GB-SCOTEDU", "GB-WALEDU", "GB-LAE", "GB-LAS", "GB-PLA", "GB-LANI",
            "GB-GOR", "GB-NHS", "GB-UKPRN", "GB-SHPE", "GB-HESA");

    private OrgIds() {
    }

    /** The problem with an org-id, in words a grants officer can act on; null when it is one. */
    public static String problem(String orgId) {
        String scheme = SCHEMES.stream().filter(s -> orgId.startsWith(s + "-")).findFirst().orElse(null);
        if (scheme == null) {
            return "org-id '" + orgId + "' is not on a known list; write it as a list's code, a hyphen and the number,"
                    + " like GB-CHC-1234567 (a charity) or GB-COH-01234567 (a company), with one of " + SCHEMES;
        }
        if (!orgId.substring(scheme.length() + 1).matches("[A-Za-z0-9]+")) {
            return "org-id '" + orgId + "' must have the organisation's number after " + scheme + "-, in letters and digits only";
        }
        return null;
    }
}
