package uk.opcc.funding.local;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Reads the local run's outbox as a mail program would, with Jakarta Mail. */
final class Outbox {
    private Outbox() {
    }

    /** The stream is polled a few times a second, so the email should follow within seconds. */
    static Path waitForEmail(Path outbox, String reference) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (Path email : new OutboxPage(outbox).emails()) {
                if (read(email).getSubject().contains(reference)) {
                    return email;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email for " + reference + " in " + outbox);
    }

    static MimeMessage read(Path email) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(email)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
