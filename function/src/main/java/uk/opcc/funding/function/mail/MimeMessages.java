package uk.opcc.funding.function.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * The one writer of an email as an RFC 5322 message with MIME parts: what SES is given to send
 * (raw) and what the local outbox saves, byte for byte. Jakarta Mail (Angus) writes it: RFC 2047
 * encoded words for any character in the subject, folded header lines, a transfer encoding
 * chosen for each part's content, attachments. Given the same email, date and id it writes the
 * same bytes: the boundaries come from the id and the date is written in UTC, whatever this
 * machine's zone.
 */
public final class MimeMessages {
    private static final Session SESSION = Session.getInstance(new Properties());
    /**
     * Every part is base64, whatever it holds: no line of an applicant's answer or of a CSV can
     * then read as a boundary (base64 has no "=_", which begins each of ours) or a header.
     */
    private static final String ENCODING = "Content-Transfer-Encoding";
    private static final String BASE64 = "base64";

    private MimeMessages() {
    }

    /**
     * @param messageId unique, such as {@code <uuid>@<domain>}, without angle brackets; SES puts its
     *                  own in its place, the outbox keeps it
     */
    public static byte[] write(Email email, String from, Instant date, String messageId) {
        try {
            MimeMessage message = new FixedIdMessage(messageId);
            message.setFrom(new InternetAddress(from, true));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(email.to(), true));
            if (email.replyTo() != null) {
                message.setReplyTo(InternetAddress.parse(email.replyTo(), true));
            }
            message.setSubject(email.subject(), "UTF-8");
            message.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)));
            String boundary = messageId.replaceAll("[^A-Za-z0-9.-]", "");
            if (email.attachments().isEmpty() && email.html() == null) {
                message.setText(email.text(), "UTF-8");
                message.setHeader(ENCODING, BASE64);
            } else if (email.attachments().isEmpty()) {
                message.setContent(alternative(email, boundary));
            } else {
                MimeMultipart mixed = new FixedBoundary("mixed", "mixed-" + boundary);
                MimeBodyPart body = new MimeBodyPart();
                if (email.html() == null) {
                    body.setText(email.text(), "UTF-8");
                    body.setHeader(ENCODING, BASE64);
                } else {
                    body.setContent(alternative(email, boundary));
                }
                mixed.addBodyPart(body);
                for (Attachment attachment : email.attachments()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                    part.setFileName(attachment.fileName());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    part.setHeader(ENCODING, BASE64);
                    mixed.addBodyPart(part);
                }
                message.setContent(mixed);
            }
            message.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Could not write the email as MIME: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text and its HTML alternative. */
    private static MimeMultipart alternative(Email email, String boundary) throws MessagingException {
        MimeMultipart alternative = new FixedBoundary("alternative", "alt-" + boundary);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8");
        text.setHeader(ENCODING, BASE64);
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        html.setHeader(ENCODING, BASE64);
        alternative.addBodyPart(html);
        return alternative;
    }

    /** A multipart whose boundary is given, not drawn at random, so the same email writes the same bytes. */
    private static final class FixedBoundary extends MimeMultipart {
        FixedBoundary(String subtype, String boundary) {
            super(subtype);
            ContentType type = new ContentType("multipart", subtype, null);
            type.setParameter("boundary", "=_" + boundary);
            contentType = type.toString();
        }
    }

    /** A message keeping the id it is given: Jakarta Mail would make one from this machine's name and the time. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }

}
