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
 *
 * @param separated whether the file has the separator line: without it JBake reads no header
 *                  at all, so the file has no type and no status and would not be baked
 */
public record ContentFile(Path path, Map<String, String> headers, String body, boolean separated) {

    public static final String SEPARATOR = "~~~~~~";

    /** The folder, under content/, of the call files: everything in it must be a call (or its index page). */
    public static final String CALLS_FOLDER = "calls";
    /** The only kind of content file the site bakes. */
    public static final String EXTENSION = ".md";

    public static ContentFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        int separator = lines.indexOf(SEPARATOR);
        if (separator < 0) {
            return new ContentFile(path, Map.of(), String.join("\n", lines), false);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.subList(0, separator)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                headers.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        String body = String.join("\n", lines.subList(separator + 1, lines.size()));
        return new ContentFile(path, Map.copyOf(headers), body, true);
    }

    /**
     * A file an editor or the operating system leaves beside the ones people write (a hidden
     * {@code .name}, a {@code name~} backup): never content, so never baked and never an error,
     * or the live preview would complain while a file is open in an editor.
     */
    public static boolean isEditorLeftover(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~") || name.startsWith("#");
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** JBake publishes only {@code status=published}; anything else, or no status, is a draft. */
    public boolean isDraft() {
        return !"published".equals(headers.get("status"));
    }
}
