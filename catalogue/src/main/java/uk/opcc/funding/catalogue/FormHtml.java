package uk.opcc.funding.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * The whole form, every answer in its question, with one page showing and the others hidden:
     * without JavaScript, a post from any page carries every answer so far, with no session.
     */
    public static String render(FormDefinition form, Call call, Optional<BigDecimal> cap,
                                Map<String, List<String>> answers, List<Error> errors, Step step) {
        String sections = "/api/forms/" + escape(form.id()) + "/sections";
        boolean checking = step.show().equals(FormDefinition.CHECK);
        StringBuilder html = new StringBuilder(START).append('\n');
        html.append("<form method=\"post\" action=\"/api/forms/").append(escape(form.id())).append("/submissions\" novalidate")
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
            if (pages.size() > 1) {
                html.append("<span class=\"caption\">Section ").append(i + 1).append(" of ").append(pages.size()).append("</span>\n");
            }
            html.append("<h2 class=\"heading-l form-section__title\" tabindex=\"-1\">").append(escape(section.title())).append("</h2>\n");
            for (FormField field : section.questions()) {
                question(html, field, answers.getOrDefault(field.name(), List.of()), errorFor(errors, field), cap);
            }
            html.append(continueButton(sections, showing ? step.then() : form.after(section.id()), "")).append('\n');
            html.append("</div>\n");
        }
        html.append("<div class=\"form-section\" id=\"section-check\" data-section=\"check\"").append(checking ? "" : " hidden").append(">\n");
        CheckAnswers.render(html, form, answers, sections);
        for (FormField field : form.declarations()) {
            question(html, field, answers.getOrDefault(field.name(), List.of()), errorFor(errors, field), cap);
        }
        html.append(sendButton("")).append("\n</div>\n");
        return html.append("</form>\n").append(END).toString();
    }

    /** The hidden field that says which page a post comes from. */
    public static final String SECTION = "section";
    /** The name of the buttons that move between pages; their value is the page to go to. */
    public static final String GO = "go";

    private static String continueButton(String sections, String then, String hidden) {
        return "<button type=\"submit\" class=\"button\" formaction=\"" + sections + "\" name=\"" + GO + "\" value=\""
                + escape(then) + "\"" + hidden + ">Continue</button>";
    }

    private static String sendButton(String hidden) {
        return "<button type=\"submit\" class=\"button\"" + (hidden.isEmpty() ? " data-prevent-double-click" : hidden) + ">Send application</button>";
    }

    private static String errorFor(List<Error> errors, FormField field) {
        return errors.stream().filter(e -> e.field().equals(field.name())).map(Error::message).findFirst().orElse(null);
    }

    private static void summary(StringBuilder html, FormDefinition form, List<Error> errors) {
        html.append("<div class=\"error-summary\" data-error-summary tabindex=\"-1\" role=\"alert\" aria-labelledby=\"error-summary-title\">\n")
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

    private static void question(StringBuilder html, FormField field, List<String> values, String error, Optional<BigDecimal> cap) {
        String id = field.name();
        String hint = field.hint();
        if (field.type() == FieldType.MONEY && cap.isPresent()) {
            hint = (hint == null ? "" : hint + ". ") + "You can apply for up to " + Money.format(cap.get()) + ".";
        }
        StringBuilder describedBy = new StringBuilder();
        if (hint != null) {
            describedBy.append(id).append("-hint ");
        }
        if (field.type() == FieldType.TEXTAREA) {
            describedBy.append(id).append("-info ");
        }
        if (error != null) {
            describedBy.append(id).append("-error");
        }
        html.append("<div class=\"form-group").append(error == null ? "" : " form-group--error").append("\" id=\"").append(id).append("-group\">\n");
        boolean grouped = field.type().hasOptions() || field.type() == FieldType.DATE;
        if (grouped) {
            html.append("<fieldset class=\"fieldset\"").append(aria(describedBy)).append(">\n<legend class=\"fieldset__legend\">")
                    .append(escape(field.label())).append("</legend>\n");
        } else if (field.type() != FieldType.DECLARATION) {
            html.append("<label class=\"label\" for=\"").append(id).append("\">").append(escape(field.label())).append("</label>\n");
        }
        if (hint != null) {
            html.append("<div class=\"hint\" id=\"").append(id).append("-hint\">").append(escape(hint)).append("</div>\n");
        }
        if (error != null) {
            html.append("<p class=\"error-message\" id=\"").append(id).append("-error\"><span class=\"visually-hidden\">Error:</span> ")
                    .append(escape(error)).append("</p>\n");
        }
        String value = values.isEmpty() ? "" : values.get(0);
        String invalid = error == null ? "" : " aria-invalid=\"true\"";
        switch (field.type()) {
            case RADIOS, CHECKBOXES -> choices(html, field, values);
            case DATE -> date(html, field, values, error != null);
            case DECLARATION -> html.append("<div class=\"checkboxes__item\"><input class=\"checkboxes__input\" id=\"").append(id)
                    .append("\" name=\"").append(id).append("\" type=\"checkbox\" value=\"yes\"")
                    .append(value.isEmpty() ? "" : " checked").append(aria(describedBy)).append(invalid).append(">")
                    .append("<label class=\"label checkboxes__label\" for=\"").append(id).append("\">").append(escape(field.label()))
                    .append("</label></div>\n");
            case TEXTAREA -> html.append("<textarea class=\"textarea").append(error == null ? "" : " textarea--error").append("\" id=\"")
                    .append(id).append("\" name=\"").append(id).append("\" rows=\"6\" data-maxlength=\"").append(field.maxLength()).append("\"")
                    .append(aria(describedBy)).append(invalid).append(">").append(escape(value)).append("</textarea>\n")
                    .append("<div class=\"hint character-count\" id=\"").append(id).append("-info\" aria-live=\"polite\">You can enter up to ")
                    .append(field.maxLength()).append(" characters</div>\n");
            case MONEY -> html.append("<div class=\"input-prefix\"><span class=\"input-prefix__symbol\" aria-hidden=\"true\">£</span>")
                    .append(input(field, "text", value, describedBy, invalid, " inputmode=\"decimal\" spellcheck=\"false\"", "input--width-10"))
                    .append("</div>\n");
            default -> html.append(input(field, inputType(field.type()), value, describedBy, invalid, extras(field), width(field))).append('\n');
        }
        if (grouped) {
            html.append("</fieldset>\n");
        }
        html.append("</div>\n");
    }

    /**
     * GOV.UK's date input: day, month and year boxes, posted as name-day, name-month and
     * name-year. The day box carries the question's id, so the error summary's link lands on it.
     */
    private static void date(StringBuilder html, FormField field, List<String> values, boolean error) {
        String[] parts = {"", "", ""};
        String value = values.isEmpty() ? "" : values.get(0);
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            parts = new String[] {String.valueOf(Integer.parseInt(value.substring(8))), String.valueOf(Integer.parseInt(value.substring(5, 7))), value.substring(0, 4)};
        } else if (value.startsWith(DATE_PARTS)) {
            parts = value.substring(DATE_PARTS.length()).split("/", -1);
        }
        String[][] boxes = {{"day", "Day", "2"}, {"month", "Month", "2"}, {"year", "Year", "4"}};
        html.append("<div class=\"date-input\">\n");
        for (int i = 0; i < 3; i++) {
            String id = i == 0 ? field.name() : field.name() + "-" + boxes[i][0];
            html.append("<div class=\"date-input__item\"><label class=\"label date-input__label\" for=\"").append(id).append("\">")
                    .append(boxes[i][1]).append("</label><input class=\"input date-input__input date-input__input--").append(boxes[i][2])
                    .append(error ? " input--error" : "").append("\" id=\"").append(id).append("\" name=\"").append(field.name()).append("-")
                    .append(boxes[i][0]).append("\" type=\"text\" inputmode=\"numeric\" value=\"").append(escape(i < parts.length ? parts[i] : ""))
                    .append("\"></div>\n");
        }
        html.append("</div>\n");
    }

    /**
     * How the validator hands back date boxes it could not make a date of, so they are shown
     * again as typed: {@code parts:day/month/year}.
     */
    public static final String DATE_PARTS = "parts:";

    private static void choices(StringBuilder html, FormField field, List<String> values) {
        String kind = field.type() == FieldType.RADIOS ? "radios" : "checkboxes";
        html.append("<div class=\"").append(kind).append("\">\n");
        for (int i = 0; i < field.options().size(); i++) {
            FormField.Option option = field.options().get(i);
            // The first choice carries the question's own id, so the error summary's link lands on it.
            String optionId = i == 0 ? field.name() : field.name() + "-" + (i + 1);
            html.append("<div class=\"").append(kind).append("__item\"><input class=\"").append(kind).append("__input\" id=\"").append(optionId)
                    .append("\" name=\"").append(field.name()).append("\" type=\"").append(field.type() == FieldType.RADIOS ? "radio" : "checkbox")
                    .append("\" value=\"").append(escape(option.value())).append("\"").append(values.contains(option.value()) ? " checked" : "")
                    .append("><label class=\"label ").append(kind).append("__label\" for=\"").append(optionId).append("\">")
                    .append(escape(option.label())).append("</label></div>\n");
        }
        html.append("</div>\n");
    }

    private static String input(FormField field, String type, String value, StringBuilder describedBy, String invalid, String extras, String width) {
        return "<input class=\"input " + width + "\" id=\"" + field.name() + "\" name=\"" + field.name() + "\" type=\"" + type
                + "\" value=\"" + escape(value) + "\"" + aria(describedBy) + invalid + extras + ">";
    }

    private static String inputType(FieldType type) {
        return switch (type) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            case DATE -> "date";
            default -> "text";
        };
    }

    private static String extras(FormField field) {
        String autocomplete = switch (field.name()) {
            case "organisationName" -> "organization";
            case "addressLine1" -> "address-line1";
            case "addressLine2" -> "address-line2";
            case "town" -> "address-level2";
            case "postcode" -> "postal-code";
            case "contactName" -> "name";
            case "email" -> "email";
            case "phone" -> "tel";
            default -> null;
        };
        String spellcheck = field.type() == FieldType.EMAIL || field.type() == FieldType.POSTCODE ? " spellcheck=\"false\"" : "";
        return (autocomplete == null ? "" : " autocomplete=\"" + autocomplete + "\"") + spellcheck;
    }

    private static String width(FormField field) {
        return switch (field.type()) {
            case POSTCODE -> "input--width-10";
            case DATE, PHONE -> "input--width-20";
            default -> field.maxLength() <= 20 ? "input--width-10" : "";
        };
    }

    private static String aria(StringBuilder describedBy) {
        String ids = describedBy.toString().strip();
        return ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"";
    }

    static String escape(String text) {
        return Html.escape(text);
    }
}
