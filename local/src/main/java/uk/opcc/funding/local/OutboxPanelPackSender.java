package uk.opcc.funding.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import uk.opcc.funding.function.notify.EmailFailedException;
import uk.opcc.funding.function.panel.PackMime;
import uk.opcc.funding.function.panel.PanelPack;
import uk.opcc.funding.function.panel.PanelPackSender;

/** The local run's panel packs: the same MIME message SES would be given, written as an .eml file to the outbox. */
final class OutboxPanelPackSender implements PanelPackSender {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private final Path outbox;
    /** The last pack and its file, for the command to print. */
    volatile PanelPack lastPack;
    volatile Path lastFile;

    OutboxPanelPackSender(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public String send(PanelPack pack, String from) {
        String id = UUID.randomUUID().toString();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Path file = outbox.resolve(FILE_TIME.format(now) + "-" + id.substring(0, 8) + ".eml");
        try {
            Files.createDirectories(outbox);
            Files.write(file, PackMime.of(pack, from, now, id + "@localhost"));
        } catch (IOException e) {
            throw new EmailFailedException("Could not write to the outbox " + outbox, e);
        }
        lastPack = pack;
        lastFile = file;
        return id;
    }
}
