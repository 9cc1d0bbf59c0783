package uk.opcc.funding.function.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.decision.Decision;
import uk.opcc.funding.catalogue.decision.DecisionReader;
import uk.opcc.funding.catalogue.decision.Decisions;
import uk.opcc.funding.catalogue.decision.Entry;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.mail.Attachment;
import uk.opcc.funding.function.mail.Email;

/** The draft decision a panel pack attaches is a decision file the catalogue reads, naming no applicant. */
class DraftDecisionTest {

    @TempDir
    Path source;

    static final List<Application> ROUND = List.of(
            application("KX7P-M2RD", "Moorside Lanes Watch", "1250.50", Fixtures.OPEN_CALL, "robin@example.org", "07700 900461"),
            application("PN4W-8HTC", "Moorbridge Village Hall", "2500", null, "sam.hall@example.net", "01632 960123"),
            application("TR6X-9HCW", "Upper Fell Parish Council", "1999.99", Fixtures.OPEN_CALL, "clerk@upperfell.example.org", "07700 900999"));

    static Application application(String reference, String organisation, String amount, String call, String email, String phone) {
        Map<String, List<String>> answers = Fixtures.with(Fixtures.with(Fixtures.with(Fixtures.with(Fixtures.answers(),
                "groupName", organisation), "amount", amount), "email", email), "phone", phone);
        return new Application(reference, Fixtures.FORM, Fixtures.FUND, call, Fixtures.ROUND, Fixtures.NOW, answers, 0);
    }

    static Email packEmail(boolean interim) {
        PanelPack pack = PanelPack.compose(Fixtures.CATALOGUE, PanelPackTest.FUND, PanelPackTest.ROUND, PanelPackTest.FORM, ROUND,
                "grants@example.gov.uk", interim);
        return PanelPackService.email(pack);
    }

    static String draftOf(Email email) {
        assertThat(email.attachments()).extracting(Attachment::fileName)
                .containsExactly("safer-villages-fund-NV-2030-R1" + (email.subject().startsWith("Interim") ? "-interim" : "") + ".csv",
                        "safer-villages-fund-NV-2030-R1.yml");
        return new String(email.attachments().get(1).content(), StandardCharsets.UTF_8);
    }

    /** Saved where its comments say, the catalogue's own reader reads it: one format for drafts and decisions. */
    Decisions saved(String draft) throws IOException {
        Files.createDirectories(source.resolve("data/decisions"));
        Files.copy(Fixtures.FIXTURE_SITE.resolve("data/decline-reasons.yml"), source.resolve("data/decline-reasons.yml"));
        Files.writeString(source.resolve("data/decisions/safer-villages-fund-NV-2030-R1.yml"), draft);
        return DecisionReader.read(source, CatalogueReader.read(Fixtures.FIXTURE_SITE));
    }

    @Test
    void bothPacksAttachTheRoundsDraftWhichTheDecisionReaderReadsAsADraftWithEveryReferenceUndecided() throws IOException {
        for (boolean interim : List.of(false, true)) {
            String draft = draftOf(packEmail(interim));

            Decision decision = saved(draft).all().get(0);
            assertThat(decision.fundId()).isEqualTo(Fixtures.FUND);
            assertThat(decision.roundId()).isEqualTo(Fixtures.ROUND);
            assertThat(decision.status()).isEqualTo(Decision.Status.DRAFT);
            assertThat(decision.isFinal()).isFalse();
            assertThat(decision.entries()).allMatch(e -> e instanceof Entry.Undecided).extracting(Entry::reference)
                    .containsExactly("KX7P-M2RD", "PN4W-8HTC", "TR6X-9HCW");
            assertThat(draft).contains("  - reference: KX7P-M2RD  # asked £1,250.50\n    call: lit-lanes-2030\n",
                    "  - reference: PN4W-8HTC  # asked £2,500\n  - reference", "# asked £1,999.99", "status: draft\n",
                    "award:", "decline:", "data/decline-reasons.yml", "never type a declined organisation's name");
            assertThat(draft.contains("INTERIM")).isEqualTo(interim);
            Files.delete(source.resolve("data/decline-reasons.yml"));
        }
    }

    @Test
    void theDraftNamesNoOrganisationAndHoldsNoEmailOrPhoneOfAnyApplicant() {
        String draft = draftOf(packEmail(false));

        for (Application application : ROUND) {
            for (String question : List.of("groupName", "email", "phone", "contactName", "postcode", "projectTitle", "projectDescription")) {
                String answer = application.answers().get(question).get(0);
                assertThat(draft).as(question).doesNotContainIgnoringCase(answer);
            }
        }
    }

    @Test
    void turnedFinalUnfilledItIsRefusedForEachUndecidedEntryAndTheMarksLeftToFillIn() throws IOException {
        String draft = draftOf(packEmail(false)).replace("status: draft", "status: final");

        assertThatThrownBy(() -> saved(draft)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("(KX7P-M2RD): a final decision must decide every application")
                .hasMessageContaining("a final decision still has 'TO FILL IN'");
    }

    @Test
    void filledInAsItsCommentsAskItIsReadAsAFinalDecision() throws IOException {
        // each line that asks to be filled in, filled in (comment and all), and every entry decided
        String draft = draftOf(packEmail(false));
        String filled = draft.replaceFirst("decided: .*\n", "decided: 2030-04-02\n")
                .replaceFirst("decidedBy: .*\n", "decidedBy: The Commissioner\n")
                .replaceFirst("  TO FILL IN: the decision notice[^\n]*\n[^\n]*\n", "  The panel funded one bid.\n")
                .replace("status: draft", "status: final")
                .replace("    call: lit-lanes-2030\n  - reference: PN4W", "    call: lit-lanes-2030\n"
                        + "    award: { amount: 1250.50, recipient: Moorside Lanes Watch, purpose: Lights on the lanes, reason: Lit lanes are safer }\n"
                        + "  - reference: PN4W")
                .replace("# asked £2,500\n", "# asked £2,500\n    decline: { reason: more-bids-than-money }\n")
                .replace("    call: lit-lanes-2030\nnotice:", "    call: lit-lanes-2030\n    decline: { reason: not-eligible }\nnotice:");
        assertThat(filled).doesNotContain(DraftDecision.TO_FILL_IN);

        Decision decision = saved(filled).all().get(0);

        assertThat(decision.isFinal()).isTrue();
        assertThat(decision.entries()).extracting(e -> e.getClass().getSimpleName()).containsExactly("Award", "Decline", "Decline");
    }

    @Test
    void aRoundWithoutApplicationsHasNothingToDecideAndNoDraft() {
        PanelPack pack = PanelPack.compose(Fixtures.CATALOGUE, PanelPackTest.FUND, PanelPackTest.ROUND, PanelPackTest.FORM, List.of(),
                "grants@example.gov.uk", false);

        assertThat(pack.draft()).isEmpty();
        assertThat(PanelPackService.email(pack).attachments()).hasSize(1);
    }
}
