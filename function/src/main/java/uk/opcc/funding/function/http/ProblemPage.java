package uk.opcc.funding.function.http;

import java.util.List;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.function.validation.Problem;

/**
 * The page a form post gets when its application could not be taken: in the site's layout, in
 * plain English, saying what happened, whether anything was sent, and what to do next. Where the
 * answers could be read they are shown back, so nobody loses what they typed.
 */
final class ProblemPage {
    private ProblemPage() {
    }

    /**
     * @param detail  the specific reason, for a form that is not open
     * @param answers the applicant's answers as an HTML list, or "" when there are none to show
     */
    static String html(FormPages layout, int status, String title, String detail, List<Problem> problems, String answers) {
        StringBuilder html = new StringBuilder("<h1 class=\"heading-xl\">").append(Html.escape(title)).append("</h1>\n");
        switch (status) {
            case 404 -> html.append("<p>There is no application form at this address.</p>\n")
                    .append("<p>If you typed the web address, check it is correct. If you followed a link, ")
                    .append("choose the <a href=\"/\">fund</a> or <a href=\"/calls/\">call for bids</a> you want to apply to and start from its page.</p>\n");
            case 410 -> html.append("<p>").append(Html.escape(detail)).append("</p>\n")
                    .append("<p><strong>Your application has not been sent.</strong></p>\n")
                    .append("<h2 class=\"heading-m\">What you can do</h2>\n<ul>\n")
                    .append("<li><a href=\"/calls/\">See the calls for bids open now</a>, or <a href=\"/\">the funds</a> and when their panels next meet.</li>\n")
                    .append("<li>If you think you should still be able to apply, contact us: the details are below.</li>\n</ul>\n");
            case 413 -> html.append("<p>Nothing has been sent. An application can be up to ").append(RequestBody.MAX_BYTES / 1024)
                    .append(" KB of text.</p>\n<p>Go back to the form with your browser’s back button (your answers are kept), ")
                    .append("make the longest answers shorter and send it again. If you cannot make it shorter, contact us.</p>\n");
            case 422 -> {
                html.append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">\n<ul class=\"error-summary__list\">\n");
                problems.forEach(p -> html.append("<li>").append(Html.escape(p.message())).append("</li>\n"));
                html.append("</ul>\n</div>\n<p>Nothing has been sent yet. Go back to the form with your browser’s back button, ")
                        .append("change the answers listed and send it again.</p>\n");
            }
            case 500, 503 -> html.append("<p><strong>Your application has not been sent.</strong></p>\n<p>")
                    .append(status == 503 ? "Try again in a few minutes" : "Try again later")
                    .append(": go back to the form with your browser’s back button and send it again. If it keeps happening, contact us.</p>\n");
            default -> html.append("<p>Nothing has been sent. Go back to the form and send your application from there. ")
                    .append("If this keeps happening, contact us.</p>\n");
        }
        if (!answers.isEmpty()) {
            html.append("<h2 class=\"heading-m\">Your answers</h2>\n")
                    .append("<p>Keep a copy of what you entered: copy it from here or print this page. We have not kept it.</p>\n")
                    .append(answers);
        }
        return layout.message(title, html.toString());
    }

    /** For a confirmation link the intake cannot vouch for: what it means, and how to be sure an application arrived. */
    static String cannotConfirm(FormPages layout, boolean expired) {
        String title = "We can’t show this confirmation";
        String why = expired
                ? "This confirmation link has expired. We show a confirmation for " + hours(ConfirmationToken.LIFETIME) + " after an application is sent."
                : "This link does not show a confirmation we can check. It may be incomplete or have been changed.";
        // After its hour the page's job is done by the applicant's email, which carries the reference and what happens next.
        String where = expired
                ? "Your reference number and what happens next are in the email we sent to the address you gave in your application. "
                        + "If you cannot find it, check your spam or junk folder. If it is not there, contact us and we will check your application reached us."
                : "If you sent an application, we showed you its reference number when it was sent, and emailed it to the address you gave. "
                        + "If you did not keep it, or are not sure your application reached us, contact us and we will check.";
        return layout.message(title, "<h1 class=\"heading-xl\">" + title + "</h1>\n<p>" + why + "</p>\n"
                + "<p>" + where + "</p>\n"
                + "<p><a href=\"/\">Go to the list of funds</a></p>\n");
    }

    private static String hours(java.time.Duration lifetime) {
        long hours = lifetime.toHours();
        return hours == 1 ? "one hour" : hours + " hours";
    }
}
