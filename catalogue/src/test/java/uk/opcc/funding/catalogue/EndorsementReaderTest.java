package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndorsementReaderTest {
    private static final String FUND = """
            funds:
              - id: village-fund
                name: Village Fund
                status: open
                summary: Grants.
                maxAward: 2500
                awardText: Up to £2,500
                whoCanApply: [Village groups]
                decisions: A panel.
                panelRounds:
                  - { id: R1, deadline: "2030-03-12T17:00", decisionsBy: "2030-04-30" }
                retentionYears: 7
            %s
            """;
    private static final String STEPS = """
                endorsement:
                  linkValidDays: 14
                  remindAfterDays: 7
                  steps:
                    - { id: officer, who: the supporting officer, title: Supporting officer, asks: "Do you support it?", statement: "How will you help?", name: officerName, email: officerEmail, collarNumber: collar }
                    - { id: inspector, who: an Inspector, title: Inspector, asks: "Do you recommend it?", statement: Your recommendation, name: inspectorName, email: inspectorEmail }
            """;
    private static final String FORM = """
            forms:
              - id: village
                fund: village-fund
                title: Apply
                fields:
                  - { name: organisationName, type: text, label: Organisation, errorName: the organisation, role: organisation }
                  - { name: email, type: email, label: Email, errorName: an email address, role: contactEmail }
                  - { name: amount, type: money, label: Amount, errorName: the amount, role: amount }
                  - { name: officerName, type: text, label: Officer, errorName: the officer's name }
                  - { name: collar, type: text, label: Collar number, errorName: the collar number }
                  - { name: officerEmail, type: email, label: Officer's email, errorName: the officer's email }
                  - { name: inspectorName, type: text, label: Inspector, errorName: the Inspector's name }
                  - { name: inspectorEmail, type: %s, label: Inspector's email, errorName: the Inspector's email }
            """;

    @TempDir
    Path site;

    @BeforeEach
    void folders() throws IOException {
        Files.createDirectories(site.resolve("data"));
        Files.createDirectories(site.resolve("content/calls"));
    }

    private void write(String steps, String inspectorEmailType, String domains) throws IOException {
        Files.writeString(site.resolve("data/funds.yml"), FUND.formatted(steps));
        Files.writeString(site.resolve("data/forms.yml"), FORM.formatted(inspectorEmailType));
        Files.writeString(site.resolve("data/opcc.yml"), domains);
    }

    @Test
    void readsTheStepsInOrderWithTheDomainsFromOpccYml() throws IOException {
        write(STEPS, "email", "endorserDomains: [North.Police.example, northfire.example]\n");

        Endorsement endorsement = CatalogueReader.read(site).fund("village-fund").orElseThrow().endorsement().orElseThrow();

        assertThat(endorsement.linkValidDays()).isEqualTo(14);
        assertThat(endorsement.remindAfterDays()).isEqualTo(7);
        assertThat(endorsement.steps()).extracting(Endorsement.Step::id).containsExactly("officer", "inspector");
        assertThat(endorsement.first().collarField()).contains("collar");
        assertThat(endorsement.after("officer")).map(Endorsement.Step::id).contains("inspector");
        assertThat(endorsement.after("inspector")).isEmpty();
        assertThat(endorsement.domainsInWords()).isEqualTo("@north.police.example or @northfire.example");
    }

    @Test
    void admitsAnAddressOnlyAtOneOfTheDomainsThemselves() throws IOException {
        write(STEPS, "email", "endorserDomains: [north.police.example]\n");
        Endorsement endorsement = CatalogueReader.read(site).fund("village-fund").orElseThrow().endorsement().orElseThrow();

        assertThat(endorsement.admits("jo.marsh@north.police.example")).isTrue();
        assertThat(endorsement.admits("Jo.Marsh@NORTH.police.example")).isTrue();
        assertThat(endorsement.admits("jo@evil.example")).isFalse();
        assertThat(endorsement.admits("jo@mail.north.police.example")).isFalse();
        assertThat(endorsement.admits("jo@north.police.example.evil.example")).isFalse();
        assertThat(endorsement.admits("north.police.example")).isFalse();
    }

    @Test
    void aFundWithoutAnEndorsementHasNone() throws IOException {
        write("", "email", "");
        assertThat(CatalogueReader.read(site).fund("village-fund").orElseThrow().endorsement()).isEmpty();
    }

    @Test
    void refusesAnEndorsementWithoutDomainsOrWithBadSettingsNamingEachProblem() throws IOException {
        write(STEPS.replace("remindAfterDays: 7", "remindAfterDays: 14").replace("id: inspector", "id: Inspector 2"), "email", "");

        assertThatThrownBy(() -> CatalogueReader.read(site)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("an endorsement needs endorserDomains in opcc.yml")
                .hasMessageContaining("remindAfterDays (14) must be fewer than linkValidDays (14)")
                .hasMessageContaining("a step needs an id of lower-case letters");
    }

    @Test
    void refusesADomainThatIsNotOne() throws IOException {
        write(STEPS, "email", "endorserDomains: [\"@north.police.example\"]\n");
        assertThatThrownBy(() -> CatalogueReader.read(site)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("each of endorserDomains must be a domain like north.police.uk, not '@north.police.example'");
    }

    @Test
    void refusesAStepWhoseAddressIsNotAskedByAnEmailQuestion() throws IOException {
        write(STEPS, "text", "endorserDomains: [north.police.example]\n");
        assertThatThrownBy(() -> CatalogueReader.read(site)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("endorsement step inspector: form village: inspectorEmail must be an email question");

        write(STEPS.replace("email: inspectorEmail", "email: deputyEmail"), "email", "endorserDomains: [north.police.example]\n");
        assertThatThrownBy(() -> CatalogueReader.read(site)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("endorsement step inspector: form village has no question 'deputyEmail'");
    }

    @Test
    void theFixtureFundersEndorsementReadsBackFromJsonUnchanged() {
        Catalogue catalogue = CatalogueReader.read(FixtureFunder.SOURCE);
        Optional<Endorsement> endorsement = catalogue.fund("youth-diversion-fund").orElseThrow().endorsement();
        assertThat(endorsement).isPresent();

        Catalogue back = CatalogueJson.read(CatalogueJson.write(catalogue.published(), Instant.parse("2030-03-12T12:00:00Z")));

        assertThat(back.fund("youth-diversion-fund").orElseThrow().endorsement()).isEqualTo(endorsement);
    }
}
