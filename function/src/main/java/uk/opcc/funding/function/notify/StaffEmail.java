package uk.opcc.funding.function.notify;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FieldType;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.FormField;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.Html;
import uk.opcc.funding.function.intake.Application;

/**
 * The email staff receive for one application: every answer, in form order, as text and as
 * escaped HTML. Only our own words go in headers (fund name and reference), stripped of line
 * breaks; the applicant's words go only in the body.
 */
public record StaffEmail(String to, String replyTo, String subject, String text, String html) {

    static final String WARNING = "These answers were typed by the applicant and have not been checked. "
            + "Check they are safe before you use them: do not open links or call numbers you do not recognise.";
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    public static StaffEmail compose(Application application, Catalogue catalogue, String mailbox) {
        FormDefinition form = catalogue.form(application.formId()).orElseThrow();
        Fund fund = catalogue.fund(application.fundId()).orElseThrow();
        Call call = application.callId() == null ? null : catalogue.call(application.callId()).orElse(null);
        String subject = header(fund.name() + " application " + application.reference()
                + (call == null ? "" : " (call: " + call.title() + ")"));

        StringBuilder text = new StringBuilder(WARNING).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><body>")
                .append("<p><strong>").append(Html.escape(WARNING)).append("</strong></p><table>");
        List<String[]> facts = List.of(
                new String[] {"Reference", application.reference()},
                new String[] {"Fund", fund.name()},
                new String[] {"Call for bids", call == null ? "None (general application)" : call.title()},
                new String[] {"Panel round", application.panelRound()},
                new String[] {"Received", RECEIVED.format(application.receivedAt().atZone(Catalogue.UK)) + " (UK time)"});
        for (String[] fact : facts) {
            row(text, html, fact[0], fact[1]);
        }
        for (FormField field : form.fields()) {
            List<String> values = application.answers().getOrDefault(field.name(), List.of());
            row(text, html, field.label(), answer(field, values));
        }
        html.append("</table></body></html>");
        String email = application.answers().getOrDefault("email", List.of()).stream().findFirst().orElse(null);
        return new StaffEmail(mailbox, email == null ? null : header(email), subject, text.toString(), html.toString());
    }

    private static String answer(FormField field, List<String> values) {
        if (values.isEmpty()) {
            return "(not answered)";
        }
        if (field.type() == FieldType.MONEY) {
            return "£" + values.get(0);
        }
        if (field.type().hasOptions()) {
            return String.join("; ", values.stream().map(field::labelOf).toList());
        }
        if (field.type() == FieldType.DECLARATION) {
            return "Confirmed";
        }
        return values.get(0);
    }

    private static void row(StringBuilder text, StringBuilder html, String label, String value) {
        text.append(label).append(":\n").append(indent(value)).append("\n\n");
        html.append("<tr><th style=\"text-align:left;vertical-align:top\">").append(Html.escape(label))
                .append("</th><td style=\"white-space:pre-wrap\">").append(Html.escape(value)).append("</td></tr>");
    }

    /** Answers are indented, so nothing an applicant types can pass for a heading of ours. */
    private static String indent(String value) {
        return "    " + value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\n    ");
    }

    /** Header values never carry CR, LF or other control characters. */
    static String header(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
