package uk.opcc.funding.catalogue.question;

import uk.opcc.funding.catalogue.text.Html;

/**
 * What a question needs to draw its inputs: the field, its answer as posted, the ids that describe
 * it (hint, notes, error) and whether it has an error.
 */
public record Drawing(FormField field, Posted posted, String describedBy, boolean error) {
    String id() {
        return field.name();
    }

    /** The first value posted, or "" for none. */
    String value() {
        return posted.values().isEmpty() ? "" : posted.values().get(0);
    }

    String aria() {
        return describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy + "\"";
    }

    String invalid() {
        return error ? " aria-invalid=\"true\"" : "";
    }

    /** The one-line input every typed answer uses, with its autocomplete token from forms.yml where it has one. */
    String input(String type, String extras, String width) {
        String autocomplete = field.autocomplete() == null ? "" : " autocomplete=\"" + Html.escape(field.autocomplete()) + "\"";
        return "<input class=\"input " + width + "\" id=\"" + id() + "\" name=\"" + id() + "\" type=\"" + type
                + "\" value=\"" + Html.escape(value()) + "\"" + aria() + invalid() + autocomplete + extras + ">";
    }
}
