package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.catalogue.CatalogueJson;

/**
 * The fixture funder's grants as 360Giving open data: grants.json meets the official schema
 * (and a broken one is refused, naming the field), grants.csv has 360Giving's headings, and the
 * placeholders the office has still to confirm are said to be placeholders.
 */
class GrantsDataTest {

    @TempDir
    static Path output;

    static BakedSite site;

    @BeforeAll
    static void bake() {
        site = SiteBakerTest.bake(FixtureSite.source("grants-data-test"), output, FixtureSite.NOW);
    }

    @Test
    @SuppressWarnings("unchecked")
    void grantsJsonIsA360GivingPackageOfTheAwards() {
        Map<String, Object> pack = CatalogueJson.parse(site.text("/grants.json"));

        assertThat(pack.get("license")).isEqualTo("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
        assertThat((String) pack.get("description")).contains("PLACEHOLDER: the office has still to confirm its 360Giving prefix");
        assertThat(pack.get("modified")).isEqualTo("2030-01-28");
        List<Map<String, Object>> grants = (List<Map<String, Object>>) pack.get("grants");
        assertThat(grants).extracting(g -> g.get("id")).containsExactly("360G-northmoorpfcc-KX7P-M2RD", "360G-northmoorpfcc-HT4W-9CNE");
        Map<String, Object> hall = grants.get(1);
        assertThat(hall).containsEntry("currency", "GBP").containsEntry("amountAwarded", 800).containsEntry("awardDate", "2030-01-28")
                .containsEntry("title", "Lighting and a shelter at the Kettlesby Green bus stop")
                .containsEntry("url", "https://funding.example.org/decisions/safer-villages-fund-NV-2029-R3.html");
        assertThat(hall.get("recipientOrganization")).isEqualTo(List.of(Map.of("id", "GB-CHC-9990001", "name", "Kettlesby Village Hall")));
        assertThat(hall.get("fundingOrganization")).isEqualTo(List.of(Map.of("id", "GB-GOR-PLACEHOLDER",
                "name", "Office of the Police, Fire and Crime Commissioner for Northmoor")));
        // a recipient with no registered number gets an org-id of the office's own making
        assertThat(grants.get(0).get("recipientOrganization"))
                .isEqualTo(List.of(Map.of("id", "360G-northmoorpfcc-ORG-KX7P-M2RD", "name", "Ashby Fold Neighbourhood Watch")));
        assertThat(GrantsSchema.problems(site.text("/grants.json"))).isEmpty();
    }

    @Test
    void aPackageThatBreaksTheSchemaFailsTheBakeNamingTheField() {
        String broken = site.text("/grants.json").replace("\"amountAwarded\" : 800", "\"amountAwarded\" : \"800\"");
        assertThat(broken).isNotEqualTo(site.text("/grants.json"));

        assertThatThrownBy(() -> GrantsSchema.check(broken)).isInstanceOf(SiteBaker.BakeException.class)
                .hasMessageContaining("grants.json does not meet the 360Giving schema 1.4.3")
                .hasMessageContaining("/grants/1/amountAwarded");
    }

    @Test
    void aGrantWithoutARequiredFieldIsRefusedNamingIt() {
        String broken = site.text("/grants.json").replace("\"awardDate\" : \"2030-01-28\",", "");
        assertThat(GrantsSchema.problems(broken)).isNotEmpty().anySatisfy(p -> assertThat(p).contains("awardDate"));

        String badDate = site.text("/grants.json").replaceFirst("\"awardDate\" : \"2030-01-28\"", "\"awardDate\" : \"28/01/2030\"");
        assertThat(GrantsSchema.problems(badDate)).isNotEmpty().anySatisfy(p -> assertThat(p).contains("/grants/0/awardDate"));
    }

    @Test
    void grantsCsvHas360GivingsHeadingsAndARowAGrant() throws IOException {
        List<String> lines = site.text("/grants.csv").lines().toList();

        assertThat(lines.get(0)).isEqualTo(String.join(",", GrantsData.HEADINGS));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).startsWith("360G-northmoorpfcc-HT4W-9CNE,Lighting and a shelter at the Kettlesby Green bus stop,")
                .contains(",GBP,800,2030-01-28,", ",GB-CHC-9990001,Kettlesby Village Hall,GB-GOR-PLACEHOLDER,");
        assertThat(site.text("/grants.csv")).contains("\r\n");
        // every heading is a field's title in the vendored schema, as 360Giving's spreadsheets name them
        String schema;
        try (InputStream in = GrantsDataTest.class.getResourceAsStream("/360giving/1.4.3/360-giving-schema.json")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String heading : GrantsData.HEADINGS) {
            for (String part : heading.split(":")) {
                assertThat(schema).as(heading).contains("\"title\": \"" + part + "\"");
            }
        }
    }

    @Test
    void theRegisterLinksTheOpenDataAndSaysWhatIsStillAPlaceholder() {
        var register = site.page("/grants/");

        assertThat(register.select("#open-data ~ p a[href=/grants.json]")).hasSize(1);
        assertThat(register.select("#open-data ~ p a[href=/grants.csv]")).hasSize(1);
        assertThat(register.select("#open-data ~ p").text()).contains("under the Open Government Licence v3.0");
        assertThat(register.select("#open-data ~ .notice").text()).isEqualTo("To be confirmed. The office has still to confirm"
                + " the 360Giving prefix in each grant's identifier, the organisation identifier of the funder, the licence:"
                + " until then they are placeholders.");
    }
}
