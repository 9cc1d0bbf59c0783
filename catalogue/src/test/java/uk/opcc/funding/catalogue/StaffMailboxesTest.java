package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** STAFF_MAILBOXES against the fixture funder's catalogue: its two open funds with forms need one each, nothing else does. */
class StaffMailboxesTest {
    static final Catalogue CATALOGUE = CatalogueReader.read(FixtureFunder.SOURCE);
    static final String FITTING = "youth-diversion-fund=youth@example.org, safer-villages-fund = villages@example.org";

    @Test
    void aSettingThatFitsIsReadInAnyOrderWithSpacesAroundItsPartsIgnored() {
        assertThat(StaffMailboxes.read(FITTING, CATALOGUE)).isEqualTo(Map.of(
                "safer-villages-fund", "villages@example.org", "youth-diversion-fund", "youth@example.org"));
        assertThat(StaffMailboxes.problems(FITTING, CATALOGUE)).isEmpty();
    }

    @Test
    void aFundNotTakingApplicationsMayHaveAMailboxButNeedsNone() {
        String withEnded = FITTING + ",flood-recovery-fund=old@example.org";

        assertThat(StaffMailboxes.read(withEnded, CATALOGUE)).containsEntry("flood-recovery-fund", "old@example.org");
        assertThat(StaffMailboxes.problems(FITTING, CATALOGUE)).isEmpty(); // no fire-prevention-partnership (by invitation), no ended fund
    }

    @Test
    void everyProblemIsNamedAtOnceEachWithItsFund() {
        String setting = "safer-villages-fund=villages@example.org,lottery-fund=a@example.org,safer-villages-fund=again@example.org,"
                + "fire-prevention-partnership=not an address,youth-diversion-fund";

        assertThat(StaffMailboxes.problems(setting, CATALOGUE)).containsExactly(
                "STAFF_MAILBOXES names lottery-fund, which is not a fund in the catalogue ('lottery-fund=a@example.org')",
                "STAFF_MAILBOXES gives safer-villages-fund twice",
                "STAFF_MAILBOXES: the address for fire-prevention-partnership is not an email address",
                "STAFF_MAILBOXES: 'youth-diversion-fund' should be fund-id=address",
                "STAFF_MAILBOXES has no address for youth-diversion-fund, which takes applications");
        assertThatThrownBy(() -> StaffMailboxes.read(setting, CATALOGUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lottery-fund").hasMessageContaining("youth-diversion-fund, which takes applications");
    }

    @Test
    void anAddressCarryingAHeaderIsRefusedWithoutBeingRepeated() {
        String setting = "safer-villages-fund=villages@example.org\r\nBcc: all@example.org,youth-diversion-fund=youth@example.org";

        assertThat(StaffMailboxes.problems(setting, CATALOGUE)).containsExactly("STAFF_MAILBOXES: the address for safer-villages-fund is not an email address",
                "STAFF_MAILBOXES has no address for safer-villages-fund, which takes applications");
    }
}
