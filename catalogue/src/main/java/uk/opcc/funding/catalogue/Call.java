package uk.opcc.funding.catalogue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A targeted call for bids: one Markdown file under {@code content/} with {@code type=call}.
 * Times are Europe/London wall-clock times, as the comms team writes them.
 *
 * @param id          the file name without its extension; also the page's name
 * @param uri         the page's address relative to the site root, as JBake writes it
 * @param source      the file it came from, for messages that name it
 * @param decisionsBy when a call has a panel of its own, the date its applicants hear by; empty
 *                    when its bids go to the fund's first panel after it closes
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
        Path source,
        Optional<LocalDate> decisionsBy) {

    /** The last week of a call is flagged "closing soon". */
    static final int CLOSING_SOON_DAYS = 7;

    public CallStatus statusAt(Instant now) {
        return CallStatus.of(this, now);
    }

    /** The call's own panel, when it has one: it considers the call's bids after it closes. */
    public Optional<PanelRound> ownRound() {
        return decisionsBy.map(date -> new PanelRound(id, closes, date, false));
    }

    /** When the call enters its last week and shows "closing soon". */
    public Instant closingSoonFrom() {
        return CallStatus.closingSoonFrom(this);
    }
}
