package uk.opcc.funding.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.MarkdownEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReusedMarkdownEngineTest {

    @TempDir
    Path output;

    @Test
    void rendersEveryContentFileAsJBakesOwnEngineDoes() throws IOException {
        // given the real site's settings and every Markdown file in it
        JBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(BakedSite.SOURCE.toFile(), output.toFile(), true);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(BakedSite.SOURCE.resolve("content"))) {
            files = walk.filter(p -> p.toString().endsWith(".md")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        ReusedMarkdownEngine reused = new ReusedMarkdownEngine();
        for (Path file : files) {
            // when both engines read it, the reused one twice
            String jbake = new MarkdownEngine().parse(config, file.toFile()).getBody();
            reused.parse(config, file.toFile());
            String again = reused.parse(config, file.toFile()).getBody();

            // then the HTML is the same
            assertThat(again).as(file.toString()).isEqualTo(jbake).contains("<p>");
        }
    }
}
