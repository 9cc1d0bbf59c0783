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
import uk.opcc.funding.site.SiteBaker;

/**
 * The site's status script in headless Chromium on a fixed clock: a page baked before the
 * road-safety call opened (2 November 2026, 9am) shows the right status, apply button and form
 * at every boundary, whatever the bake said, as a page opened or cached between bakes would.
 */
class CallStatusBrowserIT {
    static final Instant BAKED = Instant.parse("2026-11-01T12:00:00Z");

    @TempDir
    static Path site;

    static HttpServer server;
    static WebDriver browser;
    static String scriptId;

    @BeforeAll
    static void bakeAndServe() throws Exception {
        SiteBaker.bake(new SiteBaker.Options(Path.of("../site/src/main/jbake"), site, "http://localhost", BAKED, false));
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
        open("/calls/road-safety-2026.html", "2026-11-02T08:59:59Z");
        assertThat(tag()).isEqualTo("Opens soon");
        assertThat(applyButtonShown()).isFalse();
        assertThat(shownNotice()).contains("You cannot apply yet");

        open("/calls/road-safety-2026.html", "2026-11-02T09:00:00Z");
        assertThat(tag()).isEqualTo("Open");
        assertThat(applyButtonShown()).isTrue();
        assertThat(shownNotice()).startsWith("Deadline: Friday 29 January 2027 at 5pm").doesNotContain("within a week");

        open("/calls/road-safety-2026.html", "2027-01-22T17:00:00Z");
        assertThat(tag()).isEqualTo("Closing soon");
        assertThat(shownNotice()).contains("This call closes within a week.");

        open("/calls/road-safety-2026.html", "2027-01-29T16:59:59Z");
        assertThat(applyButtonShown()).isTrue();

        open("/calls/road-safety-2026.html", "2027-01-29T17:00:00Z");
        assertThat(tag()).isEqualTo("Closed");
        assertThat(applyButtonShown()).isFalse();
        assertThat(shownNotice()).startsWith("This call closed on Friday 29 January 2027 at 5pm");
        Browser.screenshot(browser, "status-call-closed");
    }

    @Test
    void formPageShowsTheFormOnlyWhileTheCallIsOpen() {
        open("/forms/property-fund/road-safety-2026.html", "2026-11-02T08:59:59Z");
        assertThat(formShown()).isFalse();
        assertThat(shownNotice()).contains("This call opens on Monday 2 November 2026 at 9am");

        open("/forms/property-fund/road-safety-2026.html", "2026-11-02T09:00:00Z");
        assertThat(formShown()).isTrue();
        assertThat(shownNotice()).isEmpty();

        open("/forms/property-fund/road-safety-2026.html", "2027-01-29T17:00:00Z");
        assertThat(formShown()).isFalse();
        assertThat(shownNotice()).contains("This call closed on Friday 29 January 2027 at 5pm");
    }

    @Test
    void callListsOnOtherPagesShowTheStatusOnTheReadersClock() {
        open("/calls/", "2027-01-29T17:00:00Z");
        assertThat(browser.findElements(By.cssSelector("[data-call-window]")).stream()
                .filter(e -> e.getText().contains("Road safety in our communities"))
                .map(e -> e.findElement(By.cssSelector("[data-status-tag]")).getText()).toList()).containsOnly("Closed");
    }
}
