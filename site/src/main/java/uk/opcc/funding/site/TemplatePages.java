package uk.opcc.funding.site;

import freemarker.template.Configuration;
import freemarker.template.SimpleHash;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jbake.app.Parser;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;

/**
 * The site's one render engine: every page (the hand-written ones, each call's and each form's)
 * goes through the template jbake.properties names for its type, straight through Freemarker,
 * with one model. JBake is used only to read content files (its parser and Markdown engine) and
 * for its settings; its Oven is not, because it rendered from a second model (its content store,
 * with data files round-tripped through YAML) and, for every page, read every document of the
 * page's type back out of its embedded database for previous/next links this site never shows.
 *
 * <p>The model every template gets: {@code content} (the page's headers and body), {@code site}
 * (the {@link SiteView} of funds and calls for this bake), {@code opcc} (who publishes the site,
 * from the catalogue's {@link uk.opcc.funding.catalogue.Publisher}), {@code markers} (the
 * {@link uk.opcc.funding.catalogue.PageMarkers} the intake fills in) and {@code config}.
 */
final class TemplatePages {
    private final JBakeConfiguration config;
    private final Configuration freemarker;
    private final Parser parser;
    private final Path output;
    private final Charset encoding;
    private final Map<String, Object> shared;

    /** @param shared what every page's model carries besides its {@code content} */
    TemplatePages(JBakeConfiguration config, Map<String, Object> shared) {
        this.config = config;
        // The settings org.jbake.template.FreemarkerTemplateEngine gives Freemarker, so the pages are as JBake baked them.
        freemarker = new Configuration(Configuration.DEFAULT_INCOMPATIBLE_IMPROVEMENTS);
        freemarker.setDefaultEncoding(config.getRenderEncoding());
        freemarker.setOutputEncoding(config.getOutputEncoding());
        if (config.getFreemarkerTimeZone() != null) {
            freemarker.setTimeZone(config.getFreemarkerTimeZone());
            freemarker.setSQLDateAndTimeTimeZone(config.getFreemarkerTimeZone());
        }
        try {
            freemarker.setDirectoryForTemplateLoading(config.getTemplateFolder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parser = new Parser(config);
        output = config.getDestinationFolder().toPath();
        encoding = Charset.forName(config.getRenderEncoding());
        this.shared = new HashMap<>(shared);
        this.shared.put("config", config.asHashMap());
    }

    /**
     * A content file's model as JBake's parser reads it: headers, and the body rendered from Markdown.
     *
     * @param name the file as its problem names it (content/strategy.md)
     */
    DocumentModel read(Path contentFile, String name) {
        DocumentModel content = parser.processFile(contentFile.toFile());
        if (content == null) {
            throw new SiteBaker.BakeException(name + ": cannot be read as a page: it needs a header with type= and status=,"
                    + " then a line ~~~~~~, then the text");
        }
        if (!hasTemplate(content.getType())) {
            throw new SiteBaker.BakeException(name + ": type '" + content.getType() + "' is not a kind of page the site has;"
                    + " use one of " + config.getDocumentTypes().stream().filter(this::hasTemplate).sorted().toList());
        }
        return content;
    }

    /** Whether jbake.properties names a template for this type and the template is there (JBake's defaults name some that are not). */
    private boolean hasTemplate(String type) {
        String template = config.getTemplateByDocType(type);
        return template != null && new java.io.File(config.getTemplateFolder(), template).isFile();
    }

    /**
     * A page whose body is ready-made HTML, as JBake reads an {@code .html} content file: each
     * line of the body ends with a newline.
     */
    static DocumentModel htmlPage(String title, String type, String body) {
        DocumentModel content = new DocumentModel();
        content.setTitle(title);
        content.setType(type);
        content.setStatus("published");
        StringBuilder lines = new StringBuilder();
        body.lines().forEach(line -> lines.append(line).append('\n'));
        content.setBody(lines.toString());
        return content;
    }

    /** Renders one page at {@code uri} (relative to the site root) with the template jbake.properties names for its type. */
    void render(String uri, DocumentModel content) {
        String templateName = config.getTemplateByDocType(content.getType());
        Path file = output.resolve(uri);
        Map<String, Object> model = new HashMap<>(shared);
        model.put("content", content);
        try {
            Files.createDirectories(file.getParent());
            Template template = freemarker.getTemplate(templateName);
            try (Writer out = Files.newBufferedWriter(file, encoding)) {
                template.process(new SimpleHash(model, freemarker.getObjectWrapper()), out);
            }
        } catch (IOException | TemplateException e) {
            throw new SiteBaker.BakeException("Failed to render " + uri + " with " + templateName + ": " + e.getMessage());
        }
    }
}
