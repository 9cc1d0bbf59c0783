package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.function.IntakeHandler;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.storage.InMemoryApplicationStore;

/**
 * The intake's error pages in headless Chromium with the site's own styles: a late applicant's
 * 410 reached by really posting the form, and the 500 page as the handler writes it when
 * something breaks. axe-core finds no WCAG 2.2 AA violations on either.
 */
class ErrorPagesBrowserIT {
    @RegisterExtension
    static final LocalRunFixture local = new LocalRunFixture();

    static String url(String path) {
        return local.url(path);
    }

    @Test
    void aLateApplicantSeesTheirAnswersOnAnAccessiblePage() {
        WebDriver browser = Browser.open(true);
        try {
            // given a form filled in for a call that has since closed, posted without our script
            browser.get(url("/forms/" + LocalRunFixture.FORM + "/"));
            browser.findElement(By.id("groupName")).sendKeys(LocalRunFixture.ORGANISATION);
            // on a later section's page, hidden until the applicant gets there: filled as the form carries it
            ((JavascriptExecutor) browser).executeScript("document.getElementById('projectDescription').value = arguments[0];",
                    "Lights on Sheep Lane <twice> over");
            ((JavascriptExecutor) browser).executeScript("""
                    const form = document.querySelector('form[data-apply-form]');
                    const call = document.createElement('input');
                    call.type = 'hidden'; call.name = 'call'; call.value = arguments[0];
                    form.appendChild(call);
                    form.submit();""", LocalRunFixture.CLOSED_CALL);
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("dl.summary-list")).size() > 0);
            Browser.screenshot(browser, "error-410");

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This form is not taking applications");
            assertThat(browser.findElement(By.cssSelector("dl.summary-list")).getText())
                    .contains(LocalRunFixture.ORGANISATION, "Lights on Sheep Lane <twice> over");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains(LocalRunIT.publisher().phone()).doesNotContainIgnoringCase("correct");
            assertThat(BrowserJourneyIT.check(browser, "410 closed call")).isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void theServerErrorPageIsAccessible() {
        // A real 500 needs something to break: here the reference generator does. The page the
        // handler writes is shown on the local run's own origin, so the site's styles apply.
        Catalogue catalogue = local.catalogue();
        Clock clock = Clock.systemUTC();
        IntakeHandler broken = new IntakeHandler(new IntakeService(catalogue, new InMemoryApplicationStore(), clock, () -> {
            throw new IllegalStateException("broken on purpose");
        }), new FormPages(catalogue), new ConfirmationToken("test-only-confirmation-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8), clock));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /api/forms/{formId}/submissions")
                .withPathParameters(Map.of("formId", LocalRunFixture.FORM))
                .withHeaders(Map.of("content-type", "application/x-www-form-urlencoded", "accept", "text/html"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build()).build())
                .withBody(LocalRunFixture.formEncoded(LocalRunFixture.answers()))
                .withIsBase64Encoded(false)
                .build();
        var response = broken.handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(500);

        List<String> violations = new ArrayList<>();
        WebDriver browser = Browser.open(true);
        try {
            browser.get(url("/"));
            ((JavascriptExecutor) browser).executeScript("document.open(); document.write(arguments[0]); document.close();", response.getBody());
            Browser.screenshot(browser, "error-500");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sorry, there is a problem with the service");
            assertThat(browser.findElement(By.cssSelector("dl.summary-list")).getText()).contains(LocalRunFixture.ORGANISATION);
            violations.addAll(BrowserJourneyIT.check(browser, "500 server error"));
        } finally {
            browser.quit();
        }
        assertThat(violations).isEmpty();
    }
}
