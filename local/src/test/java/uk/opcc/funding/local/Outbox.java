package uk.opcc.funding.local;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads the local run's outbox as a mail program would, with Jakarta Mail. */
final class Outbox {
    private Outbox() {
    }

    /** The first email whose subject contains {@code text}, to anyone. */
    static Path waitForEmail(Path outbox, String text) throws Exception {
        return waitForEmail(outbox, text, null);
    }

    /**
     * The email about an application to one address. The stream is polled a few times a second,
     * so the email should follow within seconds.
     */
    static Path waitForEmail(Path outbox, String reference, String to) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (Path email : new OutboxPage(outbox).emails()) {
                MimeMessage message = read(email);
                if (message.getSubject().contains(reference) && (to == null || message.getAllRecipients()[0].toString().equals(to))) {
                    return email;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email for " + reference + " to " + to + " in " + outbox);
    }

    /** Every email in the outbox whose subject is exactly this one. */
    static List<Path> withSubject(Path outbox, String subject) throws Exception {
        List<Path> found = new ArrayList<>();
        for (Path email : new OutboxPage(outbox).emails()) {
            if (subject.equals(read(email).getSubject())) {
                found.add(email);
            }
        }
        return found;
    }

    /** Every email in the outbox whose subject starts so, newest first, as the outbox lists them. */
    static List<Path> withSubjectStarting(Path outbox, String start) throws Exception {
        List<Path> found = new ArrayList<>();
        for (Path email : new OutboxPage(outbox).emails()) {
            if (read(email).getSubject().startsWith(start)) {
                found.add(email);
            }
        }
        return found;
    }

    static MimeMessage read(Path email) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(email)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
