package uk.opcc.funding.site;

import freemarker.ext.beans.BeansWrapperBuilder;
import freemarker.template.Configuration;
import freemarker.template.SimpleHash;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jbake.app.Parser;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;

/**
 * Renders the pages that need nothing from JBake's content store — every call page and every
 * application form page — straight through Freemarker: the same templates, the same Freemarker
 * settings and the same model ({@code content}, {@code data}, {@code config}) that JBake's
 * Freemarker engine gives them, so the HTML is the same. Why: for every page it renders, JBake
 * 2.7 reads every document of the page's type back out of its embedded OrientDB store (for
 * previous/next links this site never shows), so a bake through it grows with the square of the
 * number of calls. JBake still bakes the handful of pages that list calls or are written by hand.
 */
final class TemplatePages {
    private final JBakeConfiguration config;
    private final Configuration freemarker;
    private final Parser parser;
    private final Path output;
    private final Charset encoding;
    private final Map<String, Object> configModel;
    private final TemplateModel data;

    TemplatePages(JBakeConfiguration config) {
        this.config = config;
        // As org.jbake.template.FreemarkerTemplateEngine configures it.
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
        configModel = config.asHashMap();
        data = wrapData(new DataFiles(parser, config.getDataFolder()));
    }

    private static TemplateModel wrapData(DataFiles files) {
        try {
            // JBake hands templates its data files through a BeansWrapper, so data.get('x.yml') works.
            return new BeansWrapperBuilder(Configuration.DEFAULT_INCOMPATIBLE_IMPROVEMENTS).build().wrap(files);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A content file's model as JBake's parser reads it: headers, and the body rendered from Markdown. */
    DocumentModel read(Path contentFile) {
        DocumentModel content = parser.processFile(contentFile.toFile());
        if (content == null) {
            throw new SiteBaker.BakeException(contentFile + ": not a content file JBake can read (type and status are required)");
        }
        return content;
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
        Map<String, Object> model = new HashMap<>();
        model.put("content", content);
        model.put("config", configModel);
        try {
            Files.createDirectories(file.getParent());
            Template template = freemarker.getTemplate(templateName);
            SimpleHash eager = new SimpleHash(model, freemarker.getObjectWrapper());
            try (Writer out = Files.newBufferedWriter(file, encoding)) {
                template.process(new PageModel(eager, data), out);
            }
        } catch (IOException | TemplateException e) {
            throw new SiteBaker.BakeException("Failed to render " + uri + " with " + templateName + ": " + e.getMessage());
        }
    }

    private record PageModel(SimpleHash eager, TemplateModel data) implements TemplateHashModel {
        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            return "data".equals(key) ? data : eager.get(key);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    /** The site's data files, read once per bake by JBake's own YAML engine. Public: templates call get. */
    public static final class DataFiles {
        private final Parser parser;
        private final File folder;
        private final Map<String, Map<String, Object>> read = new ConcurrentHashMap<>();

        DataFiles(Parser parser, File folder) {
            this.parser = parser;
            this.folder = folder;
        }

        public Map<String, Object> get(String ref) {
            return read.computeIfAbsent(ref, name -> {
                File file = new File(folder, name);
                DocumentModel model = file.isFile() ? parser.processFile(file) : null;
                return model == null ? new HashMap<>() : model;
            });
        }
    }
}
