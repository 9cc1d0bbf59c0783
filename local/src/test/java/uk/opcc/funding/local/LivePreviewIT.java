package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.text.Html;
import uk.opcc.funding.site.CallFile;

/**
 * The local run's live preview on the fixture funder's source, with drafts shown: a saved call
 * appears on the site and the intake takes applications to it, so does a new fund with a form of
 * its own, a broken call file keeps the last good site up and shows its error, and drafts are
 * marked on the calls list.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePreviewIT {
    /** Generous: the machine that runs the tests may be busy. The benchmark measures the real figure. */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path root;

    static LocalRun run;
    static Path source;
    static Path calls;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        source = LocalRunFixture.fixtureSource(root);
        calls = source.resolve("content/calls");
        run = LocalRun.start(new LocalRun.Options(root, root.resolve(".local"), 0, true));
    }

    @AfterAll
    static void stop() {
        run.close();
    }

    @Test
    @Order(1)
    void aSavedCallAppearsOnTheSiteAndTheIntakeTakesApplicationsToIt() throws Exception {
        // given a running preview, when a new open call is saved
        Files.writeString(calls.resolve("night-time-economy.md"), call("Safer nights out", 2000));

        // then its page is served, it is listed, and the intake accepts an application to it
        String page = await("/calls/night-time-economy.html", body -> body.contains("Safer nights out"));
        assertThat(page).contains("Maximum award", "£2,000");
        assertThat(get("/calls/").body()).contains("Safer nights out");
        Map<String, List<String>> answers = LocalRunFixture.answers("call", "night-time-economy");
        answers.put("amount", List.of("1500"));
        HttpResponse<String> posted = post("/api/forms/" + LocalRunFixture.FORM + "/submissions", LocalRunFixture.formEncoded(answers));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);

        // and both emails follow, naming the new call: the notifier reads the catalogue the intake does
        String staff = awaitEmail(LocalRunFixture.STAFF, "Safer nights out");
        assertThat(staff).doesNotContain("None (general application)");
        awaitEmail(answers.get("email").get(0), "Safer nights out");
    }

    /** The text of the first email in the outbox to {@code to} whose text contains {@code text}. */
    static String awaitEmail(String to, String text) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (Path email : new OutboxPage(run.outbox).emails()) {
                jakarta.mail.internet.MimeMessage message = Outbox.read(email);
                String body = textOf(message);
                if (message.getAllRecipients()[0].toString().equals(to) && body.contains(text)) {
                    return body;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email to " + to + " saying " + text + " in " + run.outbox);
    }

    /** An email's text part: the first part of its multipart/alternative. */
    static String textOf(jakarta.mail.internet.MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof jakarta.mail.Multipart parts ? (String) parts.getBodyPart(0).getContent() : (String) content;
    }

    @Test
    @Order(2)
    void aBrokenCallKeepsTheLastGoodSiteAndShowsItsErrorOnEveryPage() throws Exception {
        // when a call asking for more than the fund's cap is saved
        Files.writeString(calls.resolve("too-much.md"), call("Too much", 9000));

        // then every page carries the error, naming the file, and the last good site is still served
        String home = await("/", body -> body.contains("too-much.md"));
        assertThat(home).contains("The preview could not be updated", "maxAward", Html.escape(LocalRunFixture.FUND_NAME));
        assertThat(get("/calls/night-time-economy.html").body()).contains("Safer nights out", "too-much.md");
        assertThat(get("/calls/too-much.html").statusCode()).isEqualTo(404);

        // and when it is put right, the error goes
        Files.writeString(calls.resolve("too-much.md"), call("Not too much", 900));
        String fixed = await("/calls/too-much.html", body -> body.contains("Not too much"));
        assertThat(fixed).doesNotContain("The preview could not be updated");
    }

    @Test
    @Order(3)
    void draftsAreMarkedOnTheCallsList() throws Exception {
        // given the fixture's draft call (harbour-nights-2030), shown because DRAFTS=true
        String list = get("/calls/").body();

        // then the calls list marks it as a draft beside its title
        int draft = list.indexOf("/calls/harbour-nights-2030.html");
        assertThat(draft).isPositive();
        String item = list.substring(draft, list.indexOf("</li>", draft));
        assertThat(item).contains("Draft");
    }

    /** An open call of the fixture's fund, as the comms team saves one: opened yesterday at 9am, closing in 30 days. */
    static String call(String title, int maxAward) {
        return call(title, LocalRunFixture.FUND, maxAward);
    }

    static String call(String title, String fund, int maxAward) {
        LocalDateTime opens = LocalDateTime.now(Catalogue.UK).minusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
        return CallFile.open(title, fund, opens, maxAward).withTheme("Night-time economy")
                .withSummary("A call saved while the preview runs.").text();
    }

    @Test
    @Order(4)
    void aCallFileThatCannotBeReadAsACallShowsItsProblemOnEveryPageNamingTheFile() throws Exception {
        // when a call is saved without its ~~~~~~ line, which once made it vanish without a word
        Files.writeString(calls.resolve("lost-header.md"), call("Lost header", 900).replace("~~~~~~\n", ""));

        // then every page says so, naming the file, and the last good site is still served
        String home = await("/", body -> body.contains("lost-header.md"));
        assertThat(home).contains("The preview could not be updated", "content/calls/lost-header.md: no ~~~~~~ line after the header");
        assertThat(get("/calls/night-time-economy.html").body()).contains("Safer nights out", "lost-header.md");

        // and a call with a mistyped type, the same, until each is put right
        Files.writeString(calls.resolve("lost-header.md"), call("Lost header", 900));
        Files.writeString(calls.resolve("capital-type.md"), call("Capital type", 900).replace("type=call", "type=Call"));
        String typed = await("/", body -> body.contains("capital-type.md"));
        assertThat(typed).contains(Html.escape("content/calls/capital-type.md: type must be 'call', not 'Call'")).doesNotContain("lost-header.md");
        Files.writeString(calls.resolve("capital-type.md"), call("Capital type", 900));
        String fixed = await("/calls/capital-type.html", body -> body.contains("Capital type"));
        assertThat(fixed).doesNotContain("The preview could not be updated");
    }

    @Test
    @Order(5)
    void aNewFundWithANewFormAndACallIsTakenAndBothEmailsNameTheCall() throws Exception {
        // given a running preview, when a new fund, its form and a call for it are saved, in that order
        LocalDate today = LocalDate.now(Catalogue.UK);
        Files.writeString(source.resolve("data/funds.yml"), Files.readString(source.resolve("data/funds.yml")) + """

                  - id: dark-skies-fund
                    name: Dark Skies Fund
                    status: open
                    summary: >-
                      Grants for village groups that keep footpaths lit without lighting up the sky.
                    maxAward: 2500
                    awardText: Up to £2,500 a grant
                    whoCanApply:
                      - Parish councils
                    decisions: A panel meets once a season.
                    panelRounds:
                      - { id: DS-R1, deadline: "%sT16:00", decisionsBy: "%s" }
                    retentionYears: 6
                """.formatted(today.plusDays(60), today.plusDays(100)));
        Files.writeString(source.resolve("data/forms.yml"), Files.readString(source.resolve("data/forms.yml")) + """

                  - id: dark-skies
                    fund: dark-skies-fund
                    title: Apply to the Dark Skies Fund
                    fields:
                      - { name: parish, type: text, role: organisation, label: "Name of your parish", errorName: "the name of your parish", maxLength: 150 }
                      - { name: email, type: email, role: contactEmail, label: "Email address", errorName: "an email address" }
                      - { name: amount, type: money, role: amount, label: "How much are you asking for?", errorName: "the amount you are asking for" }
                      - { name: declaration, type: declaration, label: "I confirm these answers are correct", errorName: "the declaration" }
                """);
        Files.writeString(calls.resolve("footpath-lights.md"), call("Footpath lights", "dark-skies-fund", 2000));

        // then the call's page and its form are served
        await("/calls/footpath-lights.html", body -> body.contains("Footpath lights"));
        await("/forms/dark-skies/", body -> body.contains("Name of your parish"));

        // and when an application to the new form is posted for the call
        Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("parish", List.of("Dark Moor Parish Council"));
        answers.put("email", List.of("clerk@dark-moor.example.org"));
        answers.put("amount", List.of("1800"));
        answers.put("declaration", List.of("yes"));
        answers.put("call", List.of("footpath-lights"));
        HttpResponse<String> posted = post("/api/forms/dark-skies/submissions", LocalRunFixture.formEncoded(answers));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);

        // then the new fund's staff mailbox and the applicant each get an email naming the call
        String staff = awaitEmail("dark-skies-fund@staff.localhost", "Footpath lights");
        assertThat(staff).contains("Dark Moor Parish Council").doesNotContain("None (general application)");
        assertThat(awaitEmail("clerk@dark-moor.example.org", "Footpath lights")).contains("Dark Skies Fund");
    }

    static String await(String path, Predicate<String> ready) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(path);
            body = response.body();
            if (response.statusCode() == 200 && ready.test(body)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not updated within " + PATIENCE + ": " + path + "\n" + body);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + run.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + run.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
