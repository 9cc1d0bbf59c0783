package uk.opcc.funding.catalogue.decision;

/**
 * One of the short list of reasons an application is declined, from {@code data/decline-reasons.yml}.
 *
 * @param id   what a decision file names it by (more-bids-than-money)
 * @param text the reason in plain words, as the applicant reads it
 */
public record DeclineReason(String id, String text) {
}
