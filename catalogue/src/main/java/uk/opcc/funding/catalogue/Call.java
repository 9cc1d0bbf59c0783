package uk.opcc.funding.catalogue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * A targeted call for bids: one Markdown file under {@code content/} with {@code type=call}.
 * Times are Europe/London wall-clock times, as the comms team writes them.
 *
 * @param id     the file name without its extension; also the page's name
 * @param uri    the page's address relative to the site root, as JBake writes it
 * @param source the file it came from, for messages that name it
 */
public record Call(
        String id,
        String uri,
        String title,
        String fundId,
        String theme,
        String summary,
        ZonedDateTime opens,
        ZonedDateTime closes,
        BigDecimal maxAward,
        boolean draft,
        Path source) {

    /** The last week of a call is flagged "closing soon". */
    static final int CLOSING_SOON_DAYS = 7;

    public CallStatus statusAt(java.time.Instant now) {
        return CallStatus.of(this, now);
    }
}
