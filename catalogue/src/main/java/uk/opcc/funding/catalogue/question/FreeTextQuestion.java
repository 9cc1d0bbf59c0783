package uk.opcc.funding.catalogue.question;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import uk.opcc.funding.catalogue.text.Wording;

/** A question answered in the applicant's own words, up to {@code maxLength} characters: on one line or in paragraphs. */
public sealed interface FreeTextQuestion extends Question permits TextQuestion, LongTextQuestion {
    int maxLength();

    @Override
    default Map<String, Object> settings() {
        return Map.of("maxLength", maxLength());
    }

    @Override
    default Optional<String> limit(Optional<BigDecimal> cap, Function<String, String> nameOf) {
        return Optional.of("up to " + Wording.number(maxLength()) + " characters");
    }

    /** forms.yml's {@code maxLength}, or the kind's own when it gives none. */
    static int maxLength(Settings settings, int otherwise) {
        Integer maxLength = settings.integer("maxLength");
        return maxLength == null ? otherwise : maxLength;
    }

    /** Characters as people count them: an emoji is one, not two. */
    static Optional<Refusal> tooLong(String value, int maxLength) {
        return value.codePointCount(0, value.length()) > maxLength
                ? Optional.of(new Refusal("tooLong", Map.of("max", String.valueOf(maxLength)))) : Optional.empty();
    }
}
