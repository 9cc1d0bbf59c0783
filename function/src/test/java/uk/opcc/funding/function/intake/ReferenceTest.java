package uk.opcc.funding.function.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferenceTest {
    @Test
    void alphabetHasNoCharactersPeopleConfuse() {
        assertThat(Reference.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "Q", "Z").hasSize(29);
    }

    @Test
    void referencesAreTwoGroupsOfFourFromTheAlphabet() {
        SplittableRandom random = new SplittableRandom(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String reference = Reference.next(random);
            assertThat(reference).matches("[ABCDEFGHJKMNPRSTUVWXY23456789]{4}-[ABCDEFGHJKMNPRSTUVWXY23456789]{4}");
            seen.add(reference);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void recognisesWellFormedReferences() {
        assertThat(Reference.isWellFormed("KX7P-M2RD")).isTrue();
        assertThat(Reference.isWellFormed("KX7P-M2R0")).isFalse();
        assertThat(Reference.isWellFormed("KX7PM2RD")).isFalse();
    }
}
