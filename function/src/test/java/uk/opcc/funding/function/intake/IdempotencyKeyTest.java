package uk.opcc.funding.function.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {
    static final Map<String, List<String>> ANSWERS = Map.of("projectTitle", List.of("Speed watch"), "places", List.of("lanes", "bus-stops"));

    @Test
    void sameAnswersInAnyOrderMakeTheSameKeyForADay() {
        Map<String, List<String>> reordered = new LinkedHashMap<>();
        reordered.put("places", List.of("lanes", "bus-stops"));
        reordered.put("projectTitle", List.of("Speed watch"));

        IdempotencyKey first = IdempotencyKey.of("safer-villages", null, null, ANSWERS);
        assertThat(IdempotencyKey.of("safer-villages", null, null, reordered)).isEqualTo(first);
        assertThat(first.remembered()).isEqualTo(Duration.ofHours(24));
        assertThat(first.value()).startsWith("answers#").hasSize("answers#".length() + 64);
    }

    @Test
    void differentAnswersFormOrCallMakeDifferentKeys() {
        IdempotencyKey key = IdempotencyKey.of("safer-villages", null, null, ANSWERS);
        assertThat(IdempotencyKey.of("safer-villages", null, null, Map.of("projectTitle", List.of("Speed watch!"))))
                .isNotEqualTo(key);
        assertThat(IdempotencyKey.of("safer-villages", "lit-lanes-2030", null, ANSWERS)).isNotEqualTo(key);
        assertThat(IdempotencyKey.of("youth-diversion", null, null, ANSWERS)).isNotEqualTo(key);
    }

    @Test
    void valuesCannotRunIntoEachOther() {
        assertThat(IdempotencyKey.of("f", null, null, Map.of("a", List.of("b", "c"))))
                .isNotEqualTo(IdempotencyKey.of("f", null, null, Map.of("a", List.of("bc"))));
    }

    @Test
    void aSubmissionIdIsTheKeyWhenSent() {
        IdempotencyKey key = IdempotencyKey.of("safer-villages", null, "3f1c9a6e-2b7d-4c55-9a0e-7d1f2e3a4b5c", ANSWERS);
        assertThat(key.value()).isEqualTo("id#safer-villages#3f1c9a6e-2b7d-4c55-9a0e-7d1f2e3a4b5c");
        assertThat(IdempotencyKey.of("safer-villages", null, "3f1c9a6e-2b7d-4c55-9a0e-7d1f2e3a4b5c", Map.of())).isEqualTo(key);
    }
}
