package uk.opcc.funding.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jbake.model.DocumentModel;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.ContentFile;
import uk.opcc.funding.catalogue.decision.Decision;

/**
 * Renders a decision notice per round shown and the grants register. A notice's text is the
 * decision file's Markdown, read by JBake's parser as a page's would be (the office's contact
 * details filled in); everything else on both pages comes from {@link DecisionsView}, which
 * holds awards only.
 */
final class DecisionPages {
    private DecisionPages() {
    }

    /**
     * @param shown the final decisions, and in a preview the drafts too (marked as drafts)
     * @param work  the bake's staging folder, where each notice's Markdown is written to be read
     */
    static void render(Catalogue catalogue, List<Decision> shown, TemplatePages pages, Path work, ContactPlaceholders contacts) {
        for (Decision decision : shown) {
            DocumentModel content = pages.read(stageNotice(decision, work, contacts), decision.file());
            content.put("view", DecisionsView.notice(catalogue, decision));
            if (!decision.isFinal()) {
                content.put("draftPreview", "true");
            }
            pages.render(DecisionsView.noticeUri(decision), content);
        }
        pages.render(DecisionsView.REGISTER_URI, TemplatePages.htmlPage("Grants register", "grants", ""));
    }

    private static Path stageNotice(Decision decision, Path work, ContactPlaceholders contacts) {
        Path file = work.resolve("content/" + DecisionsView.noticeUri(decision).replaceFirst("\\.html$", ".md"));
        String text = "type=decision\nstatus=published\n" + ContentFile.SEPARATOR + "\n" + contacts.fill(decision.file(), decision.notice());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
