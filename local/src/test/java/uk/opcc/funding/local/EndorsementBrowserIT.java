package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.opcc.funding.site.FixtureAnswers;
import uk.opcc.funding.site.NuChecker;

/**
 * The officer's support, confirmed by the officer, in real headless Chromium against the local run,
 * with JavaScript on and off: apply to the fixture's Youth Diversion Fund, the officer's email in
 * the outbox, their link opened in another browser profile, support with a statement, the
 * Inspector's email, recommend; the applicant and staff told; the panel pack shows both
 * statements. Every endorsement page is checked with axe-core and the Nu HTML Checker.
 */
class EndorsementBrowserIT {
    static final String FORM = "youth-diversion";
    static final String FUND = "youth-diversion-fund";
    static final String STAFF = FUND + "@staff.localhost";
    static final String OFFICER = "jo.marsh@northmoor.police.example";
    static final String INSPECTOR = "sam.reid@northmoor.police.example";
    static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/api/endorsements\\?link=\\S+)");

    @RegisterExtension
    static final LocalRunFixture local = new LocalRunFixture();

    @Test
    void withJavaScript() throws Exception {
        journey(true, "js");
    }

    @Test
    void withoutJavaScript() throws Exception {
        journey(false, "no-js");
    }

    void journey(boolean javascript, String name) throws Exception {
        List<String> violations = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        String club = "Harriers (" + name + ")";
        String reference;
        WebDriver applicant = Browser.open(javascript);
        try {
            applicant.get(local.url("/forms/" + FORM + "/"));
            Map<String, List<String>> answers = new LinkedHashMap<>(FixtureAnswers.youthDiversion());
            answers.put("clubName", List.of(club));
            BrowserJourneyIT.answerEverySection(applicant, answers);
            applicant.findElement(By.id("declaration")).click();
            applicant.findElement(By.cssSelector("#section-check button[data-prevent-double-click]")).click();
            reference = BrowserJourneyIT.reference(applicant);
        } finally {
            applicant.quit();
        }
        Path outbox = local.run().outbox;
        assertThat(text(Outbox.waitForEmail(outbox, reference, STAFF))).contains("Support requested from PC Jo Marsh (" + OFFICER + ")");
        String officerLink = link(Outbox.waitForEmail(outbox, reference, OFFICER));

        // The officer, in a browser of their own
        String officerStatement = "I run the track sessions with them (" + name + ").";
        answer(javascript, officerLink, officerStatement, name + "-officer", violations, pages);

        String inspectorLink = link(Outbox.waitForEmail(outbox, reference, INSPECTOR));
        String recommendation = "Recommended to the panel (" + name + ").";
        WebDriver inspector = Browser.open(javascript);
        try {
            inspector.get(inspectorLink);
            assertThat(inspector.findElement(By.tagName("main")).getText()).contains(club, "Supporting officer", officerStatement);
        } finally {
            inspector.quit();
        }
        answer(javascript, inspectorLink, recommendation, name + "-inspector", violations, pages);

        assertThat(text(Outbox.waitForEmail(outbox, "Your application has the support it needs: reference " + reference)))
                .contains("Everyone we asked has confirmed their support").doesNotContain(officerStatement);
        assertThat(text(Outbox.waitForEmail(outbox, "Supporting officer supported application " + reference))).contains(officerStatement);
        assertThat(text(Outbox.waitForEmail(outbox, "Inspector supported application " + reference))).contains(recommendation);

        // The panel pack: both statements, in the CSV
        var round = local.catalogue().fund(FUND).orElseThrow().nextRound(java.time.Instant.now()).orElseThrow().id();
        assertThat(local.postForm(PanelPackPage.PATH, "fundId=" + FUND + "&roundId=" + round, "Origin", local.origin()).statusCode()).isEqualTo(200);
        Path pack = newest(Outbox.withSubjectStarting(outbox, "Interim panel pack: Youth Diversion Fund, round " + round));
        String csv = new String(((Multipart) Outbox.read(pack).getContent()).getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains(reference, officerStatement, recommendation);

        // Nu HTML Checker: every endorsement page seen, as served
        Path folder = Files.createDirectories(Path.of("target/endorsement-pages"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            // as served: Chromium's page source is its document, serialised without the doctype the site's layout starts with
            files.add(Files.writeString(folder.resolve(name + "-" + i + ".html"), "<!DOCTYPE html>\n" + pages.get(i)));
        }
        assertThat(pages).hasSize(6);
        assertThat(NuChecker.checkInItsOwnJvm(Path.of("../site"), files)).contains("Nu HTML Checker: 6 files, 0 errors");
        assertThat(violations).isEmpty();
    }

    /** Opens the link, sends it once without a choice (the problems), then supports it with the statement; replays it. */
    private static void answer(boolean javascript, String link, String statement, String name, List<String> violations, List<String> pages) {
        WebDriver browser = Browser.open(javascript);
        try {
            browser.get(link);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Do you support this application?");
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("kit@example.org", "Kit Farrow");
            pages.add(browser.getPageSource());
            Browser.screenshot(browser, "endorse-" + name + "-1-page");
            if (javascript) {
                violations.addAll(BrowserJourneyIT.check(browser, "endorsement page"));
            }
            browser.findElement(By.id("statement")).sendKeys(statement);
            browser.findElement(By.cssSelector("form[action='/api/endorsements'] button")).click();
            BrowserJourneyIT.waitForErrorSummary(browser);
            assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("Select whether you support this application");
            assertThat(browser.findElement(By.id("statement")).getDomProperty("value")).isEqualTo(statement);
            pages.add(browser.getPageSource());
            if (javascript) {
                violations.addAll(BrowserJourneyIT.check(browser, "endorsement page with a problem"));
            }
            browser.findElement(By.id("choice-support")).click();
            browser.findElement(By.cssSelector("form[action='/api/endorsements'] button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you: your answer is recorded"));
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(statement);
            pages.add(browser.getPageSource());
            Browser.screenshot(browser, "endorse-" + name + "-2-recorded");
            if (javascript) {
                violations.addAll(BrowserJourneyIT.check(browser, "endorsement recorded"));
            }
            // Back, and the link again: what was recorded, nothing posted again
            browser.navigate().back();
            browser.get(link);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You have already answered");
            violations.addAll(Browser.securityPolicyViolations(browser));
        } finally {
            browser.quit();
        }
    }

    private static String link(Path email) throws Exception {
        Matcher matcher = LINK.matcher(text(email));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static String text(Path email) throws Exception {
        return text(Outbox.read(email));
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static Path newest(List<Path> emails) throws Exception {
        assertThat(emails).isNotEmpty();
        return emails.get(0); // the outbox lists the newest first
    }
}
