package uk.opcc.funding.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import uk.opcc.funding.catalogue.text.Html;

/** sitemap.xml listing every baked page, read from the output so no page can be missed. */
final class Sitemap {
    private Sitemap() {
    }

    static String xml(Path output, Site site) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String page : pages(output)) {
            xml.append("  <url><loc>").append(Html.escape(site.url(page))).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** Site-relative addresses of every HTML page but the error page; folders end in "/". */
    static List<String> pages(Path output) {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> output.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("404.html") && !p.endsWith("/confirmation.html") // shown only after applying
                            && !p.equals(FormPages.MESSAGE_PAGE)) // shown only by the intake
                    .map(p -> "/" + (p.endsWith("index.html") ? p.substring(0, p.length() - "index.html".length()) : p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
