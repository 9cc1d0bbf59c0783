package uk.opcc.funding.local;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/** One .eml file of the outbox, read as a mail program reads it (Jakarta Mail): headers, text, HTML, attachments. */
record OutboxEmail(String file, String from, String to, String replyTo, Date date, String subject, String text, String html,
                   List<Attachment> attachments) {

    record Attachment(String name, String type, byte[] content) {
    }

    static OutboxEmail read(Path eml) throws IOException {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Parts parts = new Parts();
            parts.walk(message);
            return new OutboxEmail(eml.getFileName().toString(), addresses(message.getFrom()), addresses(message.getRecipients(MimeMessage.RecipientType.TO)),
                    addresses(message.getReplyTo()), message.getSentDate(), message.getSubject() == null ? "(no subject)" : message.getSubject(),
                    parts.text, parts.html, List.copyOf(parts.attachments));
        } catch (MessagingException e) {
            throw new IOException("Not a readable email: " + eml.getFileName(), e);
        }
    }

    private static String addresses(jakarta.mail.Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Object::toString).collect(Collectors.joining(", "));
    }

    /** The first text and HTML parts that are not attachments, and every attachment, in order. */
    private static final class Parts {
        String text;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
                return;
            }
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (!attached && part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (!attached && part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            } else {
                try (InputStream in = part.getInputStream()) {
                    String name = part.getFileName() == null ? "attachment-" + (attachments.size() + 1) : part.getFileName();
                    attachments.add(new Attachment(name, part.getContentType().split(";")[0].strip(), in.readAllBytes()));
                }
            }
        }
    }
}
