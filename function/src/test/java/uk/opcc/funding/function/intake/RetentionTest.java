package uk.opcc.funding.function.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.function.Fixtures;

class RetentionTest {
    @Test
    void applicationsExpireTheFundsRetentionPeriodAfterTheyAreReceivedAsThePrivacyNoticeSays() {
        Fund saferVillages = Fixtures.CATALOGUE.fund("safer-villages-fund").orElseThrow();
        assertThat(Retention.expiresAt(saferVillages, Instant.parse("2030-03-12T12:00:00Z")))
                .isEqualTo(Instant.parse("2036-03-12T12:00:00Z").getEpochSecond());
    }
}
