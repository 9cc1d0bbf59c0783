package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.question.FormField;
import java.util.List;
import java.util.Map;

/**
 * The check-your-answers part of {@link FormHtml}'s form (GOV.UK summary list): every answer by
 * section, each with a Change button. Change is a button, not a link, because the answers live
 * in the form itself: pressing it posts them all and comes back to that section's page, at the
 * question, with nothing kept on the server.
 */
final class CheckAnswers {
    private CheckAnswers() {
    }

    static void render(StringBuilder html, FormDefinition form, Map<String, List<String>> answers, String sections) {
        html.append("<h2 class=\"heading-l form-section__title\" tabindex=\"-1\">Check your answers before sending your application</h2>\n");
        // The applicant's email carries none of their answers (anyone can type anyone's address), so this page is their copy.
        html.append("<p>We do not send your answers by email. To keep a copy, print this page or save it "
                + "(your browser's Print can save it as a PDF) before you send your application.</p>\n");
        html.append(FormHtml.PRINT_BUTTON).append('\n');
        List<FormDefinition.Section> pages = form.pages();
        for (FormDefinition.Section section : pages) {
            if (pages.size() > 1) {
                html.append("<h3 class=\"heading-m\">").append(FormHtml.escape(section.title())).append("</h3>\n");
            }
            html.append("<dl class=\"summary-list\">\n");
            for (FormField field : section.questions()) {
                html.append("<div class=\"summary-list__row\"><dt class=\"summary-list__key\">").append(FormHtml.escape(field.label()))
                        .append("</dt><dd class=\"summary-list__value\">").append(value(field, answers))
                        .append("</dd><dd class=\"summary-list__actions\"><button type=\"submit\" class=\"link-button\" formaction=\"")
                        .append(sections).append('#').append(field.name()).append("\" name=\"").append(FormHtml.GO).append("\" value=\"")
                        .append(FormHtml.escape(section.id())).append("\">Change<span class=\"visually-hidden\"> ")
                        .append(FormHtml.escape(field.label())).append("</span></button></dd></div>\n");
            }
            html.append("</dl>\n");
        }
        html.append("<h2 class=\"heading-m\">Now send your application</h2>\n");
    }

    /** An answer as the applicant will recognise it, read from the form's post as its question reads it. */
    private static String value(FormField field, Map<String, List<String>> answers) {
        List<String> lines = field.shown(field.question().read(field.name(), answers).values());
        return String.join("<br>", lines.stream().map(FormHtml::escape).toList()).replace("\n", "<br>");
    }
}
