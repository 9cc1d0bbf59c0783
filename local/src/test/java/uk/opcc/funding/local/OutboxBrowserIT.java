package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code /_outbox/} in headless Chromium: each email readable, its HTML rendered safely, no axe violations. */
class OutboxBrowserIT {
    @RegisterExtension
    static final LocalRunFixture local = new LocalRunFixture();
    static String reference;

    @BeforeAll
    static void applyOnce() throws Exception {
        LocalRun run = local.run();
        Map<String, List<String>> answers = LocalRunFixture.answers("projectDescription",
                "Fish & chips for \"volunteers\" at Tom's café");
        reference = local.apply(answers);
        Outbox.waitForEmail(run.outbox, reference, LocalRunFixture.STAFF);
        Outbox.waitForEmail(run.outbox, reference, LocalRunFixture.APPLICANT);
    }

    /** The staff email's subject, which names the organisation: its {@code <Watch>} must be shown as text, never as markup. */
    static String staffSubject() {
        return LocalRunFixture.FUND_NAME + " · " + LocalRunFixture.ORGANISATION + " · £1,450 · " + reference;
    }

    static String url(String path) {
        return local.url(path);
    }

    @Test
    void listsEachEmailAndShowsItsHeadersHtmlAndTextWithoutRunningAnythingFromIt() {
        WebDriver browser = Browser.open(true);
        try {
            browser.get(url("/_outbox/"));
            List<String> violations = new ArrayList<>(BrowserJourneyIT.check(browser, "outbox list"));
            List<WebElement> rows = browser.findElements(By.cssSelector("tbody tr"));
            assertThat(rows).extracting(WebElement::getText).anySatisfy(row -> assertThat(row).contains(LocalRunFixture.STAFF, staffSubject()));
            assertThat(rows).extracting(WebElement::getText).anySatisfy(row -> assertThat(row).contains(LocalRunFixture.APPLICANT,
                    "We have your application to the " + LocalRunFixture.FUND_NAME + ": reference " + reference));

            // The staff email: the one that carries the applicant's answers (theirs carries none), so the one to escape.
            browser.findElement(By.linkText(staffSubject())).click();
            Browser.screenshot(browser, "outbox-email");
            violations.addAll(BrowserJourneyIT.check(browser, "outbox email"));
            assertThat(browser.findElement(By.tagName("dl")).getText()).contains("From", "no-reply@funding.localhost", "To",
                    LocalRunFixture.STAFF, "Reply-To", LocalRunFixture.APPLICANT, "Date");
            WebElement frame = browser.findElement(By.tagName("iframe"));
            assertThat(frame.getAttribute("sandbox")).isEmpty(); // present and empty: no scripts, no forms, no same origin
            assertThat(browser.findElement(By.tagName("pre")).getText()).contains(reference, "Fish & chips for \"volunteers\" at Tom's café");

            browser.switchTo().frame(frame);
            assertThat(browser.findElement(By.tagName("body")).getText()).contains(reference,
                    "Fish & chips for \"volunteers\" at Tom's café");
            browser.switchTo().defaultContent();
            assertThat(browser.getTitle()).doesNotContain("pwned");
            assertThat(violations).isEmpty();
        } finally {
            browser.quit();
        }
    }
    /** A real browser's post from the page itself passes the local run's same-origin check. */
    @Test
    void thePanelPackButtonMakesAPackFromTheBrowser() {
        WebDriver browser = Browser.open(true);
        try {
            browser.get(url("/_outbox/"));
            browser.findElement(By.linkText("Make a panel pack")).click();
            List<String> violations = new ArrayList<>(BrowserJourneyIT.check(browser, "panel packs"));
            browser.findElement(By.xpath("//button[starts-with(normalize-space(.), 'Make an interim pack')]")).click();

            // The pack is made while the post is answered: wait for the page that says so, not the one being left.
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[role=status]"), "An interim pack of the applications so far"));
            violations.addAll(BrowserJourneyIT.check(browser, "panel pack made"));
            assertThat(violations).isEmpty();
        } finally {
            browser.quit();
        }
    }
}
