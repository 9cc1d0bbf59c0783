package uk.opcc.funding.function.mail;

import java.util.List;

/**
 * One email, ready to send: to staff or to an applicant, or a panel pack with its CSV. Only our own
 * words and addresses go in headers, through {@link #header}; the applicant's words go only in the
 * body and the attachments.
 *
 * @param replyTo     where a reply goes, or null for the sender
 * @param html        the HTML alternative of {@code text}, or null for a text-only email
 * @param attachments files sent with it, in order
 */
public record Email(String to, String replyTo, String subject, String text, String html, List<Attachment> attachments) {

    public Email {
        to = header(to);
        replyTo = replyTo == null ? null : header(replyTo);
        subject = header(subject);
        attachments = List.copyOf(attachments);
    }

    /** An email with a text and an HTML part and nothing attached: what staff and applicants get. */
    public Email(String to, String replyTo, String subject, String text, String html) {
        this(to, replyTo, subject, text, html, List.of());
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
