package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import uk.opcc.funding.site.FixtureSite;
import uk.opcc.funding.site.SiteBaker;

/**
 * The site's status script in headless Chromium on a fixed clock: a page of the fixture funder
 * baked before its lit-lanes call opened (4 February 2030, 9am GMT) shows the right status, apply
 * button and form at every boundary, whatever the bake said, as a page opened or cached between
 * bakes would; the call closes in British Summer Time (26 April 2030, 4pm BST, 3pm UTC).
 */
class CallStatusBrowserIT {
    static final Instant BAKED = Instant.parse("2030-02-03T12:00:00Z");
    static final String CALL = "/calls/lit-lanes-2030.html";
    static final String FORM = "/forms/safer-villages/lit-lanes-2030.html";

    @TempDir
    static Path site;

    @TempDir
    static Path fixture;

    static HttpServer server;
    static WebDriver browser;
    static String scriptId;

    @BeforeAll
    static void bakeAndServe() throws Exception {
        Path source = FixtureSite.source(Path.of("../site"), fixture.resolve("jbake"));
        SiteBaker.bake(new SiteBaker.Options(source, site, "http://localhost", BAKED, false));
        server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        // Under the headers the site gets from CloudFront, as in the local run: the status script runs under its CSP.
        server.createContext("/", new StaticFiles(site)).getFilters()
                .add(new LocalGuard(server.getAddress().getPort(), uk.opcc.funding.function.http.SecurityHeaders.overPlainHttp(), false));
        server.start();
        browser = Browser.open(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.stop(0);
    }

    /** Loads a page with the browser's clock stopped at {@code moment}. */
    static void open(String path, String moment) {
        HasCdp cdp = (HasCdp) browser;
        if (scriptId != null) {
            cdp.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", scriptId));
        }
        long millis = Instant.parse(moment).toEpochMilli();
        scriptId = (String) cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "Date.now = function () { return " + millis + "; };")).get("identifier");
        browser.get("http://localhost:" + server.getAddress().getPort() + path);
    }

    /** The status script and the pages need nothing CloudFront's policy refuses. */
    @org.junit.jupiter.api.AfterEach
    void nothingWasRefusedByTheContentSecurityPolicy() {
        assertThat(Browser.securityPolicyViolations(browser)).isEmpty();
    }

    static String tag() {
        return browser.findElement(By.cssSelector("[data-status-tag]")).getText();
    }

    static boolean applyButtonShown() {
        return browser.findElements(By.cssSelector("a.button")).stream().anyMatch(e -> e.isDisplayed());
    }

    static boolean formShown() {
        return browser.findElement(By.cssSelector("form[data-apply-form]")).isDisplayed();
    }

    static String shownNotice() {
        return browser.findElements(By.cssSelector("[data-call-window] .notice")).stream()
                .filter(e -> e.isDisplayed()).map(e -> e.getText()).findFirst().orElse("");
    }

    @Test
    void callPageSwitchesAtOpeningAndClosing() {
        open(CALL, "2030-02-04T08:59:59Z");
        assertThat(tag()).isEqualTo("Opens soon");
        assertThat(applyButtonShown()).isFalse();
        assertThat(shownNotice()).contains("You cannot apply yet");

        open(CALL, "2030-02-04T09:00:00Z");
        assertThat(tag()).isEqualTo("Open");
        assertThat(applyButtonShown()).isTrue();
        assertThat(shownNotice()).startsWith("Deadline: Friday 26 April 2030 at 4pm").doesNotContain("within a week");

        open(CALL, "2030-04-19T15:00:00Z");
        assertThat(tag()).isEqualTo("Closing soon");
        assertThat(shownNotice()).contains("This call closes within a week.");

        open(CALL, "2030-04-26T14:59:59Z");
        assertThat(applyButtonShown()).isTrue();

        open(CALL, "2030-04-26T15:00:00Z");
        assertThat(tag()).isEqualTo("Closed");
        assertThat(applyButtonShown()).isFalse();
        assertThat(shownNotice()).startsWith("This call closed on Friday 26 April 2030 at 4pm");
        Browser.screenshot(browser, "status-call-closed");
    }

    @Test
    void formPageShowsTheFormOnlyWhileTheCallIsOpen() {
        open(FORM, "2030-02-04T08:59:59Z");
        assertThat(formShown()).isFalse();
        assertThat(shownNotice()).contains("This call opens on Monday 4 February 2030 at 9am");

        open(FORM, "2030-02-04T09:00:00Z");
        assertThat(formShown()).isTrue();
        assertThat(shownNotice()).isEmpty();

        open(FORM, "2030-04-26T15:00:00Z");
        assertThat(formShown()).isFalse();
        assertThat(shownNotice()).contains("This call closed on Friday 26 April 2030 at 4pm");
    }

    @Test
    void callListsOnOtherPagesShowTheStatusOnTheReadersClock() {
        open("/calls/", "2030-04-26T15:00:00Z");
        assertThat(browser.findElements(By.cssSelector("[data-call-window]")).stream()
                .filter(e -> e.getText().contains("Lighting the lanes"))
                .map(e -> e.findElement(By.cssSelector("[data-status-tag]")).getText()).toList()).containsOnly("Closed");
    }
}
