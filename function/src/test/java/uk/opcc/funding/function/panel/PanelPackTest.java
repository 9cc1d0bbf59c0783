package uk.opcc.funding.function.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.PanelRound;
import uk.opcc.funding.function.LegacyFixtures;
import uk.opcc.funding.function.intake.Application;

class PanelPackTest {
    static final Fund FUND = LegacyFixtures.CATALOGUE.fund("property-fund").orElseThrow();
    static final PanelRound ROUND = FUND.round("2026-27-Q3").orElseThrow();
    static final FormDefinition FORM = LegacyFixtures.CATALOGUE.formFor("property-fund").orElseThrow();

    static Application application(String reference, String organisation, String amount, Instant received) {
        Map<String, List<String>> answers = Fixtures.with(Fixtures.with(LegacyFixtures.propertyFundAnswers(), "organisationName", organisation), "amount", amount);
        return new Application(reference, "property-fund", "property-fund", null, "2026-27-Q3", received, answers, 0);
    }

    static PanelPack pack(List<Application> applications) {
        return PanelPack.compose(LegacyFixtures.CATALOGUE, FUND, ROUND, FORM, applications, "grants@example.gov.uk", false);
    }

    @Test
    void summaryCountsTheApplicationsAddsUpWhatTheyAskAndListsEachOnALine() {
        PanelPack pack = pack(List.of(
                application("KX7P-M2RD", "Eden Valley Speed Watch", "1250.50", LegacyFixtures.NOW),
                application("PN4W-8HTC", "Keswick Youth Club", "2500", LegacyFixtures.NOW.plusSeconds(60)),
                application("TR6X-9HCW", "Alston Parish\nCouncil", "1999.99", LegacyFixtures.NOW.plusSeconds(120))));

        assertThat(pack.count()).isEqualTo(3);
        assertThat(pack.total()).isEqualByComparingTo(new BigDecimal("5750.49"));
        assertThat(pack.subject()).isEqualTo("Panel pack: Property Fund, round 2026-27-Q3: 3 applications, £5,750.49 asked");
        assertThat(pack.text()).contains("Applications: 3\nTotal asked: £5,750.49\n",
                "Applications received by 11 December 2026 at 5pm (UK time). Applicants hear by 29 January 2027.",
                "KX7P-M2RD  Eden Valley Speed Watch  £1,250.50\n",
                "PN4W-8HTC  Keswick Youth Club  £2,500\n",
                // an applicant's line break cannot start a line of the summary
                "TR6X-9HCW  Alston Parish Council  £1,999.99\n",
                PanelPack.WARNING);
        assertThat(pack.to()).isEqualTo("grants@example.gov.uk");
        assertThat(pack.attachmentName()).isEqualTo("property-fund-2026-27-Q3.csv");
    }

    @Test
    void csvHasAHeaderFromTheFormAndOneRowPerApplicationWithEveryAnswerInItsColumn() throws IOException {
        List<List<String>> rows = PackCsvTest.parse(pack(List.of(application("KX7P-M2RD", "=cmd|' /C calc'!A0", "1250.50", LegacyFixtures.NOW))).csv());

        assertThat(rows).hasSize(2);
        List<String> header = rows.get(0);
        assertThat(header).hasSize(4 + FORM.fields().size())
                .startsWith("Reference", "Received (UK time)", "Panel round", "Call for bids", "Name of your organisation")
                .contains("How much are you applying for? (£)");
        List<String> row = rows.get(1);
        assertThat(row.get(0)).isEqualTo("KX7P-M2RD");
        assertThat(row.get(1)).isEqualTo("2026-11-24 12:00");
        assertThat(row.get(2)).isEqualTo("2026-27-Q3");
        assertThat(row.get(header.indexOf("Name of your organisation"))).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(row.get(header.indexOf("How much are you applying for? (£)"))).isEqualTo("1250.50");
        assertThat(row.get(header.indexOf("Describe your project"))).isEqualTo("Volunteers will run speed checks on the A686.\nTwice a week.");
        assertThat(row.get(header.indexOf("Telephone number"))).isEqualTo("01632 960 001");
        String objectives = row.get(header.indexOf(FORM.field("objectives").orElseThrow().label()));
        assertThat(objectives).contains("; ").doesNotContain("objective-3");
        assertThat(row.get(header.size() - 1)).isEqualTo("Confirmed");
    }

    @Test
    void anEmptyRoundSaysSoAndAttachesOnlyTheHeader() throws IOException {
        PanelPack pack = pack(List.of());

        assertThat(pack.subject()).isEqualTo("Panel pack: Property Fund, round 2026-27-Q3: 0 applications, £0 asked");
        assertThat(pack.text()).contains("No applications were received for this round.");
        assertThat(PackCsvTest.parse(pack.csv())).hasSize(1);
    }

    @Test
    void anInterimPackSaysTheRoundIsStillOpen() {
        PanelPack pack = PanelPack.compose(LegacyFixtures.CATALOGUE, FUND, ROUND, FORM, List.of(), "grants@example.gov.uk", true);

        assertThat(pack.subject()).startsWith("Interim panel pack: ");
        assertThat(pack.text()).contains("INTERIM: the round is still taking applications.");
        assertThat(pack.attachmentName()).isEqualTo("property-fund-2026-27-Q3-interim.csv");
    }
}
