package uk.opcc.funding.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Supplier;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.mail.EmailFailedException;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.mail.MimeMessages;
import uk.opcc.funding.function.ses.SesMailer;

/**
 * The local run's mail service: each email, a panel pack's with its CSV included, is written as an
 * .eml file that any mail program opens, holding exactly the bytes {@link SesMailer} gives SES for
 * the same email, date and id ({@link MimeMessages} writes both).
 */
final class OutboxMailer implements Mailer {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private final Path outbox;
    private final Clock clock;
    private final Supplier<String> messageIds;
    /** The last email and its file, for the panel pack command to print. */
    volatile Email lastEmail;
    volatile Path lastFile;

    OutboxMailer(Path outbox) {
        this(outbox, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /** @param messageIds the local part of each message's id, as {@link SesMailer} takes it */
    OutboxMailer(Path outbox, Clock clock, Supplier<String> messageIds) {
        this.outbox = outbox;
        this.clock = clock;
        this.messageIds = messageIds;
    }

    @Override
    public String send(Email email, String from) {
        String id = messageIds.get();
        Instant now = clock.instant();
        lastFile = write(outbox, now, id, MimeMessages.write(email, from, now, id + "@" + SesMailer.domainOf(from)));
        lastEmail = email;
        return id;
    }

    /**
     * Writes one email into the outbox, named by its time and id so the files list in order sent;
     * its path. Written beside it first and then renamed, so whoever lists the outbox (/_outbox/,
     * the tests, a mail program) sees a whole email or none, never half of one.
     */
    private static Path write(Path outbox, Instant now, String id, byte[] eml) {
        Path file = outbox.resolve(FILE_TIME.format(now) + "-" + id.substring(0, Math.min(8, id.length())) + ".eml");
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
}
