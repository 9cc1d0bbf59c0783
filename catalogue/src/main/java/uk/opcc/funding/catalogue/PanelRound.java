package uk.opcc.funding.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One meeting of a fund's decision panel: the applications it considers are those received by
 * {@code deadline} (or answering a call that closes by then), and applicants hear by
 * {@code decisionsBy}. Dates marked provisional are placeholders the OPCC has yet to confirm;
 * the site says so wherever it shows them.
 *
 * @param id a stable name, such as 2026-27-Q4 (or a call's id for a call with its own panel):
 *           stored with each application and used to gather the round's panel pack
 */
public record PanelRound(String id, ZonedDateTime deadline, LocalDate decisionsBy, boolean provisional) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /**
     * The round as people name it, by the month its decisions are made: "January 2027 panel". The
     * id is for the data and the panel pack, not for applicants.
     */
    public String name() {
        return MONTH.format(decisionsBy) + " panel";
    }

    /** An application received before the deadline joins this round; one received at it joins the next. */
    public boolean takes(Instant moment) {
        return moment.isBefore(deadline.toInstant());
    }
}
