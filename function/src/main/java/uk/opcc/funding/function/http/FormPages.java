package uk.opcc.funding.function.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.FormHtml;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.intake.Submission;
import uk.opcc.funding.function.validation.FormValidator;
import uk.opcc.funding.function.validation.Problem;

/**
 * The site's own baked pages, packaged into the function: a form page re-rendered with the
 * applicant's answers and problems for a form posted without JavaScript, and the confirmation
 * page with the reference filled in. The form markup comes from {@link FormHtml}, as on the site.
 */
public final class FormPages {
    private static final String REFERENCE = "<!-- reference -->";
    private final Catalogue catalogue;
    /** Pages read once per warm function, on first use: none at start-up. */
    private final java.util.concurrent.ConcurrentMap<String, Optional<String>> pages = new java.util.concurrent.ConcurrentHashMap<>();

    public FormPages(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The form page again, answers kept, every problem shown; empty if the form has no page. */
    public Optional<String> withProblems(String formId, Map<String, List<String>> fields, List<Problem> problems) {
        Optional<FormDefinition> form = catalogue.form(formId);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        Fund fund = catalogue.fund(form.get().fundId()).orElseThrow();
        String callId = fields.getOrDefault(Submission.CALL, List.of()).stream().findFirst().orElse(null);
        Call call = callId == null ? null : catalogue.call(callId).filter(c -> c.fundId().equals(fund.id())).orElse(null);
        return page(formId, call == null ? "index.html" : call.id() + ".html").map(page -> {
            int start = page.indexOf(FormHtml.START);
            int end = page.indexOf(FormHtml.END);
            if (start < 0 || end < 0) {
                return null;
            }
            String rendered = FormHtml.render(form.get(), call, catalogue.amountCap(form.get(), call), FormValidator.foldDateParts(form.get(), fields),
                    problems.stream().map(p -> new FormHtml.Error(p.field(), p.message())).toList());
            return page.substring(0, start).replaceFirst("<title>", "<title>Error: ") + rendered + page.substring(end + FormHtml.END.length());
        });
    }

    /** The confirmation page showing {@code reference}; empty for an unknown form or a malformed reference. */
    public Optional<String> confirmation(String formId, String reference) {
        if (catalogue.form(formId).isEmpty() || !Reference.isWellFormed(reference)) {
            return Optional.empty();
        }
        return page(formId, "confirmation.html").map(page -> page.replace(REFERENCE, reference));
    }

    /** Only called with a form id and call id from the catalogue, never raw input. */
    private Optional<String> page(String formId, String name) {
        return pages.computeIfAbsent(formId + "/" + name, FormPages::read);
    }

    private static Optional<String> read(String path) {
        try (InputStream in = FormPages.class.getResourceAsStream("/site-pages/forms/" + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
