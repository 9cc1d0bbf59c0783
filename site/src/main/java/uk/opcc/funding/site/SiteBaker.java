package uk.opcc.funding.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.model.DocumentModel;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.ContentFile;
import uk.opcc.funding.catalogue.FormHtml;
import uk.opcc.funding.catalogue.PageMarkers;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.decision.Decision;
import uk.opcc.funding.catalogue.decision.DecisionJson;
import uk.opcc.funding.catalogue.decision.DecisionReader;
import uk.opcc.funding.catalogue.decision.Decisions;
import uk.opcc.funding.catalogue.decision.OpenData;

/**
 * Bakes the public site: checks the catalogue, stages the source without drafts (the office's
 * contact details filled into each page's text), renders every page through the one engine
 * ({@link TemplatePages}) with the statuses worked out against the bake clock, copies the
 * assets, then writes the feed, calendar, catalogue and sitemap beside the pages.
 */
public final class SiteBaker {
    static {
        ReusedMarkdownEngine.register();
    }

    /**
     * @param drafts true only for a local preview: draft pages and calls are baked as if
     *               published, and marked as drafts on the page
     */
    public record Options(Path source, Path output, String siteHost, Instant now, boolean drafts) {
    }

    private SiteBaker() {
    }

    /**
     * What a bake showed: its catalogue (drafts only in a preview that shows them) and every
     * decision read from the source (the local run sends the outcomes of the final ones).
     */
    public record Baked(Catalogue catalogue, Decisions decisions) {
    }

    public static Baked bake(Options options) {
        Catalogue all = CatalogueReader.read(options.source());
        Catalogue shown = options.drafts() ? all : all.published();
        Decisions decisions = DecisionReader.read(options.source(), all);
        // A preview shows draft decisions too, marked as drafts; the register and open data never do.
        List<Decision> shownDecisions = options.drafts() ? decisions.all() : decisions.published();
        Map<?, ?> opccYaml = Publisher.opccYaml(options.source());
        Publisher opcc = Publisher.of(opccYaml);
        Site site = new Site(opcc, options.siteHost());
        OpenData openData = OpenData.of(opccYaml);
        GrantsData grants = new GrantsData(shown, site, openData, decisions.published());
        // Checked before anything is written, so a package the schema refuses leaves the output as it was.
        String grantsJson = grants.any() ? grants.json() : null;
        if (grantsJson != null) {
            GrantsSchema.check(grantsJson);
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("opcc-jbake-");
            Set<Path> callFiles = all.calls().stream().map(c -> c.source().toAbsolutePath().normalize()).collect(Collectors.toSet());
            ContactPlaceholders contacts = new ContactPlaceholders(opcc);
            List<Path> pageFiles = stage(options.source(), work, options.drafts(), callFiles, contacts);
            DefaultJBakeConfiguration config = new JBakeConfigurationFactory()
                    .createDefaultJbakeConfiguration(work.toFile(), options.output().toFile(), true);
            config.setSiteHost(site.host());
            Map<String, Object> model = new HashMap<>();
            model.put("site", SiteView.of(shown, options.now()));
            model.put("opcc", opccView(opcc));
            model.put("markers", markers());
            Map<String, Object> decisionsView = DecisionsView.of(shown, shownDecisions, openData.funders());
            decisionsView.put("openData", DecisionsView.openData(openData, grantsJson != null));
            model.put("decisions", decisionsView);
            TemplatePages pages = new TemplatePages(config, model);
            // Every page is read before anything is written, so a page that cannot be read leaves the output as it was.
            Map<String, DocumentModel> read = new TreeMap<>();
            for (Path file : pageFiles) {
                String name = work.relativize(file).toString().replace('\\', '/');
                read.put(name.substring("content/".length()).replaceFirst("\\.md$", ".html"), pages.read(file, name));
            }
            deleteTree(options.output());
            copyTree(work.resolve("assets"), options.output());
            read.forEach(pages::render);
            pages.render(config.getError404FileName(), TemplatePages.htmlPage("Page not found", "error404", ""));
            for (Call call : shown.calls()) {
                renderCall(pages, shown, call, staged(options.source(), work, call.source()), options.now());
            }
            FormPages.render(shown, options.now(), pages);
            DecisionPages.render(shown, shownDecisions, pages, work, contacts);

            Path out = options.output();
            Files.writeString(out.resolve("catalogue.json"), CatalogueJson.write(shown, options.now(), DecisionJson.published(decisions)));
            Files.writeString(out.resolve("calls.atom"), CallsFeed.atom(shown, site, options.now(), decisions.published()));
            Files.writeString(out.resolve("deadlines.ics"), DeadlinesCalendar.ics(shown, site, options.now()));
            if (grantsJson != null) {
                Files.writeString(out.resolve(GrantsData.JSON), grantsJson);
                Files.writeString(out.resolve(GrantsData.CSV), grants.csv());
            }
            Files.writeString(out.resolve("sitemap.xml"), Sitemap.xml(out, site));
            return new Baked(shown, decisions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    /** Who publishes the site, as the templates read it ({@code opcc.phone}, {@code opcc.address}). */
    private static Map<String, Object> opccView(Publisher opcc) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", opcc.name());
        view.put("shortName", opcc.shortName());
        view.put("service", opcc.service());
        view.put("phone", opcc.phone());
        view.put("phoneLink", opcc.phoneLink());
        view.put("email", opcc.email());
        view.put("address", opcc.address());
        return view;
    }

    /** The marks the intake fills in, as the templates write them ({@code ${markers.reference?no_esc}}). */
    private static Map<String, Object> markers() {
        return Map.of("title", PageMarkers.TITLE, "message", PageMarkers.MESSAGE,
                "reference", PageMarkers.REFERENCE, "whatHappensNext", PageMarkers.WHAT_HAPPENS_NEXT,
                "emailSentTo", PageMarkers.EMAIL_SENT_TO, "answers", PageMarkers.ANSWERS,
                "introductionStart", FormHtml.INTRODUCTION_START, "introductionEnd", FormHtml.INTRODUCTION_END);
    }

    private static Path staged(Path source, Path work, Path file) {
        return work.resolve(source.relativize(file).toString());
    }

    /** A call's page: its file as JBake reads it, with its facts for this bake as the {@code view} the template lays out. */
    private static void renderCall(TemplatePages pages, Catalogue shown, Call call, Path stagedFile, Instant now) {
        DocumentModel content = pages.read(stagedFile, "content/" + call.uri().replaceFirst("\\.html$", ".md"));
        content.put("view", SiteView.call(shown, call, now));
        pages.render(call.uri(), content);
    }

    /**
     * Copies the source to read, leaving out drafts (or, for a preview, publishing them marked as
     * drafts) and filling in the contact details. Returns the staged pages to render, which are
     * every content file but the calls, whose pages need their call's facts.
     */
    private static List<Path> stage(Path source, Path work, boolean drafts, Set<Path> callFiles, ContactPlaceholders contacts)
            throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path target = staged(source, work, file);
                Files.createDirectories(target.getParent());
                if (!file.startsWith(source.resolve("content"))) {
                    Files.copy(file, target);
                    continue;
                }
                if (ContentFile.isEditorLeftover(file)) {
                    continue;
                }
                ContentFile content = ContentFile.read(file);
                if (content.isDraft() && !drafts) {
                    continue;
                }
                String name = source.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int body = text.indexOf(ContentFile.SEPARATOR);
                // Only the text is filled in: a header's values are the catalogue's, checked as typed.
                text = text.substring(0, body) + contacts.fill(name, text.substring(body));
                if (content.isDraft()) {
                    text = "status=published\ndraftPreview=true\n" + text.replaceFirst("(?m)^status=.*\n", "");
                }
                Files.writeString(target, text, StandardCharsets.UTF_8);
                if (!callFiles.contains(file.toAbsolutePath().normalize())) {
                    pages.add(target);
                }
            }
        }
        return pages;
    }

    private static void copyTree(Path from, Path into) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = into.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** Deletes a folder and everything in it; nothing when it is not there. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path); // a file another thread renamed or removed meanwhile is gone already
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + root, e);
        }
    }

    /** The build's entry point: {@code --source DIR --output DIR [--site-host URL] [--now INSTANT] [--drafts]}. */
    public static void main(String[] args) {
        List<String> list = List.of(args);
        Options options = new Options(
                Path.of(argument(list, "--source", "src/main/jbake")),
                Path.of(argument(list, "--output", "target/site")),
                argument(list, "--site-host", "http://localhost:8080"),
                Instant.parse(argument(list, "--now", Instant.now().toString())),
                list.contains("--drafts"));
        long started = System.nanoTime();
        try {
            Catalogue baked = bake(options).catalogue();
            System.out.printf("Baked %d funds and %d calls into %s in %d ms%n", baked.funds().size(),
                    baked.calls().size(), options.output(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (CatalogueException | BakeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static String argument(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    /** A page could not be read or rendered. */
    public static final class BakeException extends RuntimeException {
        BakeException(String message) {
            super(message);
        }
    }
}
