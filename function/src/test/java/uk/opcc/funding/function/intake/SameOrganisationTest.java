package uk.opcc.funding.function.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.opcc.funding.function.Fixtures;

class SameOrganisationTest {
    static Application application(String reference, String organisation, String email) {
        return new Application(reference, "safer-villages", "safer-villages-fund", null, "NV-2030-R1", Fixtures.NOW,
                Fixtures.with(Fixtures.with(Fixtures.answers(), "groupName", organisation), "email", email), 0);
    }

    @Test
    void theSameNameWrittenDifferentlyIsTheSameOrganisation() {
        assertThat(SameOrganisation.normalisedName("The Moorside Lanes-Watch Ltd.")).isEqualTo(SameOrganisation.normalisedName("moorside lanes watch"));
        assertThat(SameOrganisation.normalisedName("Moorbridge & District Café CIC")).isEqualTo("moorbridge and district cafe");
        assertThat(SameOrganisation.normalisedName("Moorside Lanes Watch")).isNotEqualTo(SameOrganisation.normalisedName("Moorside Youth Club"));
    }

    @Test
    void filesAnApplicationUnderItsNameAndAddressHashedSoNoKeyShowsEither() {
        List<String> keys = uk.opcc.funding.function.Fixtures.sameOrganisationKeys(application("KX7P-M2RD", "The Moorside Lanes Watch", " Sam@Example.org"));

        assertThat(keys).containsExactly("name#" + Sha256.hex("moorside lanes watch"), "email#" + Sha256.hex("sam@example.org"));
        assertThat(keys).isEqualTo(uk.opcc.funding.function.Fixtures.sameOrganisationKeys(application("AB3C-DEFG", "MOORSIDE LANES-WATCH LTD", "sam@example.org")));
        assertThat(String.join(" ", keys)).doesNotContainIgnoringCase("moorside").doesNotContainIgnoringCase("sam");
        assertThat(uk.opcc.funding.function.Fixtures.sameOrganisationKeys(application("KX7P-M2RD", "  ", ""))).as("nothing to file under").isEmpty();
    }

    @Test
    void theEarlierOnesAreThoseFiledBeforeItUnderAnyOfItsKeysEachOnce() {
        var byName = new SameOrganisation.Listed(List.of("AAAA-2222", "KX7P-M2RD", "DDDD-5555"), 0);
        var byEmail = new SameOrganisation.Listed(List.of("BBBB-3333", "AAAA-2222", "KX7P-M2RD"), 0);

        SameOrganisation.Earlier earlier = SameOrganisation.earlier("KX7P-M2RD", List.of(byName, byEmail));

        assertThat(earlier.references()).containsExactly("AAAA-2222", "BBBB-3333");
        assertThat(earlier.more()).isZero();
        assertThat(SameOrganisation.earlier("AAAA-2222", List.of(byName, SameOrganisation.Listed.NONE)).isEmpty()).isTrue();
    }

    @Test
    void oneThatCameOnceTheListWasFullHasEveryListedOneBeforeItAndTheOthersCounted() {
        var full = new SameOrganisation.Listed(List.of("AAAA-2222", "BBBB-3333"), 5);

        SameOrganisation.Earlier earlier = SameOrganisation.earlier("KX7P-M2RD", List.of(full));

        assertThat(earlier.references()).containsExactly("AAAA-2222", "BBBB-3333");
        assertThat(earlier.more()).as("the five beyond the list, less itself").isEqualTo(4);
    }
}
