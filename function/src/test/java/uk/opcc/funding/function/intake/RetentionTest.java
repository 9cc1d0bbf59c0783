package uk.opcc.funding.function.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.function.Fixtures;

class RetentionTest {
    @Test
    void applicationsExpireAfterTheFundsRetentionPeriod() {
        Fund propertyFund = Fixtures.CATALOGUE.fund("property-fund").orElseThrow();
        assertThat(Retention.expiresAt(propertyFund, Instant.parse("2026-11-24T12:00:00Z")))
                .isEqualTo(Instant.parse("2033-11-24T12:00:00Z").getEpochSecond());
    }
}
