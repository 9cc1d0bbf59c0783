package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueReaderTest {

    private static final String FUNDS = """
            funds:
              - id: property-fund
                name: Property Fund
                status: open
                summary: Grants for local groups.
                maxAward: 2500
                awardText: Up to £2,500 a grant
                whoCanApply: [Local community groups, Schools]
                decisions: A panel meets four times a year.
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

    @TempDir
    Path site;

    @BeforeEach
    void writeFunds() throws IOException {
        Files.createDirectories(site.resolve("data"));
        Files.createDirectories(site.resolve("content/calls"));
        Files.writeString(site.resolve("data/funds.yml"), FUNDS);
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
}
