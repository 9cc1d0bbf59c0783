package uk.opcc.funding.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JBake content file: {@code key=value} header lines, the {@code ~~~~~~} separator, then the
 * body. Read here as well as by JBake so the build can check calls before it bakes them.
 */
public record ContentFile(Path path, Map<String, String> headers, String body) {

    static final String SEPARATOR = "~~~~~~";

    public static ContentFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        int separator = lines.indexOf(SEPARATOR);
        if (separator < 0) {
            return new ContentFile(path, Map.of(), String.join("\n", lines));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(0, separator)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                headers.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        String body = String.join("\n", lines.subList(separator + 1, lines.size()));
        return new ContentFile(path, Map.copyOf(headers), body);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** JBake publishes only {@code status=published}; anything else, or no status, is a draft. */
    public boolean isDraft() {
        return !"published".equals(headers.get("status"));
    }
}
