package uk.opcc.funding.catalogue.decision;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What was decided for one application in a round, by its reference. A decline carries no
 * organisation's name at all: names of declined organisations never reach the repository.
 */
public sealed interface Entry permits Entry.Award, Entry.Decline, Entry.Undecided {

    /** The application's reference, as the applicant was given it (KX7P-M2RD). */
    String reference();

    /**
     * A grant made: what the grants register and the 360Giving file publish.
     *
     * @param callId     the call for bids the application answered, when it answered one (its cap applies)
     * @param recipient  the recipient organisation's name as it is to be published
     * @param orgId      its registered number as an org-id (GB-CHC-1234567), when it has one
     * @param purpose    a public one-line purpose
     * @param conditions the conditions attached to the grant, if any
     * @param reason     why the grant is expected to reduce crime and disorder in the area
     */
    record Award(String reference, Optional<String> callId, BigDecimal amount, String recipient, Optional<String> orgId,
                 String purpose, Optional<String> conditions, String reason) implements Entry {
    }

    /**
     * An application not funded; never published.
     *
     * @param reason   the id of one of the reasons in {@code data/decline-reasons.yml}
     * @param feedback for the applicant, optional
     */
    record Decline(String reference, String reason, Optional<String> feedback) implements Entry {
    }

    /** Not decided yet: allowed in a draft only. */
    record Undecided(String reference) implements Entry {
    }
}
