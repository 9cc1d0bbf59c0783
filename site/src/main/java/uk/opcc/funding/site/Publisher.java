package uk.opcc.funding.site;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Who publishes the site and where, from {@code data/opcc.yml} and the build's site host:
 * what the feed and calendar need to name themselves.
 */
record Publisher(String name, String shortName, String service, String siteHost) {

    static Publisher read(Path jbakeSource, String siteHost) {
        Path file = jbakeSource.resolve("data/opcc.yml");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> opcc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return new Publisher(String.valueOf(opcc.get("name")), String.valueOf(opcc.get("shortName")),
                    String.valueOf(opcc.get("service")), siteHost.replaceAll("/+$", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    String url(String path) {
        return siteHost + (path.startsWith("/") ? path : "/" + path);
    }
}
