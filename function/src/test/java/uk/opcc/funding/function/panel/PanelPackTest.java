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
import uk.opcc.funding.function.intake.Application;

class PanelPackTest {
    static final Fund FUND = Fixtures.CATALOGUE.fund(Fixtures.FUND).orElseThrow();
    static final PanelRound ROUND = FUND.round(Fixtures.ROUND).orElseThrow();
    static final FormDefinition FORM = Fixtures.CATALOGUE.formFor(Fixtures.FUND).orElseThrow();

    static Application application(String reference, String organisation, String amount, Instant received) {
        Map<String, List<String>> answers = Fixtures.with(Fixtures.with(Fixtures.with(Fixtures.answers(), "groupName", organisation), "amount", amount),
                "projectDescription", "Six solar lights on Sheep Lane.\nFrom the bus stop to the green.");
        return new Application(reference, Fixtures.FORM, Fixtures.FUND, null, Fixtures.ROUND, received, answers, 0);
    }

    static PanelPack pack(List<Application> applications) {
        return PanelPack.compose(Fixtures.CATALOGUE, FUND, ROUND, FORM, applications, "grants@example.gov.uk", false);
    }

    @Test
    void summaryCountsTheApplicationsAddsUpWhatTheyAskAndListsEachOnALine() {
        PanelPack pack = pack(List.of(
                application("KX7P-M2RD", "Moorside Lanes Watch", "1250.50", Fixtures.NOW),
                application("PN4W-8HTC", "Moorbridge Village Hall", "2500", Fixtures.NOW.plusSeconds(60)),
                application("TR6X-9HCW", "Upper Fell Parish\nCouncil", "1999.99", Fixtures.NOW.plusSeconds(120))));

        assertThat(pack.count()).isEqualTo(3);
        assertThat(pack.total()).isEqualByComparingTo(new BigDecimal("5750.49"));
        assertThat(pack.subject()).isEqualTo("Panel pack: Safer Villages Grant, round NV-2030-R1: 3 applications, £5,750.49 asked");
        assertThat(pack.text()).contains("Applications: 3\nTotal asked: £5,750.49\n",
                "Applications received by 28 March 2030 at 4pm (UK time). Applicants hear by 16 May 2030.",
                "KX7P-M2RD  Moorside Lanes Watch  £1,250.50\n",
                "PN4W-8HTC  Moorbridge Village Hall  £2,500\n",
                // an applicant's line break cannot start a line of the summary
                "TR6X-9HCW  Upper Fell Parish Council  £1,999.99\n",
                PanelPack.WARNING);
        assertThat(pack.to()).isEqualTo("grants@example.gov.uk");
        assertThat(pack.attachmentName()).isEqualTo("safer-villages-fund-NV-2030-R1.csv");
    }

    @Test
    void csvHasAHeaderFromTheFormAndOneRowPerApplicationWithEveryAnswerInItsColumn() throws IOException {
        List<List<String>> rows = PackCsvTest.parse(pack(List.of(application("KX7P-M2RD", "=cmd|' /C calc'!A0", "1250.50", Fixtures.NOW))).csv());

        assertThat(rows).hasSize(2);
        List<String> header = rows.get(0);
        assertThat(header).hasSize(4 + FORM.fields().size() - 4)
                .startsWith("Reference", "Received (UK time)", "Panel round", "Call for bids", "Name of your group")
                .contains("How much are you asking for? (£)");
        List<String> row = rows.get(1);
        assertThat(row.get(0)).isEqualTo("KX7P-M2RD");
        assertThat(row.get(1)).isEqualTo("2030-03-12 12:00");
        assertThat(row.get(2)).isEqualTo("NV-2030-R1");
        assertThat(row.get(header.indexOf("Name of your group"))).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(row.get(header.indexOf("How much are you asking for? (£)"))).isEqualTo("1250.50");
        assertThat(row.get(header.indexOf("What will you do, and where?"))).isEqualTo("Six solar lights on Sheep Lane.\nFrom the bus stop to the green.");
        String places = row.get(header.indexOf(FORM.field("places").orElseThrow().label()));
        assertThat(places).isEqualTo("Lanes and footpaths; Bus stops").doesNotContain("bus-stops");
        assertThat(row.get(header.size() - 1)).isEqualTo("Confirmed");
    }

    /** The contact details stay in each application's own email: a panel needs the project, not how to reach its author. */
    @Test
    void csvLeavesOutTheApplicantsNameEmailTelephoneAndPostcodeAndKeepsTheProjectTheAmountAndTheRound() throws IOException {
        Application application = application("KX7P-M2RD", "Moorside Lanes Watch", "1250.50", Fixtures.NOW);
        PanelPack pack = pack(List.of(application));
        List<List<String>> rows = PackCsvTest.parse(pack.csv());

        assertThat(rows.get(0)).doesNotContain("Your full name", "Email address", "Telephone number", "Postcode")
                .contains("Name of your group", "Village or parish", "Project title", "What will you do, and where?", "Panel round",
                        "How much are you asking for? (£)");
        assertThat(rows.get(1)).contains("NV-2030-R1", "1250.50", application.answers().get("projectTitle").get(0));
        for (String name : List.of("contactName", "email", "phone", "postcode")) {
            String answer = application.answers().get(name).get(0);
            assertThat(pack.csv()).as(name).doesNotContainIgnoringCase(answer);
        }
        assertThat(pack.text()).contains("contact details are left out");
    }

    @Test
    void everyFormsContactQuestionsAreFoundByTypeOrRoleAndNoOtherQuestion() {
        assertThat(FORM.fields()).filteredOn(f -> f.asksForContactDetails()).extracting(f -> f.name())
                .containsExactly("postcode", "contactName", "email", "phone");
        FormDefinition youth = Fixtures.CATALOGUE.formFor(Fixtures.SHORT_FUND).orElseThrow();
        assertThat(youth.fields()).filteredOn(f -> f.asksForContactDetails()).extracting(f -> f.name()).containsExactly("contactName", "email", "officerEmail", "inspectorEmail");
    }

    @Test
    void anEmptyRoundSaysSoAndAttachesOnlyTheHeader() throws IOException {
        PanelPack pack = pack(List.of());

        assertThat(pack.subject()).isEqualTo("Panel pack: Safer Villages Grant, round NV-2030-R1: 0 applications, £0 asked");
        assertThat(pack.text()).contains("No applications were received for this round.");
        assertThat(PackCsvTest.parse(pack.csv())).hasSize(1);
    }

    @Test
    void anInterimPackSaysTheRoundIsStillOpen() {
        PanelPack pack = PanelPack.compose(Fixtures.CATALOGUE, FUND, ROUND, FORM, List.of(), "grants@example.gov.uk", true);

        assertThat(pack.subject()).startsWith("Interim panel pack: ");
        assertThat(pack.text()).contains("INTERIM: the round is still taking applications.");
        assertThat(pack.attachmentName()).isEqualTo("safer-villages-fund-NV-2030-R1-interim.csv");
    }
}
