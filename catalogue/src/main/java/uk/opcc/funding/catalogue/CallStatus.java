package uk.opcc.funding.catalogue;

import java.time.Instant;

/** Where a call stands at a given moment. Opening is inclusive, closing exclusive. */
public enum CallStatus {
    UPCOMING("Opens soon"),
    OPEN("Open"),
    CLOSING_SOON("Closing soon"),
    CLOSED("Closed");

    private final String label;

    CallStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }

    /** True while applications are accepted: open or closing soon. */
    public boolean acceptsApplications() {
        return this == OPEN || this == CLOSING_SOON;
    }

    static CallStatus of(Call call, Instant now) {
        if (now.isBefore(call.opens().toInstant())) {
            return UPCOMING;
        }
        if (!now.isBefore(call.closes().toInstant())) {
            return CLOSED;
        }
        return now.isBefore(closingSoonFrom(call)) ? OPEN : CLOSING_SOON;
    }

    /** Seven calendar days before closing, in UK time, so a clock change in the last week moves nothing. */
    static Instant closingSoonFrom(Call call) {
        return call.closes().minusDays(Call.CLOSING_SOON_DAYS).toInstant();
    }
}
