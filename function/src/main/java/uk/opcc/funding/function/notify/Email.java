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

    /**
     * Header values never carry a control, format or line-separating character (Unicode Cc, Cf, Zl,
     * Zp: CR, LF and NEL, but also U+2028 and the bidirectional overrides that make a subject read
     * backwards): each run of them becomes one space.
     */
    public static String header(String value) {
        return value.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ").strip();
    }
}
