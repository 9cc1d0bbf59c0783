package uk.opcc.funding.function.http;

import java.util.List;
import uk.opcc.funding.catalogue.Html;
import uk.opcc.funding.function.validation.Problem;

/**
 * The page a form post gets when something is wrong: a GOV.UK-style error summary listing every
 * problem, readable without JavaScript or styles, with a way back to the answers.
 */
final class ProblemPage {
    private ProblemPage() {
    }

    static String html(String title, String detail, List<Problem> problems) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Error: ").append(Html.escape(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/css/site.css\">\n</head>\n<body>\n<main id=\"main\" class=\"width\">\n")
                .append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">\n")
                .append("<h1 class=\"heading-l\">").append(Html.escape(title)).append("</h1>\n")
                .append("<p>").append(Html.escape(detail)).append("</p>\n");
        if (!problems.isEmpty()) {
            html.append("<ul class=\"error-summary__list\">\n");
            for (Problem problem : problems) {
                html.append("<li>").append(Html.escape(problem.message())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        return html.append("</div>\n<p>Use your browser’s back button to return to your answers and correct them. ")
                .append("Nothing has been sent yet.</p>\n</main>\n</body>\n</html>\n").toString();
    }
}
