package uk.opcc.funding.site;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.PegdownExtensions;
import com.vladsch.flexmark.profile.pegdown.PegdownOptionsAdapter;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jbake.parser.Engines;
import org.jbake.parser.MarkdownEngine;
import org.jbake.parser.ParserContext;

/**
 * JBake's Markdown engine with one difference: it builds flexmark's parser and renderer once for
 * a set of extensions instead of once per page. Building them resolves flexmark's extension
 * graph, which cost more than rendering a call's text. The options are worked out as JBake's
 * MarkdownEngine works them out, so the HTML is the same.
 */
final class ReusedMarkdownEngine extends MarkdownEngine {
    private record Flexmark(Parser parser, HtmlRenderer renderer) {
    }

    private static final Map<List<String>, Flexmark> BUILT = new ConcurrentHashMap<>();

    /** Makes JBake use this engine for {@code .md} files, in every bake in this JVM. */
    static void register() {
        Engines.register("md", new ReusedMarkdownEngine());
    }

    @Override
    public void processBody(ParserContext context) {
        Flexmark flexmark = BUILT.computeIfAbsent(List.copyOf(context.getConfig().getMarkdownExtensions()), ReusedMarkdownEngine::build);
        context.setBody(flexmark.renderer().render(flexmark.parser().parse(context.getBody())));
    }

    private static Flexmark build(List<String> names) {
        int extensions = PegdownExtensions.NONE;
        for (String name : names) {
            if (name.startsWith("-")) {
                extensions &= ~extension(name.substring(1));
            } else {
                extensions |= extension(name.startsWith("+") ? name.substring(1) : name);
            }
        }
        DataHolder options = PegdownOptionsAdapter.flexmarkOptions(extensions);
        return new Flexmark(Parser.builder(options).build(), HtmlRenderer.builder(options).build());
    }

    /** An extension by its PegdownExtensions field name; an unknown name means none, as in JBake. */
    private static int extension(String name) {
        try {
            return PegdownExtensions.class.getDeclaredField(name).getInt(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return PegdownExtensions.NONE;
        }
    }
}
