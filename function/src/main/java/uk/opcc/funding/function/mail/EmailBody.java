package uk.opcc.funding.function.mail;

import uk.opcc.funding.catalogue.text.Html;

/**
 * An email's body written once and kept as plain text and as HTML together. Everything is escaped
 * in the HTML, our words and the applicant's alike; in the text, the applicant's answers are
 * indented, so nothing they type can pass for a heading or a line of ours.
 */
public final class EmailBody {
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><body style=\"font-family:Arial,sans-serif\">");
    private boolean inTable;

    public EmailBody heading(String words) {
        endTable();
        text.append(words).append("\n").append("-".repeat(words.length())).append("\n\n");
        html.append("<h2>").append(Html.escape(words)).append("</h2>");
        return this;
    }

    public EmailBody paragraph(String words) {
        endTable();
        text.append(words).append("\n\n");
        html.append("<p>").append(Html.escape(words)).append("</p>");
        return this;
    }

    /** A line that must not be missed, such as the safety warning or a possible duplicate. */
    public EmailBody strong(String words) {
        endTable();
        text.append(words).append("\n\n");
        html.append("<p><strong>").append(Html.escape(words)).append("</strong></p>");
        return this;
    }

    /** Lines kept together, such as an address. */
    public EmailBody lines(java.util.List<String> lines) {
        endTable();
        text.append(String.join("\n", lines)).append("\n\n");
        html.append("<p>").append(String.join("<br>", lines.stream().map(Html::escape).toList())).append("</p>");
        return this;
    }

    /** One question and its answer, or one fact and its value. */
    /** "Contact us": the office's name, telephone, email and address, as every email to an applicant ends. */
    public EmailBody contact(uk.opcc.funding.catalogue.Publisher publisher) {
        java.util.List<String> contact = new java.util.ArrayList<>();
        contact.add(publisher.name());
        contact.add("Telephone: " + publisher.phone());
        contact.add("Email: " + publisher.email());
        contact.addAll(publisher.address());
        return heading("Contact us").lines(contact);
    }

    public EmailBody row(String label, String value) {
        if (!inTable) {
            html.append("<table>");
            inTable = true;
        }
        text.append(label).append(":\n").append(indent(value)).append("\n\n");
        html.append("<tr><th style=\"text-align:left;vertical-align:top\">").append(Html.escape(label))
                .append("</th><td style=\"white-space:pre-wrap\">").append(Html.escape(value)).append("</td></tr>");
        return this;
    }

    public String text() {
        return text.toString().stripTrailing() + "\n";
    }

    public String html() {
        endTable();
        return html + "</body></html>";
    }

    private void endTable() {
        if (inTable) {
            html.append("</table>");
            inTable = false;
        }
    }

    private static String indent(String value) {
        return "    " + value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\n    ");
    }
}
