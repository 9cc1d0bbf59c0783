package uk.opcc.funding.catalogue.question;

import java.util.List;
import java.util.Optional;

/** A short answer on one line, up to {@code maxLength} characters (200 unless forms.yml says). */
public record TextQuestion(int maxLength) implements FreeTextQuestion {
    static final String KIND = "text";
    static final int DEFAULT_LENGTH = 200;

    static TextQuestion from(Settings settings) {
        return new TextQuestion(FreeTextQuestion.maxLength(settings, DEFAULT_LENGTH));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Any plain text is an answer, "<" and all: every page and email escapes it on the way out. */
    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        String value = values.get(0);
        if (value.indexOf('\n') >= 0) {
            return Optional.of(Refusal.of("lineBreaks"));
        }
        return FreeTextQuestion.tooLong(value, maxLength);
    }

    @Override
    public void draw(StringBuilder html, Drawing drawing) {
        html.append(drawing.input("text", "", maxLength <= 20 ? "input--width-10" : "")).append('\n');
    }
}
