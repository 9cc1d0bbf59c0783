package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.text.EmailAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The setting {@code STAFF_MAILBOXES} ({@code fund-id=address,...}) read against the catalogue:
 * the notifier and panel pack at start-up, and the CDK app at synth, so a deployment whose
 * mailboxes do not fit its funds is refused before it is deployed, not when an email is due.
 */
public final class StaffMailboxes {
    private StaffMailboxes() {
    }

    /** Fund id to address; refused with every problem, each naming its fund, when there is one. */
    public static Map<String, String> read(String setting, Catalogue catalogue) {
        Map<String, String> mailboxes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        read(setting, catalogue, mailboxes, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return Map.copyOf(mailboxes);
    }

    /** Every problem of the setting, each naming the fund (or the entry) it is about; none when it fits. */
    public static List<String> problems(String setting, Catalogue catalogue) {
        List<String> problems = new ArrayList<>();
        read(setting, catalogue, new LinkedHashMap<>(), problems);
        return problems;
    }

    private static void read(String setting, Catalogue catalogue, Map<String, String> mailboxes, List<String> problems) {
        for (String entry : setting.split(",")) {
            String[] parts = entry.split("=", 2);
            String fundId = parts[0].strip();
            if (parts.length != 2) {
                problems.add("STAFF_MAILBOXES: '" + entry.strip() + "' should be fund-id=address");
            } else if (catalogue.fund(fundId).isEmpty()) {
                problems.add("STAFF_MAILBOXES names " + fundId + ", which is not a fund in the catalogue ('" + entry.strip() + "')");
            } else if (!EmailAddress.isPlausible(parts[1].strip())) {
                // The address itself is not repeated: it may hold line breaks meant for a header.
                problems.add("STAFF_MAILBOXES: the address for " + fundId + " is not an email address");
            } else if (mailboxes.putIfAbsent(fundId, parts[1].strip()) != null) {
                problems.add("STAFF_MAILBOXES gives " + fundId + " twice");
            }
        }
        // Only a fund taking applications through a form is ever emailed (staff emails and panel packs).
        for (Fund fund : catalogue.funds()) {
            if (fund.acceptsApplications() && catalogue.formFor(fund.id()).isPresent() && !mailboxes.containsKey(fund.id())) {
                problems.add("STAFF_MAILBOXES has no address for " + fund.id() + ", which takes applications");
            }
        }
    }
}
