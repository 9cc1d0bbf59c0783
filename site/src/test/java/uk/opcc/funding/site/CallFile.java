package uk.opcc.funding.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * A call for bids written as the comms team writes one (README, "Publishing a call"), for tests
 * and benchmarks that save calls into a source: one way to write the file, so a change to the
 * format changes every writer.
 */
public record CallFile(String title, String fund, String theme, LocalDateTime opens, LocalDateTime closes, int maxAward,
                       String summary, String body) {

    /** A published call of the given fund, open from {@code opens} for 30 days (until 5pm). */
    public static CallFile open(String title, String fund, LocalDateTime opens, int maxAward) {
        return new CallFile(title, fund, "Community safety", opens, opens.plusDays(30).withHour(17).withMinute(0), maxAward,
                "A call saved by a test.", "## What we want to fund\n\nProjects that make the area safer.\n");
    }

    public CallFile withTheme(String theme) {
        return new CallFile(title, fund, theme, opens, closes, maxAward, summary, body);
    }

    public CallFile withSummary(String summary) {
        return new CallFile(title, fund, theme, opens, closes, maxAward, summary, body);
    }

    public String text() {
        return """
                title=%s
                type=call
                status=published
                fund=%s
                theme=%s
                opens=%s
                closes=%s
                maxAward=%d
                summary=%s
                ~~~~~~
                %s""".formatted(title, fund, theme, opens, closes, maxAward, summary, body);
    }

    /** Saves it as {@code content/calls/<id>.md} of a source. */
    public Path saveAs(Path source, String id) throws IOException {
        return Files.writeString(source.resolve("content/calls/" + id + ".md"), text());
    }
}
