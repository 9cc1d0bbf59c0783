package uk.opcc.funding.local;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import uk.opcc.funding.function.panel.PackMime;
import uk.opcc.funding.function.panel.PanelPack;
import uk.opcc.funding.function.panel.PanelPackSender;

/** The local run's panel packs: the same MIME message SES would be given, written as an .eml file to the outbox. */
final class OutboxPanelPackSender implements PanelPackSender {
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
        Path file = OutboxMailer.write(outbox, now, id, PackMime.of(pack, from, now, id + "@localhost"));
        lastPack = pack;
        lastFile = file;
        return id;
    }
}
