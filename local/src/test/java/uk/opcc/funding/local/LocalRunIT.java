package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.site.SiteBaker;

/** The local server, over real HTTP on loopback, serving a freshly baked site. */
class LocalRunIT {
    @TempDir
    static Path site;

    static LocalRun run;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void bakeAndServe() throws Exception {
        SiteBaker.bake(new SiteBaker.Options(Path.of("../site/src/main/jbake"), site, "http://localhost", Instant.now(), false));
        Files.writeString(site.getParent().resolve("secret.txt"), "outside the site");
        run = LocalRun.start(site, 0);
    }

    @AfterAll
    static void stop() {
        run.stop();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + run.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesPagesAndFolderIndexes() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(home.body()).contains("Property Fund");
        assertThat(get("/calls/").body()).contains("Calls for bids");
        assertThat(get("/deadlines.ics").headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
    }

    @Test
    void answersTheSitesOwnNotFoundPage() throws Exception {
        HttpResponse<String> missing = get("/funds/lottery.html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found");
    }

    @Test
    void neverServesFilesOutsideTheSite() throws Exception {
        HttpResponse<String> escape = get("/%2e%2e/secret.txt");
        assertThat(escape.statusCode()).isEqualTo(404);
        assertThat(escape.body()).doesNotContain("outside the site");
    }
}
