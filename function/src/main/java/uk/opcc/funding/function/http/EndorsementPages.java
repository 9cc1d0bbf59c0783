package uk.opcc.funding.function.http;

import java.util.List;
import java.util.Optional;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.Endorsement;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.function.endorse.EndorsementService;
import uk.opcc.funding.function.endorse.EndorsementService.View;
import uk.opcc.funding.function.endorse.EndorsementState;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.validation.Problem;

/**
 * An endorser's pages, in the site's layout (its message page): what they are asked to support
 * (the answers a panel sees; never the applicant's contact details) with a form to support it or
 * not, which works without JavaScript; what was recorded, once answered; and a clear page for a
 * link that is not one of ours or has expired. Everything the applicant typed is escaped.
 */
public final class EndorsementPages {
    /** The route the pages post to, and the emails' links open. */
    public static final String PATH = "/api/endorsements";

    private final FormPages layout;
    private final Catalogue catalogue;
    private final Publisher publisher;

    public EndorsementPages(FormPages layout, Catalogue catalogue, Publisher publisher) {
        this.layout = layout;
        this.catalogue = catalogue;
        this.publisher = publisher;
    }

    /** The page for a view, with its status: 404 for a link that is not one, 410 for an expired one. */
    public Page page(View view) {
        if (view instanceof View.Open open) {
            return new Page(200, ask(open, List.of(), "", ""));
        }
        if (view instanceof View.Answered answered) {
            return new Page(200, answered(answered, false));
        }
        if (view instanceof View.Expired expired) {
            return new Page(410, expired(expired));
        }
        return new Page(404, notALink());
    }

    public Page invalid(EndorsementService.Result.Invalid invalid) {
        return new Page(422, ask(invalid.view(), invalid.problems(), invalid.choice(), invalid.statement()));
    }

    /** The page an answer goes back to once recorded: what was recorded, and thanks. */
    public Page recorded(View.Answered view) {
        return new Page(200, answered(view, true));
    }

    /** A page and its status. */
    public record Page(int status, String html) {
    }

    private String ask(View.Open open, List<Problem> problems, String choice, String statement) {
        Application application = open.state().application();
        Endorsement.Step step = open.step();
        StringBuilder html = new StringBuilder();
        if (!problems.isEmpty()) {
            html.append("<div class=\"error-summary\" data-error-summary tabindex=\"-1\" autofocus role=\"alert\" aria-labelledby=\"error-summary-title\">\n")
                    .append("<h2 class=\"error-summary__title\" id=\"error-summary-title\">There is a problem</h2>\n<ul class=\"error-summary__list\">\n");
            for (Problem p : problems) {
                html.append("<li><a href=\"#").append(p.field().equals("choice") ? "choice-support" : "statement").append("\">")
                        .append(Html.escape(p.message())).append("</a></li>\n");
            }
            html.append("</ul>\n</div>\n");
        }
        html.append("<span class=\"caption\">").append(Html.escape(fund(application).name())).append(", application ")
                .append(Html.escape(application.reference())).append("</span>\n")
                .append("<h1 class=\"heading-xl\">Do you support this application?</h1>\n")
                .append("<p>").append(Html.escape(step.asks())).append("</p>\n")
                .append("<p>You were named as ").append(Html.escape(step.who())).append(". This page works until ")
                .append(Html.escape(Wording.moment(open.state().step(step.id()).orElseThrow().linkExpires().atZone(Catalogue.UK))))
                .append(" (UK time).</p>\n");
        html.append("<h2 class=\"heading-m\">What the applicant told us</h2>\n")
                .append("<p>These are the applicant’s own words; we have not checked them.</p>\n");
        summary(html, application);
        earlierSteps(html, open.state(), step);
        String problemChoice = problems.stream().filter(p -> p.field().equals("choice")).map(Problem::message).findFirst().orElse(null);
        String problemStatement = problems.stream().filter(p -> p.field().equals("statement")).map(Problem::message).findFirst().orElse(null);
        html.append("<form method=\"post\" action=\"").append(PATH).append("\" novalidate>\n")
                .append("<input type=\"hidden\" name=\"link\" value=\"").append(Html.escape(open.link())).append("\">\n");
        html.append("<div class=\"form-group").append(problemChoice == null ? "" : " form-group--error").append("\" id=\"choice-group\">\n")
                .append("<fieldset class=\"fieldset\"").append(problemChoice == null ? "" : " aria-describedby=\"choice-error\"").append(">\n")
                .append("<legend class=\"fieldset__legend\">Your answer</legend>\n");
        if (problemChoice != null) {
            html.append("<p class=\"error-message\" id=\"choice-error\"><span class=\"visually-hidden\">Error:</span> ")
                    .append(Html.escape(problemChoice)).append("</p>\n");
        }
        html.append("<div class=\"radios\">\n");
        radio(html, EndorsementService.SUPPORT, "Yes, I support this application", choice);
        radio(html, EndorsementService.DECLINE, "No, I do not support it", choice);
        html.append("</div>\n</fieldset>\n</div>\n");
        html.append("<div class=\"form-group").append(problemStatement == null ? "" : " form-group--error").append("\" id=\"statement-group\">\n")
                .append("<label class=\"label\" for=\"statement\">").append(Html.escape(step.statementLabel())).append("</label>\n")
                .append("<div class=\"hint\" id=\"statement-hint\">If you do not support it, tell us why instead. Up to ")
                .append(Wording.number(EndorsementService.STATEMENT_MAX)).append(" characters. The panel and our staff will read it; the applicant will not.</div>\n");
        if (problemStatement != null) {
            html.append("<p class=\"error-message\" id=\"statement-error\"><span class=\"visually-hidden\">Error:</span> ")
                    .append(Html.escape(problemStatement)).append("</p>\n");
        }
        html.append("<textarea class=\"textarea").append(problemStatement == null ? "" : " textarea--error")
                .append("\" id=\"statement\" name=\"statement\" rows=\"6\" aria-describedby=\"statement-hint")
                .append(problemStatement == null ? "" : " statement-error").append("\"").append(problemStatement == null ? "" : " aria-invalid=\"true\"")
                .append(">").append(Html.escape(statement)).append("</textarea>\n</div>\n")
                .append("<button type=\"submit\" class=\"button\">Send your answer</button>\n</form>\n");
        html.append("<p>If you do not know about this application, do not answer: contact us instead. ").append(contact()).append("</p>\n");
        return layout.message(problems.isEmpty() ? "Do you support this application?" : "Error: Do you support this application?", html.toString());
    }

    private static void radio(StringBuilder html, String value, String label, String chosen) {
        String id = "choice-" + value;
        html.append("<div class=\"radios__item\"><input class=\"radios__input\" id=\"").append(id).append("\" name=\"choice\" type=\"radio\" value=\"")
                .append(value).append("\"").append(value.equals(chosen) ? " checked" : "").append("><label class=\"label radios__label\" for=\"")
                .append(id).append("\">").append(label).append("</label></div>\n");
    }

    /** Every answer a panel would see, in the form's order: never how to reach the applicant. */
    private void summary(StringBuilder html, Application application) {
        FormDefinition form = catalogue.form(application.formId()).orElseThrow();
        html.append("<dl class=\"summary-list\">\n");
        for (FormField field : form.questions()) {
            if (field.asksForContactDetails() || isEndorserQuestion(application, field)) {
                continue;
            }
            List<String> values = application.answers().getOrDefault(field.name(), List.of());
            html.append("<div class=\"summary-list__row\"><dt class=\"summary-list__key\">").append(Html.escape(field.summaryLabel()))
                    .append("</dt><dd class=\"summary-list__value\">");
            List<String> shown = field.shown(values);
            for (int i = 0; i < shown.size(); i++) {
                html.append(i == 0 ? "" : "<br>").append(Html.escape(shown.get(i)).replace("\n", "<br>"));
            }
            html.append("</dd></div>\n");
        }
        html.append("</dl>\n");
    }

    /** The endorsers' own names and numbers are not part of what they are asked to support. */
    private boolean isEndorserQuestion(Application application, FormField field) {
        return fund(application).endorsement().map(e -> e.steps().stream().anyMatch(s -> s.nameField().equals(field.name())
                || s.emailField().equals(field.name()) || s.collarField().map(field.name()::equals).orElse(false))).orElse(false);
    }

    /** What the endorsers before this one said: an Inspector sees the officer's support. */
    private void earlierSteps(StringBuilder html, EndorsementState state, Endorsement.Step step) {
        Endorsement endorsement = fund(state.application()).endorsement().orElseThrow();
        for (Endorsement.Step earlier : endorsement.steps()) {
            if (earlier.id().equals(step.id())) {
                return;
            }
            Optional<EndorsementState.Step> stored = state.step(earlier.id());
            if (stored.isPresent() && stored.get().statement().isPresent()) {
                html.append("<h2 class=\"heading-m\">").append(Html.escape(earlier.title())).append("</h2>\n<p>")
                        .append(Html.escape(stored.get().status() == EndorsementState.Status.SUPPORTED ? "Supports it: " : "Does not support it: "))
                        .append(Html.escape(stored.get().statement().get()).replace("\n", "<br>")).append("</p>\n");
            }
        }
    }

    private String answered(View.Answered view, boolean justNow) {
        EndorsementState.Step stored = view.state().step(view.step().id()).orElseThrow();
        boolean supported = stored.status() == EndorsementState.Status.SUPPORTED;
        String title = justNow ? "Thank you: your answer is recorded" : "You have already answered";
        StringBuilder html = new StringBuilder("<h1 class=\"heading-xl\">").append(title).append("</h1>\n")
                .append("<p>For application ").append(Html.escape(view.state().application().reference())).append(" to the ")
                .append(Html.escape(fund(view.state().application()).name())).append(", we recorded on ")
                .append(Html.escape(stored.answeredAt().map(at -> Wording.moment(at.atZone(Catalogue.UK))).orElse("")))
                .append(" (UK time) that you ").append(supported ? "support it" : "do not support it").append(":</p>\n")
                .append("<div class=\"notice\"><p>").append(Html.escape(stored.statement().orElse("")).replace("\n", "<br>"))
                .append("</p></div>\n");
        if (justNow) {
            html.append("<p>We have told our staff").append(supported && fund(view.state().application()).endorsement().orElseThrow()
                    .after(view.step().id()).isPresent() ? " and asked the next person to confirm their support" : " and the applicant")
                    .append(". You do not need to do anything else.</p>\n");
        }
        html.append("<p>Nothing more can be changed through this page. To change your answer, contact us and quote the application’s reference. ")
                .append(contact()).append("</p>\n");
        return layout.message(title, html.toString());
    }

    private String expired(View.Expired view) {
        String title = "This page has expired";
        return layout.message(title, "<h1 class=\"heading-xl\">" + title + "</h1>\n<p>The page for application "
                + Html.escape(view.state().application().reference()) + " could be used until "
                + Html.escape(Wording.moment(view.state().step(view.step().id()).orElseThrow().linkExpires().atZone(Catalogue.UK)))
                + " (UK time). Nothing has been recorded.</p>\n<p>If you still want to tell us whether you support it, contact us and quote the reference. "
                + contact() + "</p>\n");
    }

    private String notALink() {
        String title = "We can’t open this page";
        return layout.message(title, "<h1 class=\"heading-xl\">" + title + "</h1>\n"
                + "<p>This address is not one we sent, or part of it is missing. Nothing has been recorded.</p>\n"
                + "<p>If you were asked by email to confirm your support for an application, open the link in that email again, "
                + "or copy the whole address from it. If it still does not work, contact us. " + contact() + "</p>\n");
    }

    /** The store could not be reached: nothing recorded, try again. */
    public Page unavailable() {
        String title = "Sorry, there is a problem with the service";
        return new Page(503, layout.message(title, "<h1 class=\"heading-xl\">" + title + "</h1>\n"
                + "<p>Nothing has been recorded. Try again in a few minutes: open the link in your email again.</p>\n"
                + "<p>If it keeps happening, contact us. " + contact() + "</p>\n"));
    }

    private String contact() {
        return "Email <a href=\"mailto:" + Html.escape(publisher.email()) + "\">" + Html.escape(publisher.email()) + "</a> or call "
                + Html.escape(publisher.phone()) + ".";
    }

    private Fund fund(Application application) {
        return catalogue.fund(application.fundId()).orElseThrow();
    }
}
