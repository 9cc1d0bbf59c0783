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
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.text.Html;

/** The local run over real HTTP on loopback, on the fixture funder: site, API through the real handlers, DynamoDB Local, outbox. */
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

    /**
     * Whose contact details the intake's own pages (410, 404, 500) give: the message page of the
     * preview's own bake, so the fixture funder's.
     */
    static Publisher publisher() {
        return Publisher.read(Path.of("../site/src/test/fixture-site"));
    }

    static HttpResponse<String> get(String path) throws Exception {
        return local.get(path);
    }

    @Test
    void theResendCommandListsAndResendsThroughTheRunningLocalRunsEngine() throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

        ResendFailedEmails.run(local.source(), work, true, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        ResendFailedEmails.run(local.source(), work, false, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(LocalRun.runningEngine(work)).isEqualTo(run.dynamoDb().endpoint);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("application(s) with an email not sent", "email(s) sent now");
    }

    @Test
    void servesPagesFolderIndexesAndTheSitesNotFoundPage() throws Exception {
        assertThat(get("/").body()).contains(LocalRunFixture.FUND_NAME);
        assertThat(get("/calls/").body()).contains("Calls for bids");
        assertThat(get("/deadlines.ics").headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        HttpResponse<String> missing = get("/funds/lottery.html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found");
    }


    @Test
    void aLateFormPostGetsAWholePageWithItsAnswersAndTheContactDetails() throws Exception {
        HttpResponse<String> response = local.postForm("/api/forms/" + LocalRunFixture.FORM + "/submissions",
                LocalRunFixture.formEncoded(LocalRunFixture.answers("call", LocalRunFixture.CLOSED_CALL)), "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("<header class=\"site-header\">", "/css/site.css", "<footer class=\"site-footer\">",
                "This form is not taking applications", "Your application has not been sent", Html.escape(LocalRunFixture.ORGANISATION),
                publisher().email()).doesNotContain("correct");
    }

    @Test
    void theConfirmationKeyIsMadeOnceAndKeptInItsFileNotInTheEnvironment() throws Exception {
        FileSecrets secrets = new FileSecrets(work.resolve("keys"));
        Path file = work.resolve("keys/" + LocalRun.CONFIRMATION_KEY_FILE);
        String first = secrets.read(LocalRun.CONFIRMATION_KEY_FILE);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(secrets.read(LocalRun.CONFIRMATION_KEY_FILE)).isEqualTo(first);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(LocalRun.environment("http://localhost:8000", local.catalogue())).doesNotContainKey("CONFIRMATION_KEY");
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
        HttpResponse<String> response = local.postForm("/api/forms/" + LocalRunFixture.FORM + "/submissions",
                LocalRunFixture.formEncoded(LocalRunFixture.answers()));

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        // the address carries nothing; the signed token travels in the cookie the 303 sets, as API Gateway passes it
        assertThat(location).isEqualTo("/api/forms/" + LocalRunFixture.FORM + "/confirmation");
        assertThat(response.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("__Secure-confirmation=v1.").contains("; Path=/api/forms/" + LocalRunFixture.FORM + "/confirmation;", "HttpOnly", "SameSite=Strict");
        HttpResponse<String> confirmation = local.follow(response);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        String reference = LocalRunFixture.shownReference(confirmation.body());
        assertThat(confirmation.body()).contains("Application sent", "We will tell you the decision by");
        // the same page without the cookie, or with only the reference, is not a confirmation
        for (HttpResponse<String> bare : List.of(get(location), get("/api/forms/" + LocalRunFixture.FORM + "/confirmation?reference=" + reference))) {
            assertThat(bare.statusCode()).isEqualTo(404);
            assertThat(bare.body()).contains("We can’t show this confirmation", publisher().phone()).doesNotContain(reference, "Application sent");
        }

        Path email = Outbox.waitForEmail(run.outbox, reference, LocalRunFixture.STAFF);
        MimeMessage message = Outbox.read(email);
        String staffSubject = LocalRunFixture.FUND_NAME + " · " + LocalRunFixture.ORGANISATION + " · £1,450 · " + reference;
        assertThat(message.getSubject()).isEqualTo(staffSubject);
        MimeMessage applicantEmail = Outbox.read(Outbox.waitForEmail(run.outbox, reference, LocalRunFixture.APPLICANT));
        assertThat(applicantEmail.getSubject()).isEqualTo("We have your application to the " + LocalRunFixture.FUND_NAME + ": reference " + reference);
        assertThat(applicantEmail.getReplyTo()[0].toString()).isEqualTo(LocalRunFixture.STAFF);
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).contains(LocalRunFixture.ORGANISATION, reference);
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        HttpResponse<String> list = get("/_outbox/");
        assertThat(list.body()).contains(LocalRunFixture.STAFF, LocalRunFixture.APPLICANT, Html.escape(staffSubject));
        assertThat(list.headers().firstValue("Content-Security-Policy")).hasValue(OutboxPage.POLICY);
        String page = email.getFileName().toString().replace(".eml", ".html");
        HttpResponse<String> emailPage = get("/_outbox/" + page);
        assertThat(emailPage.body()).contains("<dt>To</dt><dd>" + LocalRunFixture.STAFF + "</dd>", "<iframe title=\"The email as sent (HTML part)\" sandbox=\"\" srcdoc=\"&lt;!DOCTYPE html&gt;",
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
        String reference = local.apply(LocalRunFixture.answers("groupName", "Pack Test Group"));
        var fund = local.catalogue().fund(LocalRunFixture.FUND).orElseThrow();
        String round = fund.nextRound(now).orElseThrow().id();
        String pastRound = LocalRunFixture.PAST_ROUND;
        assertThat(fund.round(pastRound).orElseThrow().takes(now)).as("the past round's deadline has passed").isFalse();

        assertThat(get("/_outbox/").body()).contains("href=\"/_panel-packs/\"");
        assertThat(get(PanelPackPage.PATH).body()).contains("Make an interim pack", "value=\"" + round + "\"", "Make the pack");

        // when
        HttpResponse<String> interim = makePack(LocalRunFixture.FUND, round);

        // then the pack, with the application in its summary and CSV, is in the outbox
        assertThat(interim.statusCode()).isEqualTo(200);
        assertThat(interim.body()).contains("An interim pack of the applications so far (1) is in the outbox.");
        Path email = Outbox.waitForEmail(run.outbox, "Interim panel pack: " + LocalRunFixture.FUND_NAME + ", round " + round);
        MimeMessage message = Outbox.read(email);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(LocalRunFixture.STAFF);
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).contains(reference + "  Pack Test Group  £1,450");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo(LocalRunFixture.FUND + "-" + round + "-interim.csv");
        assertThat(new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("\"" + reference + "\",");
        // and the round's draft decision, to fill in, naming no organisation
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(2).getFileName()).isEqualTo(LocalRunFixture.FUND + "-" + round + ".yml");
        assertThat(new String(parts.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("round: " + round + "\n", "status: draft\n", "  - reference: " + reference + "  # asked £1,450\n")
                .doesNotContain("Pack Test Group");
        String packPage = get("/_outbox/" + email.getFileName().toString().replace(".eml", ".html")).body();
        assertThat(packPage).contains(LocalRunFixture.FUND + "-" + round + "-interim.csv", LocalRunFixture.FUND + "-" + round + ".yml",
                email.getFileName() + "/attachments/1");
        assertThat(get("/_outbox/" + email.getFileName() + "/attachments/1").body()).contains("status: draft");

        assertThat(makePack(LocalRunFixture.FUND, pastRound).body()).contains("The round&#39;s pack (applications: 0) is in the outbox.");
        assertThat(makePack(LocalRunFixture.FUND, pastRound).body()).contains("made only once");
        HttpResponse<String> unknown = makePack(LocalRunFixture.FUND, "unscheduled");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("in no panel pack");
    }
}
