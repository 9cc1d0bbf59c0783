package uk.opcc.funding.catalogue.question;

import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.text.Html;

/** forms.yml's {@code textarea}: an answer of paragraphs, up to {@code maxLength} characters (5000 unless forms.yml says). */
public record LongTextQuestion(int maxLength) implements FreeTextQuestion {
    static final String KIND = "textarea";
    static final int DEFAULT_LENGTH = 5000;

    static LongTextQuestion from(Settings settings) {
        return new LongTextQuestion(FreeTextQuestion.maxLength(settings, DEFAULT_LENGTH));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String notes(String id) {
        return id + "-info ";
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        return FreeTextQuestion.tooLong(values.get(0), maxLength);
    }

    @Override
    public void draw(StringBuilder html, Drawing d) {
        html.append("<textarea class=\"textarea").append(d.error() ? " textarea--error" : "").append("\" id=\"")
                .append(d.id()).append("\" name=\"").append(d.id()).append("\" rows=\"6\" data-maxlength=\"").append(maxLength).append("\"")
                .append(d.aria()).append(d.invalid()).append(">").append(Html.escape(d.value())).append("</textarea>\n")
                .append("<div class=\"hint character-count\" id=\"").append(d.id()).append("-info\" aria-live=\"polite\">You can enter up to ")
                .append(maxLength).append(" characters</div>\n");
    }
}
