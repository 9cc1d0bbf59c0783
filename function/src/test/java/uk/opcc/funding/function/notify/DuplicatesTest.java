package uk.opcc.funding.function.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.intake.Application;

class DuplicatesTest {
    static Application application(String reference, int minute, String organisation, String email) {
        return new Application(reference, "property-fund", "property-fund", null, "2026-27-Q3", Instant.parse("2026-11-24T12:00:00Z").plusSeconds(60L * minute),
                Fixtures.with(Fixtures.with(Fixtures.propertyFundAnswers(), "organisationName", organisation), "email", email), 0);
    }

    @Test
    void theSameNameWrittenDifferentlyIsTheSameOrganisation() {
        assertThat(Duplicates.normalisedName("The Eden Valley Speed-Watch Ltd.")).isEqualTo(Duplicates.normalisedName("eden valley speed watch"));
        assertThat(Duplicates.normalisedName("Penrith & District Café CIC")).isEqualTo("penrith and district cafe");
        assertThat(Duplicates.normalisedName("Eden Valley Speed Watch")).isNotEqualTo(Duplicates.normalisedName("Eden Valley Youth Club"));
    }

    @Test
    void namesOnlyEarlierApplicationsWithTheSameNameOrEmail() {
        Application sameName = application("AAAA-2222", 1, "EDEN VALLEY SPEED WATCH", "other@example.org");
        Application sameEmail = application("BBBB-3333", 2, "Langwathby Volunteers", "Sam@Example.org");
        Application unrelated = application("CCCC-4444", 3, "Appleby Youth Club", "youth@example.org");
        Application later = application("DDDD-5555", 9, "Eden Valley Speed Watch", "sam@example.org");
        Application current = application("KX7P-M2RD", 5, "The Eden Valley Speed Watch", "sam@example.org");

        assertThat(Duplicates.earlier(current, List.of(sameName, sameEmail, unrelated, current, later)))
                .extracting(Application::reference).containsExactly("AAAA-2222", "BBBB-3333");
        assertThat(Duplicates.earlier(sameName, List.of(sameName, sameEmail, unrelated, current, later))).isEmpty();
    }
}
