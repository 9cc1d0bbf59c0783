package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.catalogue.Catalogue;

/**
 * An applicant's journey in real headless Chromium against the local run: apply with JavaScript
 * on and off, fix problems from the error summary, do it all by keyboard, and check every page
 * type with axe-core, on the fixture funder's sectioned form. Screenshots of each step are kept
 * in target/screenshots.
 */
class BrowserJourneyIT {
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    @RegisterExtension
    static final LocalRunFixture local = new LocalRunFixture();

    static String url(String path) {
        return local.url(path);
    }

    /** The page of the call the fixture keeps open on the real clock. */
    static String startPage() {
        return "/calls/" + LocalRunFixture.OPEN_CALL + ".html";
    }

    static final String FORM_PAGE = "/forms/" + LocalRunFixture.FORM + "/";

    @Test
    void appliesWithJavaScriptAndSeesTheReference() throws Exception {
        apply(true, "js");
    }

    @Test
    void appliesWithoutJavaScriptAndSeesTheReference() throws Exception {
        apply(false, "no-js");
    }

    /**
     * Every section, the check page, one answer changed from there, send, the reference; the staff
     * email once; Back after sending shows the answers again and posts nothing. With JavaScript on,
     * axe checks each page on the way.
     */
    void apply(boolean javascript, String name) throws Exception {
        WebDriver browser = Browser.open(javascript);
        List<String> violations = new ArrayList<>();
        try {
            browser.get(url(startPage()));
            Browser.screenshot(browser, name + "-1-start");
            browser.findElement(By.cssSelector("a.button")).click();
            assertThat(browser.getCurrentUrl()).contains(FORM_PAGE);
            Map<String, List<String>> answers = LocalRunFixture.answers("projectTitle", "Lane lights (" + name + ")");
            List<String> sections = new ArrayList<>();
            while (!showing(browser).equals("check")) {
                String section = showing(browser);
                sections.add(section);
                fillShowing(browser, answers);
                Browser.screenshot(browser, name + "-2-" + section);
                if (javascript) {
                    violations.addAll(check(browser, "section " + section));
                }
                if (section.equals("contact")) { // Enter in an answer continues, as the Continue button does
                    browser.findElement(By.id("phone")).sendKeys(Keys.ENTER);
                } else {
                    continueButton(browser).click();
                }
                waitForPageAfter(browser, section);
            }
            assertThat(sections).containsExactly("your-group", "contact", "the-project", "money-and-dates");
            Browser.screenshot(browser, name + "-3-check");
            assertThat(answerShown(browser, "Project title")).isEqualTo("Lane lights (" + name + ")");
            assertThat(answerShown(browser, "What kind of group is it?")).isEqualTo("Neighbourhood watch group");
            if (javascript) {
                violations.addAll(check(browser, "check answers"));
                assertFitsAt320(browser);
            }

            browser.findElement(By.cssSelector("#section-check button[formaction$='#projectTitle']")).click();
            waitForPageAfter(browser, "check");
            assertThat(showing(browser)).isEqualTo("the-project");
            WebElement title = browser.findElement(By.id("projectTitle"));
            assertThat(title.getDomProperty("value")).isEqualTo("Lane lights (" + name + ")");
            title.clear();
            title.sendKeys("Lane lights changed (" + name + ")");
            continueButton(browser).click();
            waitForPageAfter(browser, "the-project");
            assertThat(showing(browser)).isEqualTo("check");
            assertThat(answerShown(browser, "Project title")).isEqualTo("Lane lights changed (" + name + ")");

            browser.findElement(By.id("declaration")).click();
            browser.findElement(By.cssSelector("#section-check button[data-prevent-double-click]")).click();
            String reference = reference(browser);
            // the address the browser shows (and keeps in its history) carries nothing: the token came as a cookie
            assertThat(browser.getCurrentUrl()).endsWith("/api/forms/" + LocalRunFixture.FORM + "/confirmation");
            Browser.screenshot(browser, name + "-4-confirmation");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Application sent");
            if (javascript) {
                violations.addAll(check(browser, "confirmation"));
            }
            Map<String, AttributeValue> stored = stored(reference);
            assertThat(stored).containsEntry("fundId", AttributeValue.fromS(LocalRunFixture.FUND));
            assertThat(stored.get("answers").m().get("projectTitle").l().get(0).s()).isEqualTo("Lane lights changed (" + name + ")");
            String staffSubject = Outbox.read(Outbox.waitForEmail(local.run().outbox, reference, LocalRunFixture.STAFF)).getSubject();
            assertThat(staffSubject).startsWith(LocalRunFixture.FUND_NAME + " · ").endsWith(" · " + reference);
            String applicantSubject = "We have your application to the " + LocalRunFixture.FUND_NAME + ": reference " + reference;
            assertThat(Outbox.read(Outbox.waitForEmail(local.run().outbox, reference, LocalRunFixture.APPLICANT)).getSubject()).isEqualTo(applicantSubject);

            browser.navigate().back();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/confirmation"));
            Browser.screenshot(browser, name + "-5-back-after-sending");
            assertThat(showing(browser)).isEqualTo("check");
            assertThat(browser.findElement(By.id("projectTitle")).getDomProperty("value")).isEqualTo("Lane lights changed (" + name + ")");
            WebElement send = browser.findElement(By.cssSelector("#section-check button[data-prevent-double-click]"));
            assertThat(send.isEnabled()).isTrue();
            assertThat(send.getText()).isEqualTo("Send application");
            Thread.sleep(1500); // time for a second application, were one sent, to reach the outbox
            assertThat(applicationsTitled("Lane lights changed (" + name + ")")).isEqualTo(1);
            assertThat(Outbox.withSubject(local.run().outbox, staffSubject)).hasSize(1);
            assertThat(Outbox.withSubject(local.run().outbox, applicantSubject)).hasSize(1);
            violations.addAll(Browser.securityPolicyViolations(browser)); // without JavaScript too, for styles and frames
        } finally {
            browser.quit();
        }
        assertThat(violations).isEmpty();
    }

    /**
     * The journeys above run under the policy CloudFront sends, and would see what it refuses:
     * here a page tries an inline script and an inline style, and Chromium refuses both and says so.
     */
    @Test
    void theSitesPagesRunUnderCloudFrontsContentSecurityPolicy() {
        WebDriver browser = Browser.open(true);
        try {
            browser.get(url(startPage()));
            assertThat(Browser.securityPolicyViolations(browser)).as("the page itself needs nothing the policy refuses").isEmpty();

            Object ran = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;'; document.head.appendChild(s);"
                    + "var d = document.createElement('div'); d.setAttribute('style', 'width: 123px'); d.id = 'styled'; document.body.appendChild(d);"
                    + "return window.inlineRan === true || getComputedStyle(d).width === '123px';");

            assertThat(ran).as("an inline script ran or an inline style applied").isEqualTo(false);
            assertThat(Browser.securityPolicyViolations(browser)).anySatisfy(m -> assertThat(m).contains("inline script"))
                    .anySatisfy(m -> assertThat(m).contains("inline style"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aProblemFoundOnSendingWithJavaScriptShowsTheSectionItIsIn() {
        WebDriver browser = Browser.open(true);
        try {
            browser.get(url(FORM_PAGE));
            answerEverySection(browser, LocalRunFixture.answers());
            // as if the answer had been lost on the way: the check page's hidden copy of it emptied
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('groupName').value = ''");
            browser.findElement(By.id("declaration")).click();
            browser.findElement(By.cssSelector("#section-check button[data-prevent-double-click]")).click();

            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> showing(d).equals("your-group"));
            waitForErrorSummary(browser);
            assertThat(browser.findElements(By.cssSelector(".error-summary__list a"))).extracting(e -> e.getDomAttribute("href"))
                    .containsExactly("#groupName");
            assertThat(browser.findElement(By.id("village")).getDomProperty("value")).isEqualTo("Little Moorside");
            assertThat(applicationsTitled("Lights on Sheep Lane")).isZero();
        } finally {
            browser.quit();
        }
    }

    @Test
    void backFromTheCheckPageKeepsTheAnswersWithAndWithoutJavaScript() {
        for (boolean javascript : List.of(true, false)) {
            WebDriver browser = Browser.open(javascript);
            try {
                browser.get(url(FORM_PAGE));
                answerEverySection(browser, LocalRunFixture.answers());
                browser.navigate().back();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> showing(d).equals("money-and-dates"));
                Browser.screenshot(browser, (javascript ? "js" : "no-js") + "-back-from-check");
                assertThat(browser.findElement(By.id("costs")).getDomProperty("value")).isEqualTo("Six lights £1,200; fitting £250");
                assertThat(browser.findElement(By.id("groupName")).getDomProperty("value")).isEqualTo(LocalRunFixture.ORGANISATION);
                browser.navigate().forward();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> showing(d).equals("check"));
                assertThat(answerShown(browser, "Project title")).isEqualTo("Lights on Sheep Lane");
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * On an old phone's screen (320 × 640), with and without JavaScript: after Continue the new
     * section's heading is on the first screen (and has focus, with JavaScript); after a section
     * with problems the error summary is on the first screen, with focus (JavaScript) or one Tab
     * from its first link (without).
     */
    @Test
    void onASmallScreenEachStepOpensAtItsSectionOrItsProblems() {
        for (boolean javascript : List.of(true, false)) {
            String name = "320x640-" + (javascript ? "js" : "no-js");
            WebDriver browser = Browser.open(javascript);
            try {
                phoneScreen(browser);
                browser.get(url(FORM_PAGE));
                String first = showing(browser);
                fillShowing(browser, LocalRunFixture.answers());
                continueButton(browser).click();
                waitForPageAfter(browser, first);
                String second = showing(browser);

                WebElement heading = browser.findElement(By.cssSelector("#section-" + second + " .form-section__title"));
                Browser.screenshot(browser, name + "-after-continue");
                assertThat(onTheFirstScreen(browser, heading)).as("%s: the heading of %s on the first screen", name, second).isTrue();
                if (javascript) {
                    assertThat(browser.switchTo().activeElement()).as("focus after Continue").isEqualTo(heading);
                }
                // Even from the page's top (a reload, a link without #apply): the introduction is folded above the
                // section, so its way back, "Section 2 of N" and heading are on the first screen all the same.
                for (String part : List.of(".form-section__back", ".caption", ".form-section__title")) {
                    WebElement element = browser.findElement(By.cssSelector("#section-" + second + " " + part));
                    assertThat(onTheFirstScreenFromTheTop(browser, element)).as("%s: %s of %s within 640 px of the page's top", name, part, second)
                            .isTrue();
                }

                continueButton(browser).click(); // leaving the second section unanswered
                WebElement summary = waitForErrorSummary(browser);
                Browser.screenshot(browser, name + "-after-an-error");
                assertThat(onTheFirstScreen(browser, summary)).as("%s: the error summary on the first screen", name).isTrue();
                if (javascript) {
                    assertThat(browser.switchTo().activeElement()).as("%s: focus on the error summary", name).isEqualTo(summary);
                } else {
                    // the page opened at the form, so the next Tab is the first problem's link, not the site's header
                    keys(browser, Keys.TAB);
                    assertThat(browser.switchTo().activeElement()).as("%s: one Tab to the first problem", name)
                            .isEqualTo(summary.findElement(By.tagName("a")));
                }
            } finally {
                browser.quit();
            }
        }
    }

    /** A viewport of 320 × 640 CSS pixels, whatever the window's own bars take. */
    private static void phoneScreen(WebDriver browser) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 640));
        long inner = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.innerHeight;");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 640 + (int) (640 - inner)));
    }

    /** Wholly inside the first screen of the page as it opens at its top, wherever it is scrolled now. */
    private static boolean onTheFirstScreenFromTheTop(WebDriver browser, WebElement element) {
        return (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.height > 0 && r.top + window.scrollY >= 0"
                        + " && r.bottom + window.scrollY <= window.innerHeight;", element);
    }

    /** Wholly inside the viewport as it stands, not scrolled to. */
    private static boolean onTheFirstScreen(WebDriver browser, WebElement element) {
        return (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", element);
    }

    /**
     * Without JavaScript: send without the declaration (a 422 answering the post), tick it, send,
     * then Back. The browser shows the 422 page again from its history, never "Confirm Form
     * Resubmission" (Chromium's ERR_CACHE_MISS page), which it did while that page was no-store.
     */
    @Test
    void backAfterSendingFromAPageWithAProblemNeverAsksToPostAgain() {
        WebDriver browser = Browser.open(false);
        try {
            browser.get(url(FORM_PAGE));
            String title = "Back test " + System.nanoTime();
            answerEverySection(browser, LocalRunFixture.answers("projectTitle", title));
            browser.findElement(By.cssSelector("#section-check button[data-prevent-double-click]")).click(); // without the declaration
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-summary]")));
            browser.findElement(By.id("declaration")).click();
            browser.findElement(By.cssSelector("#section-check button[data-prevent-double-click]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("[data-reference]")).isEmpty());

            browser.navigate().back();

            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getPageSource().contains("ERR_CACHE_MISS") || showing(d).equals("check"));
            Browser.screenshot(browser, "no-js-back-after-send");
            assertThat(browser.getCurrentUrl()).doesNotStartWith("chrome-error:");
            assertThat(browser.getPageSource()).doesNotContain("ERR_CACHE_MISS");
            assertThat(showing(browser)).isEqualTo("check");
            assertThat(applicationsTitled(title)).isEqualTo(1);
        } finally {
            browser.quit();
        }
    }

    @Test
    void errorSummaryLinksMoveFocusToTheirQuestionsWithAndWithoutJavaScript() {
        for (boolean javascript : List.of(true, false)) {
            WebDriver browser = Browser.open(javascript);
            try {
                browser.get(url(FORM_PAGE));
                browser.findElement(By.id("groupName")).sendKeys(LocalRunFixture.ORGANISATION);
                continueButton(browser).click();
                WebElement summary = new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-summary]")));
                Browser.screenshot(browser, (javascript ? "js" : "no-js") + "-errors");
                assertThat(browser.getTitle()).startsWith("Error: ");
                assertThat(browser.findElement(By.id("groupName")).getDomProperty("value")).isEqualTo(LocalRunFixture.ORGANISATION);
                List<WebElement> links = summary.findElements(By.tagName("a"));
                assertThat(links).hasSize(3); // the problems of this section only
                for (String target : List.of("groupType", "postcode")) {
                    summary.findElement(By.cssSelector("a[href='#" + target + "']")).click();
                    assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("focus after the %s link", target).isEqualTo(target);
                }
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void theWholeJourneyWorksByKeyboardAlone() {
        WebDriver browser = Browser.open(true);
        try {
            browser.get(url(startPage()));
            tabUntil(browser, e -> "a".equals(e.getTagName()) && e.getText().startsWith("Apply"), 40).sendKeys(Keys.ENTER);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(FORM_PAGE));
            LocalDate start = LocalDate.now(Catalogue.UK).plusDays(30);
            startSection(browser, "groupName");
            type(browser, "Keyboard Watch");
            keys(browser, Keys.ARROW_DOWN, Keys.TAB); // kind of group: the second choice, village hall
            type(browser, "Little Moorside");
            type(browser, "NM2 7TQ");
            continueByKeyboard(browser, "your-group");
            startSection(browser, "contactName");
            type(browser, "Robin Ashby");
            type(browser, LocalRunFixture.APPLICANT);
            type(browser, "07700 900461");
            continueByKeyboard(browser, "contact");
            startSection(browser, "projectTitle");
            type(browser, "Keyboard journey");
            type(browser, "Two lights at the bus stop.");
            keys(browser, Keys.SPACE); // first place: lanes
            keys(browser, Keys.TAB, Keys.TAB);
            keys(browser, Keys.SPACE, Keys.TAB); // third place: bus stops
            continueByKeyboard(browser, "the-project");
            startSection(browser, "amount");
            type(browser, "900");
            type(browser, "Two lights £900");
            LocalDate end = start.plusDays(120);
            for (LocalDate date : List.of(start, end)) {
                type(browser, String.valueOf(date.getDayOfMonth()));
                type(browser, String.valueOf(date.getMonthValue()));
                type(browser, String.valueOf(date.getYear()));
            }
            continueByKeyboard(browser, "money-and-dates");
            assertThat(showing(browser)).isEqualTo("check");
            tabUntil(browser, e -> "declaration".equals(e.getDomAttribute("id")), 80);
            keys(browser, Keys.SPACE); // declaration
            Browser.screenshot(browser, "keyboard-1-check-answers");
            keys(browser, Keys.TAB);
            assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Send application");
            keys(browser, Keys.ENTER);

            String reference = reference(browser);
            Browser.screenshot(browser, "keyboard-2-confirmation");
            assertThat(stored(reference).get("answers").m().get("groupType").l().get(0).s()).isEqualTo("village-hall");
            assertThat(stored(reference).get("answers").m().get("places").l()).extracting(AttributeValue::s)
                    .containsExactly("lanes", "bus-stops");
        } finally {
            browser.quit();
        }
    }

    @Test
    void axeFindsNoWcag22AaViolationsOnAnyPageType() {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("strategy", "/strategy.html");
        pages.put("fund", "/funds/" + LocalRunFixture.FUND + ".html");
        pages.put("historic fund", "/funds/flood-recovery-fund.html");
        pages.put("calls", "/calls/");
        pages.put("call", startPage());
        pages.put("form", FORM_PAGE);
        pages.put("closed form", "/forms/flood-recovery/");
        pages.put("accessibility", "/accessibility.html");
        pages.put("privacy", "/privacy.html");
        pages.put("decision notice", "/decisions/safer-villages-fund-NV-2029-R3.html");
        pages.put("grants register", "/grants/");
        pages.put("not found", "/no-such-page.html");
        // a link without its signed token: the "We can't show this confirmation" page (the real
        // confirmation page is checked on the way through apply(), as only a real send reaches it)
        pages.put("unshowable confirmation", "/api/forms/" + LocalRunFixture.FORM + "/confirmation?reference=KX7P-M2RD");
        List<String> violations = new ArrayList<>();
        // axe is itself a script, so it runs with JavaScript on; the page the server re-renders for
        // a form posted without JavaScript is reached by form.submit(), which bypasses our script.
        WebDriver browser = Browser.open(true);
        try {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.get(url(page.getValue()));
                if (!page.getKey().equals("not found")) {
                    // axe passes the not-found page too, so a page that is not there must not pass for it
                    assertThat(browser.getTitle()).as(page.getKey()).doesNotStartWith("Page not found");
                }
                violations.addAll(check(browser, page.getKey()));
            }
            browser.get(url(FORM_PAGE));
            answerEverySection(browser, LocalRunFixture.answers());
            browser.findElement(By.cssSelector("#section-check button[data-prevent-double-click]")).click(); // without the declaration
            waitForErrorSummary(browser);
            assertThat(browser.findElements(By.cssSelector(".error-summary__list a"))).extracting(e -> e.getDomAttribute("href"))
                    .containsExactly("#declaration");
            violations.addAll(check(browser, "check page with the declaration's problem shown in place"));
            browser.get(url(FORM_PAGE));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.querySelector('form[data-apply-form]').submit()");
            waitForErrorSummary(browser);
            assertThat(browser.getCurrentUrl()).endsWith("/api/forms/" + LocalRunFixture.FORM + "/submissions");
            violations.addAll(check(browser, "form with errors re-rendered by the server"));
            browser.get(url(FORM_PAGE));
            continueButton(browser).click();
            waitForErrorSummary(browser);
            assertThat(browser.getCurrentUrl()).endsWith("/api/forms/" + LocalRunFixture.FORM + "/sections#apply");
            violations.addAll(check(browser, "a section with problems"));
        } finally {
            browser.quit();
        }
        assertThat(violations).isEmpty();
    }

    static WebElement waitForErrorSummary(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-error-summary]")));
    }

    static List<String> check(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
        System.out.printf("axe: %s: %d rules passed, %d violated%n", page, results.getPasses().size(), results.getViolations().size());
        assertThat(results.getPasses()).as("axe ran on %s", page).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            found.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                    + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
        }
        Browser.securityPolicyViolations(browser).forEach(refused -> found.add(page + ": " + refused));
        return found;
    }

    // ---- steps ---------------------------------------------------------------------------

    /** From the showing section to the check page, answering each section on the way. */
    static void answerEverySection(WebDriver browser, Map<String, List<String>> answers) {
        while (!showing(browser).equals("check")) {
            String section = showing(browser);
            fillShowing(browser, answers);
            continueButton(browser).click();
            waitForPageAfter(browser, section);
        }
    }

    /** The form's page that is showing: a section's id, or "check". */
    static String showing(WebDriver browser) {
        // While a page is replaced, a section found may be gone before it is read: read them again.
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElements(By.cssSelector("form[data-apply-form] [data-section]")).stream().filter(WebElement::isDisplayed)
                        .map(e -> e.getDomAttribute("data-section")).findFirst().orElse("");
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    static WebElement continueButton(WebDriver browser) {
        return browser.findElements(By.cssSelector("[data-section] button.button[name=go]")).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    }

    /** Waits until the page has moved on from {@code section}, whether by a new page or in place. */
    static void waitForPageAfter(WebDriver browser, String section) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            String now = showing(d);
            return !now.isEmpty() && (!now.equals(section) || !d.findElements(By.cssSelector("[data-error-summary]")).isEmpty());
        });
        assertThat(browser.findElements(By.cssSelector("[data-error-summary]"))).as("problems on the way from %s", section).isEmpty();
    }

    /** The check page's answer to a question, as shown. */
    static String answerShown(WebDriver browser, String question) {
        for (WebElement row : browser.findElements(By.cssSelector("#section-check .summary-list__row"))) {
            if (row.findElement(By.tagName("dt")).getText().equals(question)) {
                return row.findElement(By.cssSelector(".summary-list__value")).getText();
            }
        }
        throw new AssertionError("No answer to " + question + " on the check page");
    }

    static void assertFitsAt320(WebDriver browser) {
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 800));
        try {
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            Browser.screenshot(browser, "check-answers-320px");
            assertThat(((Number) overflow).intValue()).as("sideways scrolling at 320px").isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    static long applicationsTitled(String title) {
        try (DynamoDbClient client = local.run().dynamoDb().client()) {
            return client.scanPaginator(b -> b.tableName(LocalRun.TABLE)).items().stream()
                    .filter(item -> item.containsKey("answers") && item.get("answers").m().containsKey("projectTitle")
                            && title.equals(item.get("answers").m().get("projectTitle").l().get(0).s()))
                    .count();
        }
    }

    /** Types the answers to the questions showing, as a person would: dates in three boxes. */
    static void fillShowing(WebDriver browser, Map<String, List<String>> answers) {
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            String name = answer.getKey();
            for (String value : answer.getValue()) {
                if (name.endsWith("Date")) { // GOV.UK date input: day, month and year boxes
                    WebElement day = browser.findElement(By.name(name + "-day"));
                    if (!day.isDisplayed()) {
                        continue;
                    }
                    LocalDate date = LocalDate.parse(value);
                    day.sendKeys(String.valueOf(date.getDayOfMonth()));
                    browser.findElement(By.name(name + "-month")).sendKeys(String.valueOf(date.getMonthValue()));
                    browser.findElement(By.name(name + "-year")).sendKeys(String.valueOf(date.getYear()));
                    continue;
                }
                List<WebElement> named = browser.findElements(By.name(name));
                WebElement field = named.stream().filter(e -> value.equals(e.getDomAttribute("value"))).findFirst().orElse(named.get(0));
                if (!field.isDisplayed()) {
                    continue;
                }
                String type = field.getDomAttribute("type");
                if ("radio".equals(type) || "checkbox".equals(type)) {
                    field.click();
                } else {
                    field.sendKeys(value);
                }
            }
        }
    }

    static String reference(WebDriver browser) {
        WebElement reference = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-reference]")));
        assertThat(reference.getText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        return reference.getText();
    }

    static Map<String, AttributeValue> stored(String reference) {
        try (DynamoDbClient client = local.run().dynamoDb().client()) {
            Map<String, AttributeValue> item = client.getItem(b -> b.tableName(LocalRun.TABLE)
                    .key(Map.of("pk", AttributeValue.fromS("APP#" + reference)))).item();
            assertThat(item).as("application %s in DynamoDB Local", reference).isNotEmpty();
            return item;
        }
    }

    /** Tabs from wherever focus is to the section's first question. */
    static void startSection(WebDriver browser, String firstQuestion) {
        tabUntil(browser, e -> firstQuestion.equals(e.getDomAttribute("id")), 40);
    }

    /** After a section's last answer, Tab reaches its Continue button; Enter presses it. */
    static void continueByKeyboard(WebDriver browser, String section) {
        assertThat(browser.switchTo().activeElement().getText()).as("after the last answer of %s", section).isEqualTo("Continue");
        keys(browser, Keys.ENTER);
        waitForPageAfter(browser, section);
    }

    static WebElement tabUntil(WebDriver browser, java.util.function.Predicate<WebElement> wanted, int most) {
        for (int i = 0; i < most; i++) {
            keys(browser, Keys.TAB);
            WebElement active = browser.switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
        }
        throw new AssertionError("Never reached the element by Tab");
    }

    /** Types into the focused question, then moves on with Tab. */
    static void type(WebDriver browser, String text) {
        WebElement active = browser.switchTo().activeElement();
        if (!text.isEmpty()) {
            active.sendKeys(text);
        }
        active.sendKeys(Keys.TAB);
    }

    /** Each key to whatever has focus at the time, as a person pressing them in turn. */
    static void keys(WebDriver browser, CharSequence... keys) {
        for (CharSequence key : keys) {
            browser.switchTo().activeElement().sendKeys(key);
        }
    }
}
