package uk.opcc.funding.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A baked site on disk, read the way a browser would: pages by their address. */
record BakedSite(Path root) {

    /** The real site's source. */
    static final Path SOURCE = Path.of("src/main/jbake");

    Document page(String address) {
        Path file = fileFor(address);
        try {
            return Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name(), "http://localhost" + address);
        } catch (IOException e) {
            throw new UncheckedIOException("No page at " + address + " (" + file + ")", e);
        }
    }

    String text(String address) {
        try {
            return Files.readString(fileFor(address));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path fileFor(String address) {
        String path = address.replaceFirst("[#?].*$", "");
        Path file = root.resolve(path.replaceFirst("^/", ""));
        return path.endsWith("/") || path.isEmpty() ? file.resolve("index.html") : file;
    }

    /** Every HTML page, as a site-relative address like /funds/property-fund.html. */
    List<String> pages() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".html"))
                    .map(p -> "/" + root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every link from one of the site's pages to an address or anchor of its own that is not there. */
    List<String> brokenLinks() {
        List<String> broken = new ArrayList<>();
        for (String address : pages()) {
            for (Element link : page(address).select("a[href], link[href]")) {
                String href = link.attr("href");
                if (!href.startsWith("/")) {
                    continue; // mailto:, tel:, data: and other sites' pages are not ours to resolve
                }
                int hash = href.indexOf('#');
                if (!Files.isRegularFile(fileFor(href))) {
                    broken.add(address + " -> " + href);
                } else if (hash >= 0 && page(href).getElementById(href.substring(hash + 1)) == null) {
                    broken.add(address + " -> " + href + " (no such anchor)");
                }
            }
        }
        return broken;
    }

    static Path copyOf(Path source, Path into) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = into.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return into;
    }
}
