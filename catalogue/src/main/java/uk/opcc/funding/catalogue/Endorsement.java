package uk.opcc.funding.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A fund's endorsement, from its {@code endorsement} in {@code data/funds.yml}: the people who must
 * confirm their support for an application themselves (the supporting officer, then an Inspector),
 * in order, each by one email with a signed link; no account. Their work addresses must be at one of
 * {@code domains} ({@code endorserDomains} in {@code data/opcc.yml}), so the product can never be
 * made to email anyone else.
 *
 * @param linkValidDays   how long an endorser's link works, from the day it is sent
 * @param remindAfterDays when the one reminder goes, if the endorser has not answered (never after the round's deadline)
 * @param domains         the email domains an endorser's address may be at, in lower case
 * @param steps           in order: each is asked once the one before supports
 */
public record Endorsement(int linkValidDays, int remindAfterDays, List<String> domains, List<Step> steps) {

    /**
     * One endorser's step.
     *
     * @param id             stable, in the stored record and the signed link: letters only
     * @param who            who is asked, as a sentence names them ("the police officer or PCSO supporting the application")
     * @param title          the short name of the step, in staff emails and the panel pack ("Supporting officer")
     * @param asks           what the endorser is asked, in the office's words, on their page
     * @param statementLabel the label of the endorser's statement when they support it
     * @param nameField      the form's question giving the endorser's name
     * @param emailField     the form's question giving their work email address
     * @param collarField    the form's question giving their collar number, where the fund asks
     */
    public record Step(String id, String who, String title, String asks, String statementLabel, String nameField, String emailField,
                       Optional<String> collarField) {
    }

    public Endorsement {
        domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The step asked once {@code id} supports, if there is one. */
    public Optional<Step> after(String id) {
        for (int i = 0; i + 1 < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return Optional.of(steps.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** When the links of a step asked at {@code askedAt} stop working. */
    public java.time.Instant linksExpire(java.time.Instant askedAt) {
        return askedAt.plus(java.time.Duration.ofDays(linkValidDays));
    }

    public Step first() {
        return steps.get(0);
    }

    /** Whether the address is at one of the domains itself (a subdomain is another domain, not admitted). */
    public boolean admits(String address) {
        int at = address.lastIndexOf('@');
        return at > 0 && domains.contains(address.substring(at + 1).strip().toLowerCase(Locale.ROOT));
    }

    /** "@north.police.uk" or "@a.police.uk or @b.police.uk", for messages and pages. */
    public String domainsInWords() {
        List<String> ats = domains.stream().map(d -> "@" + d).toList();
        return ats.size() == 1 ? ats.get(0) : String.join(", ", ats.subList(0, ats.size() - 1)) + " or " + ats.get(ats.size() - 1);
    }
}
