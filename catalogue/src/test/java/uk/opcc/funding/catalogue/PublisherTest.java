package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {

    @Test
    void readsTheSitesContactDetailsAndRoundTripsThemThroughJson() {
        Publisher publisher = Publisher.read(FixtureFunder.SOURCE);

        assertThat(publisher.name()).isEqualTo("Office of the Police, Fire and Crime Commissioner for Northmoor");
        assertThat(publisher.phone()).isEqualTo("01632 960418");
        assertThat(publisher.phoneLink()).isEqualTo("+441632960418");
        assertThat(publisher.email()).isEqualTo("grants@northmoor-pfcc.example.org");
        assertThat(publisher.shortName()).isEqualTo("Northmoor PFCC");
        assertThat(publisher.service()).isEqualTo("Community safety grants");
        assertThat(publisher.address()).startsWith("Office of the Police, Fire and Crime Commissioner").endsWith("NM1 4QX");
        assertThat(publisher.emailsToOneAddressADay()).isEqualTo(5);
        assertThat(Publisher.fromJson(publisher.toJson())).isEqualTo(publisher);
    }

    @Test
    void theTelephoneLinkIsWorkedOutFromTheNumberAsTyped() {
        assertThat(withPhone("01768 217734").phoneLink()).isEqualTo("+441768217734");
        assertThat(withPhone("(01632) 960 001").phoneLink()).isEqualTo("+441632960001");
        assertThat(withPhone("+44 7700 900123").phoneLink()).isEqualTo("+447700900123");
    }

    private static Publisher withPhone(String phone) {
        return new Publisher("An OPCC", "OPCC", "Funding", phone, "office@example.org", List.of("1 High Street"), 3);
    }

    @Test
    void namesEachMissingDetail(@TempDir Path source) throws Exception {
        Files.createDirectories(source.resolve("data"));
        Files.writeString(source.resolve("data/opcc.yml"), "funders: [{ name: Somewhere OPCC }]\nphone: ''\n");

        assertThatThrownBy(() -> Publisher.read(source)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("'phone' is missing").hasMessageContaining("'email' is missing").hasMessageContaining("'shortName' is missing").hasMessageContaining("'address' is missing")
                .hasMessageContaining("'emailsToOneAddressADay' must be a whole number from 1 to 50");
    }

    @Test
    void refusesADailyEmailCapThatIsNotASmallWholeNumber(@TempDir Path source) throws Exception {
        Files.createDirectories(source.resolve("data"));
        for (String cap : java.util.List.of("0", "'3'", "2.5", "1000")) {
            Files.writeString(source.resolve("data/opcc.yml"), "funders: [{ name: Somewhere OPCC }]\nphone: '01234 567890'\nemail: a@example.org\n"
                    + "address: [1 High Street]\nemailsToOneAddressADay: " + cap + "\n");

            assertThatThrownBy(() -> Publisher.read(source)).as(cap).isInstanceOf(CatalogueException.class)
                    .hasMessageContaining("'emailsToOneAddressADay' must be a whole number from 1 to 50");
        }
    }
}
