package uk.opcc.funding.function.endorse;

import java.util.Locale;

/**
 * One email of an application's endorsement, each claimed, sent once, retried and reported like the
 * application's other emails: a step's request and reminder to its endorser, a step's short note to
 * staff when it completes, and one note to the applicant when their application is supported (or not).
 *
 * @param stepId the step it belongs to; null for the applicant's note, which is the whole endorsement's
 */
public record EmailJob(String stepId, Kind kind) {
    public enum Kind { REQUEST, REMINDER, STAFF, APPLICANT }

    public static EmailJob applicant() {
        return new EmailJob(null, Kind.APPLICANT);
    }

    /** The attribute its state is kept in, and the prefix of its lease's, attempts' and error's: {@code endorsementOfficerRequestEmail}. */
    public String attribute() {
        return kind == Kind.APPLICANT ? "endorsementApplicantEmail" : EndorsementState.prefix(stepId) + word() + "Email";
    }

    /** As the resend reports it: {@code officer request}. */
    @Override
    public String toString() {
        return kind == Kind.APPLICANT ? "endorsement applicant" : stepId + " " + kind.name().toLowerCase(Locale.ROOT);
    }

    private String word() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

}
