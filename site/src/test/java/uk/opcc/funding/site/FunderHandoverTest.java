package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.decision.OpenData;

/**
 * A change of funder (police and crime commissioners are to be abolished from May 2028): in a copy
 * of the fixture whose data/opcc.yml hands the office over to an (invented) successor on
 * 1 March 2030, the grants decided before keep the old funder, one decided after carries the
 * successor, in the register and in 360Giving, and the site goes by the successor's name.
 */
class FunderHandoverTest {

    static final String OLD = "Office of the Police, Fire and Crime Commissioner for Northmoor";
    static final String NEW = "Northmoor Combined Authority";

    @TempDir
    static Path output;

    static BakedSite site;

    static Path handedOver(String name) throws IOException {
        Path source = FixtureSite.source(name);
        Path opcc = source.resolve("data/opcc.yml");
        String text = Files.readString(opcc);
        String old = "    from: 2024-05-09\n";
        assertThat(text).contains(old);
        Files.writeString(opcc, text.replace(old, old + "    until: 2030-02-28\n"
                + "  - name: " + NEW + "\n    orgId: GB-LAE-NMCA  # invented\n    from: 2030-03-01\n"));
        // a grant decided after the handover, beside the fixture's decided on 28 January 2030
        Files.writeString(source.resolve("data/decisions/safer-villages-fund-NV-2030-R1.yml"), """
                fund: safer-villages-fund
                round: NV-2030-R1
                decided: 2030-03-05
                decidedBy: The Mayor of Northmoor
                status: final
                entries:
                  - reference: WM3C-4RTA
                    award:
                      amount: 900
                      recipient: Fellside Youth Club
                      purpose: Lights on the path to the youth club
                      reason: A lit path means young people walk home safely.
                notice: The Mayor decided.
                """);
        return source;
    }

    @BeforeAll
    static void bake() throws IOException {
        site = SiteBakerTest.bake(handedOver("funder-handover-test"), output, FixtureSite.NOW);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachGrantCarriesTheFunderInOfficeOnItsAwardDateIn360Giving() {
        Map<String, Object> pack = CatalogueJson.parse(site.text("/grants.json"));
        Map<String, Object> funders = new java.util.HashMap<>();
        for (Map<String, Object> grant : (List<Map<String, Object>>) pack.get("grants")) {
            funders.put((String) grant.get("id"), grant.get("fundingOrganization"));
        }

        List<Map<String, String>> old = List.of(Map.of("id", "GB-GOR-PLACEHOLDER", "name", OLD));
        assertThat(funders).containsEntry("360G-northmoorpfcc-KX7P-M2RD", old).containsEntry("360G-northmoorpfcc-HT4W-9CNE", old)
                .containsEntry("360G-northmoorpfcc-WM3C-4RTA", List.of(Map.of("id", "GB-LAE-NMCA", "name", NEW)));
        assertThat((Map<String, Object>) pack.get("publisher")).containsEntry("name", NEW).containsEntry("identifier", "GB-LAE-NMCA");
        assertThat(GrantsSchema.problems(site.text("/grants.json"))).isEmpty();
        assertThat(site.text("/grants.csv").lines()).anySatisfy(l -> assertThat(l).startsWith("360G-northmoorpfcc-WM3C-4RTA,").contains(",GB-LAE-NMCA," + NEW + ","))
                .anySatisfy(l -> assertThat(l).startsWith("360G-northmoorpfcc-HT4W-9CNE,").contains(",GB-GOR-PLACEHOLDER,\"" + OLD + "\","));
    }

    @Test
    void theRegisterNamesEachGrantsFunderAndTheSiteGoesByTheCurrentOnesName() {
        var register = site.page("/grants/");
        Map<String, String> madeBy = new java.util.HashMap<>();
        for (Element row : register.select("tbody tr")) {
            madeBy.put(row.selectFirst("th").text(), row.select("td").last().text());
        }

        assertThat(madeBy).containsEntry("Fellside Youth Club", NEW).containsEntry("Kettlesby Village Hall", OLD)
                .containsEntry("Ashby Fold Neighbourhood Watch", OLD);
        assertThat(register.select(".site-header__org").text()).isEqualTo(NEW);
        assertThat(site.page("/").select(".site-header__org").text()).isEqualTo(NEW);
    }

    @Test
    void aGapOrAnOverlapBetweenFundersIsRefusedNamingTheFile() throws IOException {
        Path source = handedOver("funder-handover-gap");
        Path opcc = source.resolve("data/opcc.yml");
        Files.writeString(opcc, Files.readString(opcc).replace("from: 2030-03-01", "from: 2030-03-04"));

        assertThatThrownBy(() -> OpenData.read(source)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("data/opcc.yml: funders entry 2 (" + NEW + "): takes office on 2030-03-04, but the funder before it left on 2030-02-28");
        Files.writeString(opcc, Files.readString(opcc).replace("    until: 2030-02-28\n", ""));
        assertThatThrownBy(() -> OpenData.read(source)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("every funder but the current (last) one needs 'until'");
    }
}
