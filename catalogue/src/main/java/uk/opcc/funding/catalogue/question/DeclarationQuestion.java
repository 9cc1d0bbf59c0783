package uk.opcc.funding.catalogue.question;

import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.text.Html;

/** A statement the applicant confirms by ticking its box, asked on the check page just before sending. */
public record DeclarationQuestion() implements Question {
    static final String KIND = "declaration";
    private static final String CONFIRMED = "Confirmed";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Asked asked() {
        return Asked.BY_ITS_OWN_LABEL;
    }

    @Override
    public String requiredCode() {
        return "required.declaration";
    }

    @Override
    public Optional<Refusal> check(FormField field, List<String> values, Checking checking) {
        String value = values.get(0);
        return value.equals("yes") || value.equals("true") ? Optional.empty() : Optional.of(Refusal.of("required.declaration"));
    }

    @Override
    public List<String> tidy(List<String> values) {
        return List.of("yes");
    }

    @Override
    public void draw(StringBuilder html, Drawing d) {
        html.append("<div class=\"checkboxes__item\"><input class=\"checkboxes__input\" id=\"").append(d.id())
                .append("\" name=\"").append(d.id()).append("\" type=\"checkbox\" value=\"yes\"")
                .append(d.value().isEmpty() ? "" : " checked").append(d.aria()).append(d.invalid()).append(">")
                .append("<label class=\"label checkboxes__label\" for=\"").append(d.id()).append("\">").append(Html.escape(d.field().label()))
                .append("</label></div>\n");
    }

    @Override
    public List<String> show(FormField field, List<String> values) {
        return List.of(CONFIRMED);
    }

    @Override
    public String cell(FormField field, List<String> values) {
        return CONFIRMED;
    }
}
