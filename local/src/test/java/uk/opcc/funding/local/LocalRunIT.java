package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.opcc.funding.function.Fixtures;

/** The local run over real HTTP on loopback: site, API through the real handlers, DynamoDB Local, outbox. */
class LocalRunIT {
    @RegisterExtension
    static final LocalRunFixture local = new LocalRunFixture();

    static LocalRun run;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        run = local.run();
        work = local.work();
        Files.writeString(work.resolve("secret.txt"), "outside the site");
    }

    static HttpResponse<String> get(String path) throws Exception {
        return local.get(path);
    }

    @Test
    void theResendCommandListsAndResendsThroughTheRunningLocalRunsEngine() throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

        ResendFailedEmails.run(Path.of("..", LocalRun.SOURCE), work, true, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        ResendFailedEmails.run(Path.of("..", LocalRun.SOURCE), work, false, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(LocalRun.runningEngine(work)).isEqualTo(run.dynamoDb().endpoint);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("application(s) with an email not sent", "email(s) sent now");
    }

    @Test
    void servesPagesFolderIndexesAndTheSitesNotFoundPage() throws Exception {
        assertThat(get("/").body()).contains("Property Fund");
        assertThat(get("/calls/").body()).contains("Calls for bids");
        assertThat(get("/deadlines.ics").headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        HttpResponse<String> missing = get("/funds/lottery.html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found");
    }


    @Test
    void aLateFormPostGetsAWholePageWithItsAnswersAndTheContactDetails() throws Exception {
        HttpResponse<String> response = local.postForm("/api/forms/property-fund/submissions",
                LocalRunFixture.formEncoded(Fixtures.with(Fixtures.propertyFundAnswers(Instant.now()), "call", "rural-crime-2026")), "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("<header class=\"site-header\">", "/css/site.css", "<footer class=\"site-footer\">",
                "This form is not taking applications", "Your application has not been sent", "Eden Valley Speed Watch",
                "commissioner@cumbria-pcc.gov.uk").doesNotContain("correct");
    }

    @Test
    void theConfirmationKeyIsMadeOnceAndKeptInItsFileNotInTheEnvironment() throws Exception {
        FileSecrets secrets = new FileSecrets(work.resolve("keys"));
        Path file = work.resolve("keys/" + LocalRun.CONFIRMATION_KEY_FILE);
        String first = secrets.read(LocalRun.CONFIRMATION_KEY_FILE);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(secrets.read(LocalRun.CONFIRMATION_KEY_FILE)).isEqualTo(first);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(LocalRun.environment("http://localhost:8000", Fixtures.CATALOGUE)).doesNotContainKey("CONFIRMATION_KEY");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void neverServesFilesOutsideTheSite() throws Exception {
        HttpResponse<String> escape = get("/%2e%2e/secret.txt");
        assertThat(escape.statusCode()).isEqualTo(404);
        assertThat(escape.body()).doesNotContain("outside the site");
        assertThat(get("/_outbox/..%2fsecret.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void aFormPostIsRedirectedToItsReferenceAndAnEmailReachesTheOutbox() throws Exception {
        HttpResponse<String> response = local.postForm("/api/forms/property-fund/submissions",
                LocalRunFixture.formEncoded(Fixtures.propertyFundAnswers(Instant.now())));

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        // the address carries nothing; the signed token travels in the cookie the 303 sets, as API Gateway passes it
        assertThat(location).isEqualTo("/api/forms/property-fund/confirmation");
        assertThat(response.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("__Secure-confirmation=v1.").contains("; Path=/api/forms/property-fund/confirmation;", "HttpOnly", "SameSite=Strict");
        HttpResponse<String> confirmation = local.follow(response);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        String reference = LocalRunFixture.shownReference(confirmation.body());
        assertThat(confirmation.body()).contains("Application sent", "We will tell you the decision by");
        // the same page without the cookie, or with only the reference, is not a confirmation
        for (HttpResponse<String> bare : List.of(get(location), get("/api/forms/property-fund/confirmation?reference=" + reference))) {
            assertThat(bare.statusCode()).isEqualTo(404);
            assertThat(bare.body()).contains("We can’t show this confirmation", "01768 217734").doesNotContain(reference, "Application sent");
        }

        Path email = Outbox.waitForEmail(run.outbox, reference, Outbox.PROPERTY_FUND_STAFF);
        MimeMessage message = Outbox.read(email);
        assertThat(message.getSubject()).isEqualTo("Property Fund · Eden Valley Speed Watch · £1,250.50 · " + reference);
        MimeMessage applicantEmail = Outbox.read(Outbox.waitForEmail(run.outbox, reference, "sam@example.org"));
        assertThat(applicantEmail.getSubject()).isEqualTo("We have your application to the Property Fund: reference " + reference);
        assertThat(applicantEmail.getReplyTo()[0].toString()).isEqualTo(Outbox.PROPERTY_FUND_STAFF);
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("Eden Valley Speed Watch", reference);
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        HttpResponse<String> list = get("/_outbox/");
        assertThat(list.body()).contains("property-fund@staff.localhost", "sam@example.org",
                "Property Fund · Eden Valley Speed Watch · £1,250.50 · " + reference);
        assertThat(list.headers().firstValue("Content-Security-Policy")).hasValue(OutboxPage.POLICY);
        String page = email.getFileName().toString().replace(".eml", ".html");
        HttpResponse<String> emailPage = get("/_outbox/" + page);
        assertThat(emailPage.body()).contains("<dt>To</dt><dd>property-fund@staff.localhost</dd>", "<iframe title=\"The email as sent (HTML part)\" sandbox=\"\" srcdoc=\"&lt;!DOCTYPE html&gt;",
                "<h2 class=\"heading-m\">Plain text</h2><pre", "<p>None.</p>");
        assertThat(emailPage.headers().firstValue("Content-Security-Policy")).hasValue(OutboxPage.POLICY);
        assertThat(get("/_outbox/" + email.getFileName()).headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(get("/_outbox/..%2f" + page).statusCode()).isEqualTo(404);
    }

    static HttpResponse<String> makePack(String fund, String round) throws Exception {
        return local.postForm(PanelPackPage.PATH, "fundId=" + fund + "&roundId=" + round, "Origin", local.origin());
    }

    @Test
    void theOutboxLinksToPanelPacksWhichMakeAnInterimPackBeforeTheDeadlineAndTheRoundsOwnOnceAfter() throws Exception {
        // given an application in the round now taking applications
        Instant now = Instant.now();
        String reference = local.applyToPropertyFund(Fixtures.with(Fixtures.propertyFundAnswers(now), "organisationName", "Pack Test Group"));
        var fund = Fixtures.CATALOGUE.fund("property-fund").orElseThrow();
        String round = fund.nextRound(now).orElseThrow().id();
        String pastRound = fund.panelRounds().stream().filter(r -> !r.takes(now)).reduce((a, b) -> b).orElseThrow().id();

        assertThat(get("/_outbox/").body()).contains("href=\"/_panel-packs/\"");
        assertThat(get(PanelPackPage.PATH).body()).contains("Make an interim pack", "value=\"" + round + "\"", "Make the pack");

        // when
        HttpResponse<String> interim = makePack("property-fund", round);

        // then the pack, with the application in its summary and CSV, is in the outbox
        assertThat(interim.statusCode()).isEqualTo(200);
        assertThat(interim.body()).contains("An interim pack of the applications so far (1) is in the outbox.");
        Path email = Outbox.waitForEmail(run.outbox, "Interim panel pack: Property Fund, round " + round);
        MimeMessage message = Outbox.read(email);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("property-fund@staff.localhost");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).contains(reference + "  Pack Test Group  £1,250.50");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("property-fund-" + round + "-interim.csv");
        assertThat(new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("\"" + reference + "\",");

        assertThat(makePack("property-fund", pastRound).body()).contains("The round&#39;s pack (applications: 0) is in the outbox.");
        assertThat(makePack("property-fund", pastRound).body()).contains("made only once");
        HttpResponse<String> unknown = makePack("property-fund", "unscheduled");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("in no panel pack");
    }
}
