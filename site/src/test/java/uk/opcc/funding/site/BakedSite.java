package uk.opcc.funding.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A baked site on disk, read the way a browser would: pages by their address. */
record BakedSite(Path root) {

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

    /** A copy of the real source to change in a test, leaving the real one alone. */
    static Path copyOfSource(Path into) throws IOException {
        return copyOf(SOURCE, into);
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
