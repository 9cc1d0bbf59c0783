package uk.opcc.funding.catalogue.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.CatalogueReader;

/** The decision files of the fixture funder (site/src/test/fixture-site), and each rule they are checked against. */
class DecisionReaderTest {

    static final Path FIXTURE = Path.of("../site/src/test/fixture-site");
    static final String FILE = "data/decisions/safer-villages-fund-NV-2029-R3.yml";

    @TempDir
    Path source;

    @BeforeEach
    void copyTheFixture() {
        copy(FIXTURE, source);
    }

    @Test
    void readsTheFixturesFinalDecisionWithItsAwardsAndDecline() {
        Decisions decisions = read();

        assertThat(decisions.all()).hasSize(1);
        Decision decision = decisions.published().get(0);
        assertThat(decision.file()).isEqualTo(FILE);
        assertThat(decision.id()).isEqualTo("safer-villages-fund-NV-2029-R3");
        assertThat(decision.fundId()).isEqualTo("safer-villages-fund");
        assertThat(decision.roundId()).isEqualTo("NV-2029-R3");
        assertThat(decision.decided()).isEqualTo(LocalDate.of(2030, 1, 28));
        assertThat(decision.decidedBy()).startsWith("The Commissioner");
        assertThat(decision.status()).isEqualTo(Decision.Status.FINAL);
        assertThat(decision.notice()).contains("## What was decided");
        assertThat(decision.awards()).extracting(Entry.Award::recipient)
                .containsExactly("Ashby Fold Neighbourhood Watch", "Kettlesby Village Hall");
        Entry.Award hall = decision.awards().get(1);
        assertThat(hall.amount()).isEqualByComparingTo("800");
        assertThat(hall.orgId()).contains("GB-CHC-9990001");
        assertThat(hall.callId()).contains("winter-watch-2029");
        assertThat(hall.conditions()).isEmpty();
        assertThat(decision.declines()).containsExactly(new Entry.Decline("PV3M-7XAY", "more-bids-than-money",
                Optional.of("A strong bid; the panel would welcome it again in the next round with a letter of support from the parish.")));
        assertThat(decisions.declineReason("more-bids-than-money")).isPresent();
    }

    @Test
    void aDraftMayLeaveApplicationsUndecidedAndIsNotPublished() {
        write(decision("draft", """
                  - reference: KX7P-M2RD
                """));

        Decisions decisions = read();

        assertThat(decisions.all()).singleElement().satisfies(d -> assertThat(d.entries())
                .containsExactly(new Entry.Undecided("KX7P-M2RD")));
        assertThat(decisions.published()).isEmpty();
    }

    @Test
    void refusesAnUnknownFund() {
        write(fixtureText().replace("fund: safer-villages-fund", "fund: safer-village-fund"));

        assertProblem(FILE + ": unknown fund 'safer-village-fund'; use one of");
    }

    @Test
    void refusesAnUnknownRound() {
        write(fixtureText().replace("round: NV-2029-R3", "round: NV-2029-R9"));

        assertProblem(FILE + ": the Safer Villages Grant has no round 'NV-2029-R9'");
    }

    @Test
    void refusesAFileNotNamedAfterItsFundAndRound() throws IOException {
        Files.move(source.resolve(FILE), source.resolve("data/decisions/winter-watch.yml"));

        assertProblem("data/decisions/winter-watch.yml: a decision file is named after its fund and round: "
                + "call it safer-villages-fund-NV-2029-R3.yml");
    }

    @Test
    void refusesAReferenceTwice() {
        write(fixtureText().replace("reference: HT4W-9CNE", "reference: KX7P-M2RD"));

        assertProblem(FILE + " (KX7P-M2RD): the reference KX7P-M2RD appears twice in this file; an application is decided once");
    }

    @Test
    void refusesAnAwardAboveTheCallsCap() {
        // the winter-watch call's cap is £800, below the fund's £3,000
        write(fixtureText().replace("amount: 800", "amount: 850"));

        assertProblem(FILE + " (HT4W-9CNE): the award of £850 is above the call's cap of £800");
    }

    @Test
    void refusesAnAwardAboveTheFundsCap() {
        write(decision("final", """
                  - reference: KX7P-M2RD
                    award: { amount: 3000.01, recipient: Ashby Fold Neighbourhood Watch, purpose: Signs, reason: Deters burglary }
                """));

        assertProblem(FILE + " (KX7P-M2RD): the award of £3,000.01 is above the Safer Villages Grant's cap of £3,000");
    }

    @Test
    void refusesAFinalDecisionWithAnApplicationUndecided() {
        write(decision("final", """
                  - reference: KX7P-M2RD
                    decline: { reason: not-eligible }
                  - reference: HT4W-9CNE
                """));

        assertProblem(FILE + " (HT4W-9CNE): a final decision must decide every application");
    }

    @Test
    void refusesAFinalDecisionStillHoldingWhatTheDraftMarkedToFillIn() {
        write(decision("final", """
                  - reference: KX7P-M2RD
                    decline: { reason: not-eligible }
                """).replace("decidedBy: The Commissioner", "decidedBy: " + DecisionReader.TO_FILL_IN));

        assertProblem(FILE + ": a final decision still has 'TO FILL IN'");
    }

    @Test
    void refusesAnOrgIdNotOnAKnownList() {
        write(fixtureText().replace("GB-CHC-9990001", "GB-XYZ-9990001"));

        assertProblem(FILE + " (HT4W-9CNE): org-id 'GB-XYZ-9990001' is not on a known list");
    }

    @Test
    void refusesAnOrgIdWithoutItsNumber() {
        write(fixtureText().replace("GB-CHC-9990001", "GB-CHC-"));

        assertProblem(FILE + " (HT4W-9CNE): org-id 'GB-CHC-' must have the organisation's number after GB-CHC-");
    }

    @Test
    void refusesAnAwardWithoutAPurpose() {
        write(fixtureText().replace("      purpose: Lighting and a shelter at the Kettlesby Green bus stop\n", ""));

        assertProblem(FILE + " (HT4W-9CNE): an award needs its 'purpose': a public one-line purpose");
    }

    @Test
    void refusesAnAwardWithoutAReason() {
        write(fixtureText().replaceFirst("      reason: Watch groups[^\n]*\n", ""));

        assertProblem(FILE + " (KX7P-M2RD): an award needs its 'reason': why it is expected to reduce crime and disorder in the area");
    }

    @Test
    void refusesADeclineReasonNotOnTheList() {
        write(fixtureText().replace("reason: more-bids-than-money", "reason: too-late"));

        assertProblem(FILE + " (PV3M-7XAY): a decline's 'reason' must be one of [not-eligible, outside-priorities, more-bids-than-money, incomplete]"
                + " (listed in data/decline-reasons.yml), not 'too-late'");
    }

    @Test
    void refusesAnOrganisationsNameOnADecline() {
        write(fixtureText().replace("      reason: more-bids-than-money", "      recipient: Fellside Bowls Club\n      reason: more-bids-than-money"));

        assertProblem(FILE + " (PV3M-7XAY): unknown field 'recipient' in decline; the fields are [feedback, reason]");
    }

    @Test
    void refusesAStatusOtherThanDraftOrFinal() {
        write(fixtureText().replace("status: final", "status: published"));

        assertProblem(FILE + ": status must be 'draft' or 'final', not 'published'");
    }

    @Test
    void refusesAFileThatIsNotYaml() throws IOException {
        Files.writeString(source.resolve("data/decisions/safer-villages-fund-NV-2030-R1.md"), "fund=safer-villages-fund\n");

        assertProblem("data/decisions/safer-villages-fund-NV-2030-R1.md: a decision file is YAML ending in .yml");
    }

    @Test
    void refusesOneApplicationDecidedInTwoRounds() throws IOException {
        Files.writeString(source.resolve("data/decisions/safer-villages-fund-NV-2030-R1.yml"), """
                fund: safer-villages-fund
                round: NV-2030-R1
                decided: 2030-05-10
                decidedBy: The Commissioner
                status: draft
                entries:
                  - reference: PV3M-7XAY
                notice: To follow.
                """);

        assertProblem("data/decisions/safer-villages-fund-NV-2030-R1.yml (PV3M-7XAY): the reference PV3M-7XAY appears twice, here and in " + FILE);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Decisions read() {
        Catalogue catalogue = CatalogueReader.read(source);
        return DecisionReader.read(source, catalogue);
    }

    private void assertProblem(String problem) {
        assertThatThrownBy(this::read).isInstanceOf(CatalogueException.class)
                .satisfies(e -> assertThat(((CatalogueException) e).problems()).anySatisfy(p -> assertThat(p).startsWith(problem)));
    }

    private String fixtureText() {
        try {
            return Files.readString(source.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decision(String status, String entries) {
        return """
                fund: safer-villages-fund
                round: NV-2029-R3
                decided: 2030-01-28
                decidedBy: The Commissioner
                status: %s
                entries:
                %s
                notice: The Commissioner decided.
                """.formatted(status, entries.stripTrailing());
    }

    private void write(String text) {
        try {
            Files.writeString(source.resolve(FILE), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path into) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = into.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
