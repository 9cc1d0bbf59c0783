package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STAFF_MAILBOXES against the real catalogue: the two open funds with forms need one each, nothing else does. */
class StaffMailboxesTest {
    static final Catalogue CATALOGUE = CatalogueReader.read(Path.of("../site/src/main/jbake"));
    static final String FITTING = "victims-services-fund=victims@example.gov.uk, property-fund = grants@example.gov.uk";

    @Test
    void aSettingThatFitsIsReadInAnyOrderWithSpacesAroundItsPartsIgnored() {
        assertThat(StaffMailboxes.read(FITTING, CATALOGUE)).isEqualTo(Map.of(
                "property-fund", "grants@example.gov.uk", "victims-services-fund", "victims@example.gov.uk"));
        assertThat(StaffMailboxes.problems(FITTING, CATALOGUE)).isEmpty();
    }

    @Test
    void aFundNotTakingApplicationsMayHaveAMailboxButNeedsNone() {
        String withEnded = FITTING + ",covid-community-recovery-fund=old@example.gov.uk";

        assertThat(StaffMailboxes.read(withEnded, CATALOGUE)).containsEntry("covid-community-recovery-fund", "old@example.gov.uk");
        assertThat(StaffMailboxes.problems(FITTING, CATALOGUE)).isEmpty(); // no partnership-fund (by invitation), no ended funds
    }

    @Test
    void everyProblemIsNamedAtOnceEachWithItsFund() {
        String setting = "property-fund=grants@example.gov.uk,lottery-fund=a@example.gov.uk,property-fund=again@example.gov.uk,"
                + "partnership-fund=not an address,victims-services-fund";

        assertThat(StaffMailboxes.problems(setting, CATALOGUE)).containsExactly(
                "STAFF_MAILBOXES names lottery-fund, which is not a fund in the catalogue ('lottery-fund=a@example.gov.uk')",
                "STAFF_MAILBOXES gives property-fund twice",
                "STAFF_MAILBOXES: the address for partnership-fund is not an email address",
                "STAFF_MAILBOXES: 'victims-services-fund' should be fund-id=address",
                "STAFF_MAILBOXES has no address for victims-services-fund, which takes applications");
        assertThatThrownBy(() -> StaffMailboxes.read(setting, CATALOGUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lottery-fund").hasMessageContaining("victims-services-fund, which takes applications");
    }

    @Test
    void anAddressCarryingAHeaderIsRefusedWithoutBeingRepeated() {
        String setting = "property-fund=grants@example.gov.uk\r\nBcc: all@example.org,victims-services-fund=victims@example.gov.uk";

        assertThat(StaffMailboxes.problems(setting, CATALOGUE)).containsExactly("STAFF_MAILBOXES: the address for property-fund is not an email address",
                "STAFF_MAILBOXES has no address for property-fund, which takes applications");
    }
}
