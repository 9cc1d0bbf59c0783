package uk.opcc.funding.function.notify;

/**
 * Who an application's emails go to. Each has its own notification state on the stored
 * application, so each is claimed, sent, retried and given up on by itself: a failure of one
 * never holds back or repeats the other.
 */
public enum Recipient {
    /** The fund's mailbox. */
    STAFF("staff"),
    /** The address the applicant gave. */
    APPLICANT("applicant");

    /** The prefix of this email's attributes on the stored item: {@code staffEmail}, {@code staffEmailLeaseUntil}, ... */
    public final String id;

    Recipient(String id) {
        this.id = id;
    }
}
