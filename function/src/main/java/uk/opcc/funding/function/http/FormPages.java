package uk.opcc.funding.function.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.FormField;
import uk.opcc.funding.catalogue.FormHtml;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.catalogue.PageMarkers;
import uk.opcc.funding.catalogue.text.Wording;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.function.intake.Submission;
import uk.opcc.funding.function.validation.Problem;

/**
 * The site's own baked pages, packaged into the function: a form page re-rendered with the
 * applicant's answers and problems for a form posted without JavaScript, and the confirmation
 * page with the reference filled in. The form markup comes from {@link FormHtml}, as on the site.
 */
public final class FormPages {
    private final Catalogue catalogue;
    private final Function<String, Optional<String>> reader;
    /** Pages read once per warm function, on first use: none at start-up. */
    private final java.util.concurrent.ConcurrentMap<String, Optional<String>> pages = new java.util.concurrent.ConcurrentHashMap<>();

    public FormPages(Catalogue catalogue) {
        this(catalogue, FormPages::read);
    }

    /** The pages of a site baked into {@code bakedForms} (its forms folder): the local preview's, rebaked on every save. */
    public FormPages(Catalogue catalogue, Path bakedForms) {
        this(catalogue, path -> {
            Path file = bakedForms.resolve(path);
            try {
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private FormPages(Catalogue catalogue, Function<String, Optional<String>> reader) {
        this.catalogue = catalogue;
        this.reader = reader;
    }

    /**
     * The form page showing {@code step}'s page with every answer kept in the form; only the
     * problems with that page's questions (or with no question) are shown. Empty if the form has no page.
     */
    public Optional<String> render(String formId, Map<String, List<String>> fields, List<Problem> problems, FormHtml.Step step) {
        Optional<FormDefinition> form = catalogue.form(formId);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        Fund fund = catalogue.fund(form.get().fundId()).orElseThrow();
        String callId = fields.getOrDefault(Submission.CALL, List.of()).stream().findFirst().orElse(null);
        Call call = callId == null ? null : catalogue.call(callId).filter(c -> c.fundId().equals(fund.id())).orElse(null);
        Optional<BigDecimal> cap = catalogue.amountCap(form.get(), call);
        List<String> shown = (step.show().equals(FormDefinition.CHECK) ? form.get().declarations()
                : form.get().page(step.show()).map(FormDefinition.Section::questions).orElse(List.of())).stream().map(FormField::name).toList();
        List<FormHtml.Error> errors = problems.stream().filter(p -> shown.contains(p.field()) || form.get().field(p.field()).isEmpty())
                .map(p -> new FormHtml.Error(p.field(), p.message())).toList();
        String heading = step.show().equals(FormDefinition.CHECK) ? "Check your answers"
                : form.get().page(step.show()).map(FormDefinition.Section::title).orElse("");
        return page(formId + "/" + (call == null ? "index.html" : call.id() + ".html")).map(baked -> {
            String page = FormHtml.introduction(baked, form.get(), step);
            int start = page.indexOf(FormHtml.START);
            int end = page.indexOf(FormHtml.END);
            if (start < 0 || end < 0) {
                return null;
            }
            String rendered = FormHtml.render(form.get(), call, cap, fields, errors, step);
            String title = (errors.isEmpty() ? "" : "Error: ") + (heading.isEmpty() ? "" : Html.escape(heading) + " – ");
            return page.substring(0, start).replaceFirst("<title>", "<title>" + java.util.regex.Matcher.quoteReplacement(title))
                    + rendered + page.substring(end + FormHtml.END.length());
        });
    }

    /** After a send with problems: the first page with one, shown with its problems, leading back to the check page. */
    public Optional<String> withProblems(String formId, Map<String, List<String>> fields, List<Problem> problems) {
        String page = catalogue.form(formId).map(f -> f.pageFor(problems.stream().map(Problem::field).toList())).orElse(FormDefinition.CHECK);
        return render(formId, fields, problems, new FormHtml.Step(page, FormDefinition.CHECK));
    }

    /**
     * The applicant's answers as they typed them, question by question, for a page that could not
     * take the application: so they can keep a copy. Empty for an unknown form or no answers.
     */
    public String answers(String formId, Map<String, List<String>> fields) {
        Optional<FormDefinition> form = catalogue.form(formId);
        if (form.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (FormField field : form.get().questions()) {
            List<String> values = field.question().read(field.name(), fields).values().stream().filter(v -> !v.isBlank()).toList();
            if (values.isEmpty()) {
                continue;
            }
            String answer = String.join("\n", field.shown(values));
            html.append("<div class=\"summary-list__row\"><dt>").append(Html.escape(field.label())).append("</dt><dd>")
                    .append(Html.escape(answer).replaceAll("\r?\n", "<br>")).append("</dd></div>\n");
        }
        return html.isEmpty() ? "" : "<dl class=\"summary-list\">\n" + html + "</dl>\n";
    }

    /**
     * The confirmation page for a checked token: the reference, which panel will consider the
     * application and when the applicant will hear and, where the application could be read, the
     * address its confirmation email goes to and its answers to print or save (the email carries
     * none of them). Empty if the form has no confirmation page.
     *
     * @param application the application the token names, read while the token is valid; empty if it could not be read
     */
    public Optional<String> confirmation(ConfirmationToken.Claims claims, Optional<Application> application) {
        Optional<FormDefinition> form = catalogue.form(claims.formId());
        if (form.isEmpty()) {
            return Optional.empty();
        }
        Fund fund = catalogue.fund(form.get().fundId()).orElseThrow();
        Call call = claims.callId() == null ? null : catalogue.call(claims.callId()).orElse(null);
        String next = "<p>We received it on " + Wording.moment(claims.receivedAt().atZone(Catalogue.UK)) + " (UK time). "
                + "We will check it and may contact you with questions.</p>\n  <p>"
                + catalogue.roundFor(fund, call, claims.receivedAt()).map(round -> (call == null
                        ? "The " + round.name() + " will consider it, with the applications received by " + Wording.day(round.deadline())
                        : "A panel will consider it with the other bids to the call ‘" + Html.escape(call.title()) + "’, after the call closes")
                        + ". We will tell you the decision by <strong>" + Wording.day(round.decisionsBy()) + "</strong>"
                        + (round.provisional() ? " (provisional date, to be confirmed)" : "") + ".")
                .orElse("We will write to tell you when a panel will consider it, and when you will hear.")
                + "</p>";
        String sentTo = "<p>We’re sending a confirmation email to "
                + application.flatMap(a -> a.applicantEmail(form.get())).map(address -> "<strong>" + Html.escape(address) + "</strong>")
                        .orElse("the email address you gave")
                + ". It has your reference number and what happens next, but not your answers.</p>";
        String answers = application.map(a -> answers(claims.formId(), a.answers())).filter(html -> !html.isEmpty())
                .map(html -> "<h2>Your answers</h2>\n  <p>We do not send your answers by email. To keep a copy, print this page or save it "
                        + "(your browser’s Print can save it as a PDF). This page can be shown for an hour after you sent your application.</p>\n  "
                        + FormHtml.PRINT_BUTTON + "\n  " + html)
                .orElse("");
        return page(claims.formId() + "/confirmation.html")
                .map(page -> page.replace(PageMarkers.REFERENCE, claims.reference()).replace(PageMarkers.WHAT_HAPPENS_NEXT, next)
                        .replace(PageMarkers.EMAIL_SENT_TO, sentTo).replace(PageMarkers.ANSWERS, answers));
    }

    /**
     * The site's own page for the intake's messages (forms/message.html), with a title and a
     * message put in: the site's header, footer, styles and contact details, no second layout.
     * From the same bake as the form pages, so the local preview shows its own site's.
     *
     * @param message HTML, already escaped where it carries anything typed
     */
    public String message(String title, String message) {
        String page = page("message.html").orElseThrow(() -> new IllegalStateException("forms/message.html is missing: bake the site first"));
        return page.replace(PageMarkers.TITLE, Html.escape(title)).replace(PageMarkers.MESSAGE, message);
    }

    /** A path under forms/, only ever made of a form id and call id from the catalogue, never raw input. */
    private Optional<String> page(String path) {
        return pages.computeIfAbsent(path, reader);
    }

    private static Optional<String> read(String path) {
        try (InputStream in = FormPages.class.getResourceAsStream("/site-pages/forms/" + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
