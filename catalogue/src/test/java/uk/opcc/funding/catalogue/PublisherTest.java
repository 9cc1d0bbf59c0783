package uk.opcc.funding.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {
    static final Path SITE = Path.of("../site/src/main/jbake");

    @Test
    void readsTheSitesContactDetailsAndRoundTripsThemThroughJson() {
        Publisher publisher = Publisher.read(SITE);

        assertThat(publisher.name()).isEqualTo("Cumbria Office of the Police & Crime Commissioner");
        assertThat(publisher.phone()).isEqualTo("01768 217734");
        assertThat(publisher.email()).isEqualTo("commissioner@cumbria-pcc.gov.uk");
        assertThat(publisher.address()).startsWith("Office of the Police & Crime Commissioner").endsWith("CA10 2AU");
        assertThat(Publisher.fromJson(publisher.toJson())).isEqualTo(publisher);
    }

    @Test
    void namesEachMissingDetail(@TempDir Path source) throws Exception {
        Files.createDirectories(source.resolve("data"));
        Files.writeString(source.resolve("data/opcc.yml"), "name: Somewhere OPCC\nphone: ''\n");

        assertThatThrownBy(() -> Publisher.read(source)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("'phone' is missing").hasMessageContaining("'email' is missing").hasMessageContaining("'address' is missing");
    }
}
