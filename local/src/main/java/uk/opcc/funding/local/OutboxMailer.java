package uk.opcc.funding.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import uk.opcc.funding.function.notify.Email;
import uk.opcc.funding.function.notify.EmailFailedException;
import uk.opcc.funding.function.notify.Mailer;

/**
 * The local run's mail service: each email is written as an .eml file (RFC 5322, MIME
 * multipart with the text and HTML parts) that any mail program opens.
 */
final class OutboxMailer implements Mailer {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private final Path outbox;

    OutboxMailer(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public String send(Email email, String from) {
        String id = UUID.randomUUID().toString();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String boundary = "part-" + id;
        StringBuilder eml = new StringBuilder()
                .append("From: ").append(from).append("\r\n")
                .append("To: ").append(email.to()).append("\r\n");
        if (email.replyTo() != null) {
            eml.append("Reply-To: ").append(email.replyTo()).append("\r\n");
        }
        eml.append("Subject: ").append(encodedWord(email.subject())).append("\r\n")
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(now)).append("\r\n")
                .append("Message-ID: <").append(id).append("@localhost>\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n")
                .append(part(boundary, "text/plain", email.text()))
                .append(part(boundary, "text/html", email.html()))
                .append("--").append(boundary).append("--\r\n");
        write(outbox, now, id, eml.toString().getBytes(StandardCharsets.US_ASCII));
        return id;
    }

    /**
     * Writes one email into the outbox, named by its time and id so the files list in order sent;
     * its path. Written beside it first and then renamed, so whoever lists the outbox (/_outbox/,
     * the tests, a mail program) sees a whole email or none, never half of one.
     */
    static Path write(Path outbox, ZonedDateTime now, String id, byte[] eml) {
        Path file = outbox.resolve(FILE_TIME.format(now) + "-" + id.substring(0, 8) + ".eml");
        Path partial = outbox.resolve("." + file.getFileName() + ".partial");
        try {
            Files.createDirectories(outbox);
            Files.write(partial, eml);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmailFailedException("Could not write to the outbox " + outbox, e);
        }
        return file;
    }

    private static String part(String boundary, String type, String content) {
        return "--" + boundary + "\r\nContent-Type: " + type + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** Header text as an RFC 2047 encoded word, so any character is safe in it. */
    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
