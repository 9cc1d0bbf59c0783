package uk.opcc.funding.function.notify;

/**
 * One email, ready to send: to staff or to an applicant. Only our own words and addresses go in
 * headers, through {@link #header}; the applicant's words go only in the body.
 *
 * @param replyTo where a reply goes, or null for the sender
 */
public record Email(String to, String replyTo, String subject, String text, String html) {

    public Email {
        to = header(to);
        replyTo = replyTo == null ? null : header(replyTo);
        subject = header(subject);
    }

    /** Header values never carry CR, LF or other control characters. */
    public static String header(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
