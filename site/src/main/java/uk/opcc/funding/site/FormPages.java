package uk.opcc.funding.site;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbake.model.DocumentModel;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.CallStatus;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.FormHtml;
import uk.opcc.funding.catalogue.Fund;
import uk.opcc.funding.catalogue.text.Money;

/**
 * Renders the application pages: for every form, a page for general applications and one per
 * call of its fund, and a confirmation page. The form itself is
 * rendered by {@link FormHtml}, the same renderer the intake uses to show problems.
 */
final class FormPages {
    private FormPages() {
    }

    /** The address of a form page: /forms/property-fund/ or /forms/property-fund/road-safety-2026.html */
    static String url(FormDefinition form, Call call) {
        return "/forms/" + form.id() + "/" + (call == null ? "" : call.id() + ".html");
    }

    /** The page the intake fills with a problem or a message: the site's layout and contact details. */
    static final String MESSAGE_PAGE = "forms/message.html";

    /** Renders every form's pages into the site, through the form and confirmation templates, and the intake's message page. */
    static void render(Catalogue catalogue, Instant now, TemplatePages pages) {
        pages.render(MESSAGE_PAGE, TemplatePages.htmlPage("Message", "message", ""));
        for (FormDefinition form : catalogue.forms()) {
            Fund fund = catalogue.fund(form.fundId()).orElseThrow();
            String folder = "forms/" + form.id() + "/";
            render(pages, folder + "index.html", "form", view(catalogue, form, fund, null, now), fund.acceptsApplications()
                    ? FormHtml.render(form, null, catalogue.amountCap(form, null), Map.of(), List.of()) : "", false);
            for (Call call : catalogue.callsFor(fund.id())) {
                // An upcoming call's form is baked too, hidden: status.js shows it once the call opens.
                boolean open = fund.acceptsApplications() && call.statusAt(now) != CallStatus.CLOSED;
                render(pages, folder + call.id() + ".html", "form", view(catalogue, form, fund, call, now),
                        open ? FormHtml.render(form, call, catalogue.amountCap(form, call), Map.of(), List.of()) : "", call.draft());
            }
            render(pages, folder + "confirmation.html", "confirmation", view(catalogue, form, fund, null, now), "", false);
        }
    }

    private static Map<String, Object> view(Catalogue catalogue, FormDefinition form, Fund fund, Call call, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", form.title());
        view.put("formId", form.id());
        view.put("fundName", fund.name());
        view.put("fundUrl", "/funds/" + fund.id() + ".html");
        catalogue.amountCap(form, call).ifPresent(cap -> view.put("cap", Money.format(cap)));
        // The form's own maximum, where it is the one in force, may be a placeholder: said here as on the fund's page.
        view.put("capProvisional", call == null && form.maxAmount().isPresent() && form.maxAmountProvisional());
        boolean open = fund.acceptsApplications();
        String closedReason = open ? null : "The " + fund.name() + " is not taking applications"
                + fund.endedOn().map(d -> ": it ended on " + UkTime.date(d) + ".").orElse(".");
        if (call != null) {
            CallStatus status = call.statusAt(now);
            view.put("callTitle", call.title());
            view.put("callUrl", "/" + call.uri());
            view.put("closes", UkTime.dateAndTime(call.closes()));
            view.put("closesIso", call.closes().toOffsetDateTime().toString());
            view.put("opens", UkTime.dateAndTime(call.opens()));
            view.put("opensIso", call.opens().toOffsetDateTime().toString());
            view.put("closingSoonIso", call.closingSoonFrom().atZone(Catalogue.UK).toOffsetDateTime().toString());
            view.put("status", status.slug());
            view.put("statusLabel", status.label());
            if (open && status == CallStatus.CLOSED) {
                closedReason = "This call closed on " + UkTime.dateAndTime(call.closes()) + ". You can no longer apply to it.";
            }
        }
        view.put("open", closedReason == null);
        if (closedReason != null) {
            view.put("closedReason", closedReason);
        }
        return view;
    }

    /** @param draft a draft call's form, baked only for a preview: marked as a draft like the call's page */
    private static void render(TemplatePages pages, String uri, String type, Map<String, Object> view, String body, boolean draft) {
        DocumentModel content = TemplatePages.htmlPage(String.valueOf(view.get("title")), type, body);
        if (draft) {
            content.put("draftPreview", "true");
        }
        content.put("view", view);
        pages.render(uri, content);
    }
}
