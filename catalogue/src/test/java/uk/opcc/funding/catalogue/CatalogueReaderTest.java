package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.question.Role;
import uk.opcc.funding.catalogue.question.FormField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import uk.opcc.funding.catalogue.question.CheckboxesQuestion;
import uk.opcc.funding.catalogue.question.DateQuestion;
import uk.opcc.funding.catalogue.question.TextQuestion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueReaderTest {

    static final String FUNDS = """
            funds:
              - id: property-fund
                name: Property Fund
                status: open
                summary: Grants for local groups.
                maxAward: 2500
                awardText: Up to £2,500 a grant
                whoCanApply: [Local community groups, Schools]
                decisions: A panel meets four times a year.
                panelRounds:
                  - { id: 2026-27-Q4, deadline: "2027-03-12T17:00", decisionsBy: "2027-04-30", provisional: true }
                  - { id: 2026-27-Q3, deadline: "2026-12-11T17:00", decisionsBy: "2027-01-29", provisional: true }
                retentionYears: 7
              - id: covid-fund
                name: Covid 19 Community Recovery Fund
                status: ended
                endedOn: 2020-09-30
                summary: Ended.
                maxAward: 5000
                awardText: Up to £5,000
                whoCanApply: [Local charities]
                decisions: Monthly.
                retentionYears: 7
            """;

    private static final String FORMS = """
            forms:
              - id: property-fund
                fund: property-fund
                title: Apply to the Property Fund
                fields:
                  - { name: projectTitle, type: text, label: Project title, errorName: a project title, maxLength: 120 }
                  - name: objectives
                    type: checkboxes
                    label: Objectives
                    errorName: at least one objective
                    options:
                      - { value: objective-3, label: Tackle crime }
                  - { name: startDate, type: date, label: Start, errorName: the start date, notBefore: today }
                  - { name: endDate, type: date, label: End, errorName: the end date, after: startDate, required: false }
                  - { name: organisationName, type: text, label: Organisation, errorName: the organisation, role: organisation }
                  - { name: email, type: email, label: Email, errorName: an email address, role: contactEmail }
            """;

    @TempDir
    Path site;

    @BeforeEach
    void writeFunds() throws IOException {
        Files.createDirectories(site.resolve("data"));
        Files.createDirectories(site.resolve("content/calls"));
        Files.writeString(site.resolve("data/funds.yml"), FUNDS);
        Files.writeString(site.resolve("data/forms.yml"), FORMS);
    }

    private void call(String name, String headers) throws IOException {
        Files.writeString(site.resolve("content/calls/" + name + ".md"), headers + "~~~~~~\n\nBody text.\n");
    }

    private static String goodCall() {
        return """
                title=Road safety
                type=call
                status=published
                fund=property-fund
                opens=2026-11-02T09:00
                closes=2027-01-29T17:00
                theme=Road safety
                maxAward=2000
                summary=Projects that make roads safer.
                """;
    }

    @Test
    void readsFundsAndAGoodCall() throws IOException {
        call("road-safety", goodCall());

        Catalogue catalogue = CatalogueReader.read(site);

        assertThat(catalogue.funds()).extracting(Fund::id).containsExactly("property-fund", "covid-fund");
        Fund covid = catalogue.fund("covid-fund").orElseThrow();
        assertThat(covid.hasEnded()).isTrue();
        assertThat(covid.endedOn()).hasValueSatisfying(d -> assertThat(d).hasToString("2020-09-30"));
        Call call = catalogue.call("road-safety").orElseThrow();
        assertThat(call.uri()).isEqualTo("calls/road-safety.html");
        assertThat(call.maxAward()).isEqualByComparingTo("2000");
        assertThat(call.closes().toInstant()).isEqualTo(Instant.parse("2027-01-29T17:00:00Z"));
        assertThat(catalogue.callsFor("property-fund")).containsExactly(call);
    }

    @Test
    void rejectsACallForAnUnknownFund() throws IOException {
        call("bad", goodCall().replace("fund=property-fund", "fund=lottery"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("content/calls/bad.md: unknown fund 'lottery'");
    }

    @Test
    void rejectsACallFileWithoutTheHeaderSeparatorNamingTheFile() throws IOException {
        // given a call whose ~~~~~~ line was lost: JBake would read no header and drop the call unseen
        Files.writeString(site.resolve("content/calls/no-separator.md"), goodCall() + "\nBody text.\n");

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("content/calls/no-separator.md: no ~~~~~~ line after the header");
    }

    @Test
    void rejectsACallFileWhoseTypeIsNotCallNamingTheFile() throws IOException {
        call("capital-type", goodCall().replace("type=call", "type=Call"));
        call("no-type", goodCall().replace("type=call\n", ""));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("content/calls/capital-type.md: type must be 'call', not 'Call'")
                .hasMessageContaining("content/calls/no-type.md: type must be 'call', and there is no type line");
    }

    @Test
    void rejectsAFileInTheContentThatTheSiteWouldNotReadNamingTheFile() throws IOException {
        // given a call saved with another extension, which the bake would never publish
        Files.writeString(site.resolve("content/calls/road-safety.markdown"), goodCall() + "~~~~~~\n\nBody text.\n");
        Files.writeString(site.resolve("content/calls/notes.txt"), "remember to add the form\n");

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("content/calls/road-safety.markdown: the site reads only Markdown files ending in .md")
                .hasMessageContaining("content/calls/notes.txt: the site reads only Markdown files ending in .md");
    }

    @Test
    void anEditorsLeftoversBesideTheCallsAreNotContent() throws IOException {
        // given a call being edited: vim's swap file and emacs's backup sit beside it
        call("road-safety", goodCall());
        Files.writeString(site.resolve("content/calls/.road-safety.md.swp"), "binary swap");
        Files.writeString(site.resolve("content/calls/road-safety.md~"), "an older copy");

        assertThat(CatalogueReader.read(site).calls()).extracting(Call::id).containsExactly("road-safety");
    }

    @Test
    void theCallsIndexPageMustBeTheListOfCalls() throws IOException {
        call("road-safety", goodCall());
        Files.writeString(site.resolve("content/calls/index.md"), "title=Calls\ntype=calls\nstatus=published\n~~~~~~\nText.\n");
        assertThat(CatalogueReader.read(site).calls()).extracting(Call::id).containsExactly("road-safety");

        Files.writeString(site.resolve("content/calls/index.md"), "title=Calls\ntype=page\nstatus=published\n~~~~~~\nText.\n");
        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("content/calls/index.md: type must be 'calls', not 'page' (index.md is the list of calls)");
    }

    @Test
    void rejectsACallThatClosesBeforeItOpens() throws IOException {
        call("bad", goodCall().replace("closes=2027-01-29T17:00", "closes=2026-11-01T17:00"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("content/calls/bad.md: closes (2026-11-01T17:00) must be after opens (2026-11-02T09:00)");
    }

    @Test
    void rejectsAnAwardAboveTheFundsCap() throws IOException {
        call("bad", goodCall().replace("maxAward=2000", "maxAward=3000"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("content/calls/bad.md: maxAward £3,000 is above the Property Fund's cap of £2,500");
    }

    @Test
    void rejectsAMissingField() throws IOException {
        call("bad", goodCall().replace("theme=Road safety\n", ""));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("content/calls/bad.md: missing field 'theme'");
    }

    @Test
    void rejectsADateWithoutATime() throws IOException {
        call("bad", goodCall().replace("opens=2026-11-02T09:00", "opens=2 November"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("content/calls/bad.md: opens must be a UK date and time like 2027-01-29T17:00, not '2 November'");
    }

    @Test
    void rejectsACallOnAnEndedFund() throws IOException {
        call("bad", goodCall().replace("fund=property-fund", "fund=covid-fund"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("content/calls/bad.md: the Covid 19 Community Recovery Fund has ended");
    }

    @Test
    void rejectsAnAmountThatIsNotPounds() throws IOException {
        call("bad", goodCall().replace("maxAward=2000", "maxAward=£2,000"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("content/calls/bad.md: maxAward must be an amount in pounds like 2500, not '£2,000'");
    }

    @Test
    void listsEveryProblemInEveryFileAtOnce() throws IOException {
        call("first", goodCall().replace("fund=property-fund", "fund=lottery"));
        call("second", goodCall().replace("summary=Projects that make roads safer.\n", ""));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems()).containsExactly(
                        "content/calls/first.md: unknown fund 'lottery'; use one of [property-fund, covid-fund]",
                        "content/calls/second.md: missing field 'summary'"));
    }

    @Test
    void keepsDraftsApartFromThePublishedCatalogue() throws IOException {
        call("live", goodCall());
        call("draft", goodCall().replace("status=published", "status=draft"));

        Catalogue catalogue = CatalogueReader.read(site);

        assertThat(catalogue.calls()).extracting(Call::id).containsExactlyInAnyOrder("live", "draft");
        assertThat(catalogue.published().calls()).extracting(Call::id).containsExactly("live");
    }

    @Test
    void ordersCallsOpenThenUpcomingThenClosed() throws IOException {
        call("closed", goodCall().replace("opens=2026-11-02T09:00", "opens=2026-01-05T09:00")
                .replace("closes=2027-01-29T17:00", "closes=2026-03-01T17:00"));
        call("upcoming", goodCall().replace("opens=2026-11-02T09:00", "opens=2027-02-01T09:00")
                .replace("closes=2027-01-29T17:00", "closes=2027-03-01T17:00"));
        call("open", goodCall());

        Catalogue catalogue = CatalogueReader.read(site);

        assertThat(catalogue.callsInReadingOrder(Instant.parse("2026-11-24T12:00:00Z")))
                .extracting(Call::id).containsExactly("open", "upcoming", "closed");
    }

    @Test
    void writesJsonThatCarriesEachCallsWindowAndStatus() throws IOException {
        call("road-safety", goodCall());

        String json = CatalogueJson.write(CatalogueReader.read(site), Instant.parse("2026-11-24T12:00:00Z"));

        var parsed = CatalogueJson.parse(json);
        assertThat(parsed).containsEntry("timeZone", "Europe/London");
        @SuppressWarnings("unchecked")
        var call = ((java.util.List<java.util.Map<String, Object>>) parsed.get("calls")).get(0);
        assertThat(call).containsEntry("id", "road-safety").containsEntry("status", "open")
                .containsEntry("closes", "2027-01-29T17:00Z").containsEntry("url", "/calls/road-safety.html");
        assertThat(new BigDecimal(call.get("maxAward").toString())).isEqualByComparingTo("2000");
    }

    @Test
    void readsFormsWithTheirFieldsAndRules() throws IOException {
        Catalogue catalogue = CatalogueReader.read(site);

        FormDefinition form = catalogue.formFor("property-fund").orElseThrow();
        assertThat(form.fields()).extracting(FormField::name).containsExactly("projectTitle", "objectives", "startDate", "endDate",
                "organisationName", "email");
        assertThat(form.field("projectTitle").orElseThrow().question()).isEqualTo(new TextQuestion(120));
        assertThat(form.field("objectives").orElseThrow().question())
                .isEqualTo(new CheckboxesQuestion(java.util.List.of(new FormField.Option("objective-3", "Tackle crime"))));
        assertThat(form.field("endDate").orElseThrow().required()).isFalse();
        assertThat(form.field("endDate").orElseThrow().question()).isEqualTo(new DateQuestion(null, "startDate"));
        assertThat(form.fieldWith(Role.ORGANISATION)).map(FormField::name).contains("organisationName");
        assertThat(form.fieldWith(Role.CONTACT_EMAIL)).map(FormField::name).contains("email");
    }

    @Test
    void rejectsAFormWithAnUnknownTypeOrBadReference() throws IOException {
        Files.writeString(site.resolve("data/forms.yml"), FORMS.replace("type: text", "type: essay")
                .replace("after: startDate", "after: projectTitle"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("data/forms.yml (form property-fund) field projectTitle: unknown type 'essay'")
                .hasMessageContaining("field endDate: 'after' must name a date field in the same section");
    }

    private static final String UNCAPPED_FUND = """
              - id: victims-fund
                name: Victims' Services Fund
                status: open
                summary: Small grants.
                awardText: Small grants
                whoCanApply: [Charities]
                decisions: By grant.
                panelRounds:
                  - { id: 2026-27-Q4, deadline: "2027-03-19T17:00", decisionsBy: "2027-05-14" }
                retentionYears: 7
            """;

    private static String victimsForm(String maxAmount) {
        return """
                  - id: victims-small-grant
                    fund: victims-fund
                    title: Apply for a small grant
                """ + maxAmount + """
                    fields:
                      - { name: amount, type: money, label: "How much", errorName: the amount, role: amount }
                      - { name: organisationName, type: text, label: Organisation, errorName: the organisation, role: organisation }
                      - { name: email, type: email, label: Email, errorName: an email address, role: contactEmail }
                """;
    }

    @Test
    void everyAmountQuestionHasAMaximumFromTheCallTheFormOrTheFund() throws IOException {
        Files.writeString(site.resolve("data/funds.yml"), FUNDS + UNCAPPED_FUND);
        Files.writeString(site.resolve("data/forms.yml"), FORMS.replace("      - { name: projectTitle",
                "      - { name: amount, type: money, label: \"How much\", errorName: the amount, role: amount }\n      - { name: projectTitle")
                + victimsForm("    maxAmount: 5000\n"));
        call("road-safety", goodCall());

        Catalogue catalogue = CatalogueReader.read(site);

        FormDefinition victims = catalogue.form("victims-small-grant").orElseThrow();
        FormDefinition property = catalogue.form("property-fund").orElseThrow();
        assertThat(catalogue.amountCap(victims, null)).hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("5000"));
        assertThat(catalogue.amountCap(property, null)).hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("2500"));
        assertThat(catalogue.amountCap(property, catalogue.call("road-safety").orElseThrow()))
                .hasValueSatisfying(cap -> assertThat(cap).isEqualByComparingTo("2000"));
        assertThat(CatalogueJson.read(CatalogueJson.write(catalogue, Instant.parse("2026-11-24T12:00:00Z"))).form("victims-small-grant"))
                .contains(victims);
    }

    @Test
    void rejectsAnAmountQuestionWithNoMaximumFromAnySource() throws IOException {
        Files.writeString(site.resolve("data/funds.yml"), FUNDS + UNCAPPED_FUND);
        Files.writeString(site.resolve("data/forms.yml"), FORMS + victimsForm(""));

        assertThatThrownBy(() -> CatalogueReader.read(site)).hasMessageContaining(
                "data/forms.yml (form victims-small-grant) field amount: an amount question needs a maximum; the Victims' Services Fund"
                        + " has no maxAward, so give the form a maxAmount (marked for the OPCC to confirm)");
    }

    @Test
    void rejectsAFormMaximumThatIsNotAnAmountOrIsAboveTheFundsCap() throws IOException {
        Files.writeString(site.resolve("data/funds.yml"), FUNDS + UNCAPPED_FUND);
        Files.writeString(site.resolve("data/forms.yml"), FORMS.replace("    title: Apply to the Property Fund\n",
                "    title: Apply to the Property Fund\n    maxAmount: 3000\n") + victimsForm("    maxAmount: lots\n"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("data/forms.yml (form property-fund): maxAmount £3,000 is above the Property Fund's cap of £2,500")
                .hasMessageContaining("data/forms.yml (form victims-small-grant): maxAmount must be an amount in pounds like 2500, not 'lots'")
                .hasMessageNotContaining("needs a maximum");
    }

    @Test
    void readsAFormInSectionsWithTheDeclarationForTheCheckPage() throws IOException {
        Files.writeString(site.resolve("data/forms.yml"), SECTIONED_FORM);

        FormDefinition form = CatalogueReader.read(site).formFor("property-fund").orElseThrow();

        assertThat(form.pages()).extracting(FormDefinition.Section::id).containsExactly("your-organisation", "your-project");
        assertThat(form.fields()).extracting(FormField::name).containsExactly("organisationName", "email", "projectTitle", "amount", "declaration");
        assertThat(form.page("your-project").orElseThrow().questions()).extracting(FormField::name).containsExactly("projectTitle", "amount");
        assertThat(form.declarations()).extracting(FormField::name).containsExactly("declaration");
        assertThat(form.after("your-organisation")).isEqualTo("your-project");
        assertThat(form.after("your-project")).isEqualTo(FormDefinition.CHECK);
        assertThat(form.pageFor(java.util.List.of("amount", "declaration"))).isEqualTo("your-project");
        assertThat(form.pageFor(java.util.List.of("declaration"))).isEqualTo(FormDefinition.CHECK);
        assertThat(CatalogueJson.read(CatalogueJson.write(CatalogueReader.read(site), Instant.parse("2026-11-24T12:00:00Z"))).forms())
                .containsExactly(form);
    }

    @Test
    void rejectsSectionsWithoutAnIdOrTitleOrNamedCheck() throws IOException {
        Files.writeString(site.resolve("data/forms.yml"), SECTIONED_FORM.replace("id: your-project", "id: check")
                .replace("title: Your organisation", "titel: Your organisation"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("data/forms.yml (form property-fund) section your-organisation: a section needs an 'id' in lower case")
                .hasMessageContaining("data/forms.yml (form property-fund) section check: a section needs an 'id' in lower case");
    }

    @Test
    void refusesAFormWithoutAQuestionForARoleTheCodeNeeds() throws IOException {
        Files.writeString(site.resolve("data/forms.yml"), SECTIONED_FORM.replace(", role: contactEmail", "")
                .replace("role: amount", "role: organisation"));

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("data/forms.yml (form property-fund) section your-project field amount: the role 'organisation' needs a question of another type than money");
        Files.writeString(site.resolve("data/forms.yml"), SECTIONED_FORM.replace(", role: contactEmail", ""));
        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("data/forms.yml (form property-fund): no question has the role 'contactEmail'; add 'role: contactEmail'");
        Files.writeString(site.resolve("data/forms.yml"), SECTIONED_FORM.replace(", role: amount", ", role: moneyAsked"));
        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("field amount: unknown role 'moneyAsked'; a role is one of organisation, contactEmail, amount");
    }

    @Test
    void contactDetailMarksAsManyQuestionsAsAskOneWhereOtherRolesAreOnOneQuestion() throws IOException {
        String twoContactDetails = SECTIONED_FORM.replace("errorName: a project title, maxLength: 120 }",
                "errorName: a project title, maxLength: 120, role: contactDetail }").replace("errorName: the name, role: organisation",
                "errorName: the name, role: organisation }\n          - { name: contactName, type: text, label: Your name, errorName: your name, role: contactDetail");
        Files.writeString(site.resolve("data/forms.yml"), twoContactDetails);

        assertThat(CatalogueReader.read(site).form("property-fund").orElseThrow().fields())
                .filteredOn(f -> f.has(uk.opcc.funding.catalogue.question.Role.CONTACT_DETAIL)).hasSize(2);
        Files.writeString(site.resolve("data/forms.yml"), twoContactDetails.replace(", role: contactDetail }", ", role: organisation }"));
        assertThatThrownBy(() -> CatalogueReader.read(site)).hasMessageContaining("only one question can have the role 'organisation'");
    }

    static final String SECTIONED_FORM = """
            forms:
              - id: property-fund
                fund: property-fund
                title: Apply to the Property Fund
                sections:
                  - id: your-organisation
                    title: Your organisation
                    fields:
                      - { name: organisationName, type: text, label: Name, errorName: the name, role: organisation, autocomplete: organization }
                      - { name: email, type: email, label: Email, errorName: an email address, role: contactEmail, autocomplete: email }
                  - id: your-project
                    title: Your project
                    fields:
                      - { name: projectTitle, type: text, label: Project title, errorName: a project title, maxLength: 120 }
                      - { name: amount, type: money, label: "How much?", errorName: the amount, role: amount }
                      - { name: declaration, type: declaration, label: I confirm, errorName: the declaration }
            """;

    @Test
    void jsonReadsBackToTheSameCatalogue() throws IOException {
        call("road-safety", goodCall());
        Catalogue catalogue = CatalogueReader.read(site).published();

        Catalogue back = CatalogueJson.read(CatalogueJson.write(catalogue, Instant.parse("2026-11-24T12:00:00Z")));

        assertThat(back.funds()).isEqualTo(catalogue.funds());
        assertThat(back.forms()).isEqualTo(catalogue.forms());
        Call original = catalogue.call("road-safety").orElseThrow();
        Call read = back.call("road-safety").orElseThrow();
        assertThat(read.opens().toInstant()).isEqualTo(original.opens().toInstant());
        assertThat(read.closes().toInstant()).isEqualTo(original.closes().toInstant());
        assertThat(read.maxAward()).isEqualByComparingTo(original.maxAward());
        assertThat(read).usingRecursiveComparison().ignoringFields("source", "opens", "closes", "maxAward").isEqualTo(original);
    }

    @Test
    void readsAFundsPanelCalendarInDeadlineOrder() {
        Fund fund = CatalogueReader.read(site).fund("property-fund").orElseThrow();

        assertThat(fund.panelRounds()).extracting(PanelRound::id).containsExactly("2026-27-Q3", "2026-27-Q4");
        PanelRound first = fund.panelRounds().get(0);
        assertThat(first.deadline().toInstant()).isEqualTo(Instant.parse("2026-12-11T17:00:00Z"));
        assertThat(first.decisionsBy()).hasToString("2027-01-29");
        assertThat(first.provisional()).isTrue();
    }

    @Test
    void anApplicationJoinsTheFirstRoundWhoseDeadlineItMeets() {
        Catalogue catalogue = CatalogueReader.read(site);
        Fund fund = catalogue.fund("property-fund").orElseThrow();

        assertThat(catalogue.roundFor(fund, null, Instant.parse("2026-12-11T16:59:59Z"))).map(PanelRound::id).hasValue("2026-27-Q3");
        assertThat(catalogue.roundFor(fund, null, Instant.parse("2026-12-11T17:00:00Z"))).map(PanelRound::id).hasValue("2026-27-Q4");
        assertThat(catalogue.roundFor(fund, null, Instant.parse("2027-03-12T17:00:00Z"))).isEmpty();
    }

    @Test
    void aCallsBidsJoinTheFirstRoundAfterItClosesUnlessItHasItsOwnPanel() throws IOException {
        call("road-safety", goodCall());
        call("own-panel", goodCall().replace("closes=2027-01-29T17:00", "closes=2026-12-11T17:00") + "decisionsBy=2027-01-08\n");
        Catalogue catalogue = CatalogueReader.read(site);
        Fund fund = catalogue.fund("property-fund").orElseThrow();

        // Received in November, but judged with the call's other bids after it closes in January.
        assertThat(catalogue.roundFor(fund, catalogue.call("road-safety").orElseThrow(), Instant.parse("2026-11-24T12:00:00Z")))
                .map(PanelRound::id).hasValue("2026-27-Q4");
        PanelRound own = catalogue.roundFor(fund, catalogue.call("own-panel").orElseThrow(), Instant.parse("2026-11-24T12:00:00Z")).orElseThrow();
        assertThat(own.id()).isEqualTo("own-panel");
        assertThat(own.decisionsBy()).hasToString("2027-01-08");
        assertThat(catalogue.round("property-fund", "own-panel")).hasValue(own);
        assertThat(catalogue.round("property-fund", "2026-27-Q4")).map(PanelRound::decisionsBy).hasValueSatisfying(d -> assertThat(d).hasToString("2027-04-30"));
    }

    @Test
    void everyOpenFundsRoundsAndItsCallsOwnPanelsGetAPackEarliestFirst() throws IOException {
        call("road-safety", goodCall());
        call("own-panel", goodCall().replace("closes=2027-01-29T17:00", "closes=2026-12-18T17:00") + "decisionsBy=2027-01-08\n");

        List<Catalogue.FundRound> rounds = CatalogueReader.read(site).packRounds();

        // not the ended covid fund; the call without a panel of its own adds none
        assertThat(rounds).extracting(r -> r.fund().id() + " " + r.round().id())
                .containsExactly("property-fund 2026-27-Q3", "property-fund own-panel", "property-fund 2026-27-Q4");
    }

    @Test
    void rejectsAnOpenFundWithoutAPanelCalendarAndBadRounds() throws IOException {
        Files.writeString(site.resolve("data/funds.yml"), FUNDS
                .replace("  - { id: 2026-27-Q3, deadline: \"2026-12-11T17:00\", decisionsBy: \"2027-01-29\", provisional: true }",
                        "  - { id: 2026-27-Q3, deadline: \"11 December\", decisionsBy: \"2027-01-29\" }\n"
                                + "      - { id: \"Q2 / 2026\", deadline: \"2026-09-11T17:00\", decisionsBy: \"2026-10-30\" }\n"
                                + "      - { id: 2026-27-Q1, deadline: \"2026-06-12T17:00\", decisionsBy: \"2026-06-01\" }"));
        call("bad", goodCall() + "decisionsBy=2027-01-29\n");

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems()).contains(
                        "data/funds.yml (fund property-fund) panel round 2026-27-Q3: deadline must be a UK date and time like 2027-01-29T17:00, not '11 December'",
                        "data/funds.yml (fund property-fund) panel round Q2 / 2026: a round needs an 'id' of letters, digits and hyphens, like 2026-27-Q4",
                        "data/funds.yml (fund property-fund) panel round 2026-27-Q1: decisionsBy (2026-06-01) must be after the deadline (2026-06-12)",
                        "content/calls/bad.md: decisionsBy (2027-01-29) must be after the call closes (2027-01-29)"));

        Files.writeString(site.resolve("data/funds.yml"), FUNDS.replaceAll("(?s)panelRounds:.*?retentionYears", "retentionYears"));
        assertThatThrownBy(() -> CatalogueReader.read(site))
                .hasMessageContaining("data/funds.yml (fund property-fund): an open fund needs 'panelRounds', so applicants know when they will hear");
    }

    @Test
    void reportsBrokenYamlNamingTheFile() throws IOException {
        Files.writeString(site.resolve("data/forms.yml"), "forms:\n  - { name: a, hint: \"unclosed\n");

        assertThatThrownBy(() -> CatalogueReader.read(site))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("data/forms.yml: not valid YAML");
    }
}
