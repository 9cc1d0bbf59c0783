package uk.opcc.funding.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jbake.app.Oven;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.model.DocumentModel;
import uk.opcc.funding.catalogue.Call;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueException;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.ContentFile;

/**
 * Bakes the public site: checks the catalogue, stages the JBake source without drafts, hands
 * JBake the statuses worked out against the bake clock, renders the call and form pages through
 * the same templates ({@link TemplatePages}), then writes the feed, calendar, catalogue and
 * sitemap beside the pages.
 */
public final class SiteBaker {
    /** JBake's embedded OrientDB logs a page of start-up facts through java.util.logging; held so it stays quiet. */
    private static final java.util.logging.Logger ORIENT_DB = java.util.logging.Logger.getLogger("com.orientechnologies");

    static {
        ORIENT_DB.setLevel(java.util.logging.Level.SEVERE);
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

    public static Catalogue bake(Options options) {
        Catalogue all = CatalogueReader.read(options.source());
        Catalogue shown = options.drafts() ? all : all.published();
        Publisher publisher = Publisher.read(options.source(), options.siteHost());
        Path work = null;
        try {
            work = Files.createTempDirectory("opcc-jbake-");
            ObjectMapper json = new ObjectMapper();
            Set<Path> callFiles = all.calls().stream().map(c -> c.source().toAbsolutePath().normalize()).collect(Collectors.toSet());
            stage(options.source(), work, options.drafts(), callFiles);
            Files.writeString(work.resolve("data/site.yml"), json.writeValueAsString(SiteView.of(shown, options.now())));
            deleteTree(options.output());
            DefaultJBakeConfiguration config = new JBakeConfigurationFactory()
                    .createDefaultJbakeConfiguration(work.toFile(), options.output().toFile(), true);
            config.setSiteHost(publisher.siteHost());
            runJBake(config);
            TemplatePages pages = new TemplatePages(config);
            for (Call call : shown.calls()) {
                renderCall(pages, shown, call, options.now());
            }
            FormPages.render(shown, options.now(), pages);

            Path out = options.output();
            Files.writeString(out.resolve("catalogue.json"), CatalogueJson.write(shown, options.now()));
            Files.writeString(out.resolve("calls.atom"), CallsFeed.atom(shown, publisher, options.now()));
            Files.writeString(out.resolve("deadlines.ics"), DeadlinesCalendar.ics(shown, publisher, options.now()));
            Files.writeString(out.resolve("sitemap.xml"), Sitemap.xml(out, publisher));
            return shown;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    /** A call's page: its file as JBake reads it, with its facts for this bake as the {@code view} the template lays out. */
    private static void renderCall(TemplatePages pages, Catalogue shown, Call call, Instant now) {
        DocumentModel content = pages.read(call.source());
        if (call.draft()) {
            content.setStatus("published");
            content.put("draftPreview", "true");
        }
        content.put("view", SiteView.call(shown, call, now));
        pages.render(call.uri(), content);
    }

    private static void runJBake(DefaultJBakeConfiguration config) {
        Oven oven = new Oven(config);
        oven.bake();
        // JBake logs template errors and carries on; a page with a broken template must fail the build.
        if (!oven.getErrors().isEmpty()) {
            throw new BakeException("JBake reported " + oven.getErrors().size() + " error(s):\n  - "
                    + String.join("\n  - ", oven.getErrors().stream().map(SiteBaker::describe).toList()));
        }
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getMessage());
        }
        return text.toString();
    }

    /**
     * Copies the source for JBake, leaving out drafts (or, for a preview, publishing them marked as
     * drafts) and the call files, whose pages {@link TemplatePages} renders.
     */
    private static void stage(Path source, Path work, boolean drafts, Set<Path> callFiles) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = work.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                if (!isContent(source, file)) {
                    Files.copy(file, target);
                    continue;
                }
                if (callFiles.contains(file.toAbsolutePath().normalize())) {
                    continue;
                }
                ContentFile content = ContentFile.read(file);
                if (content.isDraft() && !drafts) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (content.isDraft()) {
                    text = "status=published\ndraftPreview=true\n" + text.replaceFirst("(?m)^status=.*\n", "");
                }
                Files.writeString(target, text, StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean isContent(Path source, Path file) {
        return file.startsWith(source.resolve("content")) && file.toString().endsWith(".md");
    }

    /** Deletes a folder and everything in it; nothing when it is not there. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
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
            Catalogue baked = bake(options);
            System.out.printf("Baked %d funds and %d calls into %s in %d ms%n", baked.funds().size(),
                    baked.calls().size(), options.output(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (CatalogueException | BakeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        // JBake's embedded database leaves threads behind; the bake is done.
        System.exit(0);
    }

    private static String argument(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    /** JBake could not render a page. */
    public static final class BakeException extends RuntimeException {
        BakeException(String message) {
            super(message);
        }
    }
}
