package uk.opcc.funding.function.intake;

import java.time.Instant;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Fund;

/** When a stored application is deleted: its fund's retention period after it was received. */
public final class Retention {
    private Retention() {
    }

    /** Epoch seconds, as DynamoDB's time-to-live attribute wants them. */
    public static long expiresAt(Fund fund, Instant receivedAt) {
        return receivedAt.atZone(Catalogue.UK).plusYears(fund.retentionYears()).toEpochSecond();
    }
}
