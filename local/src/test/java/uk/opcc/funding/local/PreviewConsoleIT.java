package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the preview says on the console of whoever edits the site: its own lines, counted in words, and when all is well again. */
class PreviewConsoleIT {
    @TempDir
    Path root;

    @Test
    void countsProblemsInWordsAndSaysWhenTheSiteIsGoodAgain() throws Exception {
        // given the fixture's source, baked once
        Path source = LocalRunFixture.fixtureSource(root);
        Path calls = source.resolve("content/calls");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (SitePreview preview = new SitePreview(source, root.resolve("preview"), "http://localhost:8080", false,
                new PrintStream(console, true, StandardCharsets.UTF_8))) {
            assertThat(preview.bake()).isTrue();
            assertThat(console.toString(StandardCharsets.UTF_8)).as("a good bake at the start says nothing").isEmpty();

            // when one call goes over its fund's cap, then a second one too, then both are put right
            Files.writeString(calls.resolve("too-much.md"), LivePreviewIT.call("Too much", 9000));
            assertThat(preview.bake()).isFalse();
            Files.writeString(calls.resolve("far-too-much.md"), LivePreviewIT.call("Far too much", 90000));
            assertThat(preview.bake()).isFalse();
            Files.delete(calls.resolve("far-too-much.md"));
            Files.writeString(calls.resolve("too-much.md"), LivePreviewIT.call("Not too much", 900));
            assertThat(preview.bake()).isTrue();
            assertThat(preview.bake()).isTrue();
        }

        // then each state has its line, in that order, and no "problem(s)"
        String said = console.toString(StandardCharsets.UTF_8);
        assertThat(said).containsSubsequence("have 1 problem:", "too-much.md", "have 2 problems:",
                "The preview is up to date again").doesNotContain("problem(s)");
        assertThat(said.split("up to date again", -1)).as("said once, when it was put right").hasSize(2);
    }
}
