package uk.opcc.funding.catalogue;

import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.catalogue.question.FormField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.question.Drawing;
import uk.opcc.funding.catalogue.question.Question;

/**
 * The one renderer of application forms, following GOV.UK Design System patterns: label and
 * hint, inline error, fieldsets for choices, an error summary whose links lead to each question.
 * The site bakes form pages with it; the intake function re-renders the same markup, with the
 * answers kept and the problems shown, when a form posted without JavaScript has problems.
 */
public final class FormHtml {
    /** Marks the form inside a baked page, so the function can put a re-rendered one in its place. */
    public static final String START = "<!-- form -->";
    public static final String END = "<!-- /form -->";
    /**
     * "Print or save a copy of your answers", on the check page and the confirmation page. It needs
     * JavaScript (print.js shows it), so it is drawn hidden; the words beside it say the browser's
     * Print does the same, and the print styles leave out everything but the page's content.
     */
    public static final String PRINT_BUTTON = "<p><button type=\"button\" class=\"button button--secondary\" data-print hidden>"
            + "Print or save a copy of your answers</button></p>";

    /**
     * Mark the form's introduction in a baked form page (the guidance link, the limit, the
     * deadline, other formats): see {@link #introduction}.
     */
    public static final String INTRODUCTION_START = "<!-- introduction -->";
    public static final String INTRODUCTION_END = "<!-- /introduction -->";

    /** A problem to show beside a question. */
    public record Error(String field, String message) {
    }

    private FormHtml() {
    }

    /**
     * Which page of the form shows: a section's page, or the check page ({@link FormDefinition#CHECK}).
     *
     * @param then where the shown section's Continue button goes: the next page, or back to the
     *             check page when the applicant came from there to change an answer
     */
    public record Step(String show, String then) {
        /** The form's first page, as the site bakes it. */
        public static Step start(FormDefinition form) {
            String first = form.pages().isEmpty() ? FormDefinition.CHECK : form.pages().get(0).id();
            return new Step(first, form.after(first));
        }

        public static Step check() {
            return new Step(FormDefinition.CHECK, FormDefinition.CHECK);
        }
    }

    /** The form at its first page. */
    public static String render(FormDefinition form, Call call, Optional<BigDecimal> cap,
                                Map<String, List<String>> answers, List<Error> errors) {
        return render(form, call, cap, answers, errors, Step.start(form));
    }

    /**
     * The whole form, every answer in its question (as posted: a date as its three boxes or as YYYY-MM-DD), with one page showing and the others hidden:
     * without JavaScript, a post from any page carries every answer so far, with no session.
     */
    public static String render(FormDefinition form, Call call, Optional<BigDecimal> cap,
                                Map<String, List<String>> answers, List<Error> errors, Step step) {
        String sections = "/api/forms/" + escape(form.id()) + "/sections";
        boolean checking = step.show().equals(FormDefinition.CHECK);
        StringBuilder html = new StringBuilder(START).append('\n');
        html.append("<form method=\"post\" action=\"/api/forms/").append(escape(form.id())).append("/submissions\" novalidate id=\"").append(ANCHOR).append("\"")
                .append(" class=\"apply-form\" data-apply-form data-sections=\"").append(sections).append("\">\n");
        // Pressing Enter in an answer presses a form's first button: this one does what the showing page's main button does.
        html.append(checking ? sendButton(" hidden") : continueButton(sections, step.then(), " hidden")).append('\n');
        if (!errors.isEmpty()) {
            summary(html, form, errors);
        }
        if (call != null) {
            html.append("<input type=\"hidden\" name=\"call\" value=\"").append(escape(call.id())).append("\">\n");
        }
        html.append("<input type=\"hidden\" name=\"").append(SECTION).append("\" value=\"").append(escape(step.show())).append("\">\n");
        // People never see or fill this; bots that fill every field give themselves away.
        html.append("<div class=\"honeypot\" aria-hidden=\"true\"><label for=\"website\">Leave this empty</label>")
                .append("<input id=\"website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></div>\n");
        List<FormDefinition.Section> pages = form.pages();
        for (int i = 0; i < pages.size(); i++) {
            FormDefinition.Section section = pages.get(i);
            boolean showing = section.id().equals(step.show());
            html.append("<div class=\"form-section\" id=\"section-").append(escape(section.id())).append("\" data-section=\"")
                    .append(escape(section.id())).append("\"").append(showing ? "" : " hidden").append(">\n");
            if (i > 0) {
                // A way back on the page itself, as a post carrying every answer (the browser's Back works too).
                html.append("<p class=\"form-section__back\"><button type=\"submit\" class=\"link-button\" formaction=\"").append(sections)
                        .append('#').append(ANCHOR).append("\" name=\"").append(GO).append("\" value=\"").append(escape(pages.get(i - 1).id()))
                        .append("\">Back to ‘").append(escape(pages.get(i - 1).title())).append("’</button></p>\n");
            }
            if (pages.size() > 1) {
                html.append("<span class=\"caption\">Section ").append(i + 1).append(" of ").append(pages.size()).append("</span>\n");
            }
            html.append("<h2 class=\"heading-l form-section__title\" tabindex=\"-1\">").append(escape(section.title())).append("</h2>\n");
            for (FormField field : section.questions()) {
                question(html, field, answers, errorFor(errors, field), cap);
            }
            html.append(continueButton(sections, showing ? step.then() : form.after(section.id()), "")).append('\n');
            html.append("</div>\n");
        }
        html.append("<div class=\"form-section\" id=\"section-check\" data-section=\"check\"").append(checking ? "" : " hidden").append(">\n");
        CheckAnswers.render(html, form, answers, sections);
        for (FormField field : form.declarations()) {
            question(html, field, answers, errorFor(errors, field), cap);
        }
        html.append(sendButton("")).append("\n</div>\n");
        return html.append("</form>\n").append(END).toString();
    }

    /**
     * A baked form page's introduction as {@code step} shows it: whole on the form's first page;
     * on every later page (and the check page) folded into a closed "About this form", one line,
     * so that on a small screen the section's way back, "Section 2 of 4" and heading come first,
     * and the guidance, the limit, the deadline and the "another format" link stay one tap away.
     * A page without the marks is returned as it is.
     */
    public static String introduction(String page, FormDefinition form, Step step) {
        int start = page.indexOf(INTRODUCTION_START);
        int end = page.indexOf(INTRODUCTION_END);
        if (start < 0 || end < start || step.show().equals(Step.start(form).show())) {
            return page;
        }
        String inside = page.substring(start + INTRODUCTION_START.length(), end);
        return page.substring(0, start) + INTRODUCTION_START
                + "\n<details class=\"details form-introduction\">\n<summary class=\"details__summary\">About this form</summary>\n"
                + "<div class=\"details__text\">" + inside + "</div>\n</details>\n" + page.substring(end);
    }

    /** The hidden field that says which page a post comes from. */
    public static final String SECTION = "section";
    /** The name of the buttons that move between pages; their value is the page to go to. */
    public static final String GO = "go";

    /**
     * The form's id, and the fragment every Continue posts to: the next page opens scrolled to the
     * form, so on a small screen the first screen after Continue is the new section's heading (or
     * the problems), not the page's header and introduction again; apply.js then focuses the heading.
     */
    public static final String ANCHOR = "apply";

    private static String continueButton(String sections, String then, String hidden) {
        return "<button type=\"submit\" class=\"button\" formaction=\"" + sections + "#" + ANCHOR + "\" name=\"" + GO + "\" value=\""
                + escape(then) + "\"" + hidden + ">Continue</button>";
    }

    private static String sendButton(String hidden) {
        return "<button type=\"submit\" class=\"button\"" + (hidden.isEmpty() ? " data-prevent-double-click" : hidden) + ">Send application</button>";
    }

    private static String errorFor(List<Error> errors, FormField field) {
        return errors.stream().filter(e -> e.field().equals(field.name())).map(Error::message).findFirst().orElse(null);
    }

    private static void summary(StringBuilder html, FormDefinition form, List<Error> errors) {
        // autofocus, as GOV.UK's error summary is focused: with or without JavaScript, a page answering
        // with problems opens with focus (and the screen) on the list of them.
        html.append("<div class=\"error-summary\" data-error-summary tabindex=\"-1\" autofocus role=\"alert\" aria-labelledby=\"error-summary-title\">\n")
                .append("<h2 class=\"error-summary__title\" id=\"error-summary-title\">There is a problem</h2>\n<ul class=\"error-summary__list\">\n");
        for (Error error : errors) {
            if (form.field(error.field()).isPresent()) {
                html.append("<li><a href=\"#").append(escape(error.field())).append("\">").append(escape(error.message())).append("</a></li>\n");
            } else { // a problem with no question to go to, such as a call that has closed
                html.append("<li>").append(escape(error.message())).append("</li>\n");
            }
        }
        html.append("</ul>\n</div>\n");
    }

    private static void question(StringBuilder html, FormField field, Map<String, List<String>> answers, String error, Optional<BigDecimal> cap) {
        Question question = field.question();
        String id = field.name();
        String hint = question.hint(field, cap);
        StringBuilder describedBy = new StringBuilder();
        if (hint != null) {
            describedBy.append(id).append("-hint ");
        }
        describedBy.append(question.notes(id));
        if (error != null) {
            describedBy.append(id).append("-error");
        }
        html.append("<div class=\"form-group").append(error == null ? "" : " form-group--error").append("\" id=\"").append(id).append("-group\">\n");
        switch (question.asked()) {
            case AS_A_GROUP -> html.append("<fieldset class=\"fieldset\"").append(aria(describedBy)).append(">\n<legend class=\"fieldset__legend\">")
                    .append(escape(field.label())).append("</legend>\n");
            case WITH_A_LABEL -> html.append("<label class=\"label\" for=\"").append(id).append("\">").append(escape(field.label())).append("</label>\n");
            case BY_ITS_OWN_LABEL -> { } // the declaration's label is beside its box, drawn with it
        }
        if (hint != null) {
            html.append("<div class=\"hint\" id=\"").append(id).append("-hint\">").append(escape(hint)).append("</div>\n");
        }
        if (error != null) {
            html.append("<p class=\"error-message\" id=\"").append(id).append("-error\"><span class=\"visually-hidden\">Error:</span> ")
                    .append(escape(error)).append("</p>\n");
        }
        question.draw(html, new Drawing(field, question.read(id, answers), describedBy.toString().strip(), error != null));
        if (question.asked() == Question.Asked.AS_A_GROUP) {
            html.append("</fieldset>\n");
        }
        html.append("</div>\n");
    }

    private static String aria(StringBuilder describedBy) {
        String ids = describedBy.toString().strip();
        return ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"";
    }

    static String escape(String text) {
        return Html.escape(text);
    }
}
