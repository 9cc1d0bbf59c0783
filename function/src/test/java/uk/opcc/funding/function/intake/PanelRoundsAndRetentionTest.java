package uk.opcc.funding.function.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.function.Fixtures;

class PanelRoundsAndRetentionTest {
    static final Fund PROPERTY_FUND = Fixtures.CATALOGUE.fund("property-fund").orElseThrow();

    @Test
    void quartersFollowTheFinancialYear() {
        assertThat(PanelRounds.quarter(LocalDate.parse("2026-04-01"))).isEqualTo("2026-27 Q1");
        assertThat(PanelRounds.quarter(LocalDate.parse("2026-06-30"))).isEqualTo("2026-27 Q1");
        assertThat(PanelRounds.quarter(LocalDate.parse("2026-07-01"))).isEqualTo("2026-27 Q2");
        assertThat(PanelRounds.quarter(LocalDate.parse("2026-11-24"))).isEqualTo("2026-27 Q3");
        assertThat(PanelRounds.quarter(LocalDate.parse("2027-01-01"))).isEqualTo("2026-27 Q4");
        assertThat(PanelRounds.quarter(LocalDate.parse("2027-03-31"))).isEqualTo("2026-27 Q4");
    }

    @Test
    void roundIsTakenInUkTime() {
        // 23:30 UTC on 31 March is 00:30 BST on 1 April: the new financial year.
        assertThat(PanelRounds.roundFor(PROPERTY_FUND, null, Instant.parse("2027-03-31T23:30:00Z"))).isEqualTo("2027-28 Q1");
    }

    @Test
    void aCallsApplicationsJoinTheRoundInWhichTheCallCloses() {
        var call = Fixtures.CATALOGUE.call("road-safety-2026").orElseThrow(); // closes 29 January 2027
        assertThat(PanelRounds.roundFor(PROPERTY_FUND, call, Fixtures.NOW)).isEqualTo("2026-27 Q4");
    }

    @Test
    void monthlyAndNoPanels() {
        Fund covid = Fixtures.CATALOGUE.fund("covid-community-recovery-fund").orElseThrow();
        Fund partnership = Fixtures.CATALOGUE.fund("partnership-fund").orElseThrow();
        assertThat(PanelRounds.roundFor(covid, null, Instant.parse("2020-07-15T10:00:00Z"))).isEqualTo("2020-07");
        assertThat(PanelRounds.roundFor(partnership, null, Fixtures.NOW)).isEqualTo("none");
    }

    @Test
    void applicationsExpireAfterTheFundsRetentionPeriod() {
        assertThat(Retention.expiresAt(PROPERTY_FUND, Instant.parse("2026-11-24T12:00:00Z")))
                .isEqualTo(Instant.parse("2033-11-24T12:00:00Z").getEpochSecond());
    }
}
