package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.decision.DecisionReader;

/**
 * A round from the first application to the outcome emails, on the local run as a grants officer
 * uses it (README, "Recording a decision"): three applications, the round's pack with its draft
 * decision, the draft filled in (two awards, a decline) and saved into the source as final, then
 * the notice, the grants register and the 360Giving files in the preview and one outcome email
 * per applicant in the outbox, however often the trigger fires after that.
 */
class DecisionJourneyIT {
    @RegisterExtension
    static final LocalRunFixture local = new LocalRunFixture();
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static final String FIRST = "Alder Lanes Watch";
    static final String SECOND = "Birchfield Village Hall";
    /** Declined: its name must reach no file, page or open data. */
    static final String DECLINED = "Cedar Close Residents";

    @Test
    void applyPackDecideAndEachApplicantIsToldOnceWhileTheRegisterShowsTheAwardsOnly() throws Exception {
        // three applications to the round now taking them, each from its own address
        String first = apply(FIRST, "alder@example.org");
        String second = apply(SECOND, "birchfield@example.org");
        String declined = apply(DECLINED, "cedar@example.org");
        var fund = local.catalogue().fund(LocalRunFixture.FUND).orElseThrow();
        String round = fund.nextRound(Instant.now()).orElseThrow().id();

        // the round's pack, with its draft decision attached
        assertThat(local.postForm(PanelPackPage.PATH, "fundId=" + LocalRunFixture.FUND + "&roundId=" + round, "Origin", local.origin())
                .statusCode()).isEqualTo(200);
        Path pack = Outbox.waitForEmail(local.run().outbox, "Interim panel pack: " + LocalRunFixture.FUND_NAME + ", round " + round);
        Multipart parts = (Multipart) Outbox.read(pack).getContent();
        // (as a mail program saves it: a text attachment travels with CRLF line ends)
        String draft = new String(parts.getBodyPart(2).getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        String fileName = parts.getBodyPart(2).getFileName();
        assertThat(draft).contains(first, second, declined).doesNotContain(FIRST, SECOND, DECLINED);

        // filled in as staff do, and saved into the source as the draft says
        String decision = fillIn(draft, first, second, declined);
        Path saved = local.source().resolve("data/decisions").resolve(fileName);
        Files.writeString(saved, decision);

        // the preview publishes the awards: the notice, the register and the open data
        String notice = eventually("/decisions/" + fileName.replace(".yml", ".html"), page -> page.contains(FIRST));
        assertThat(notice).contains(FIRST, SECOND, "£1,450", "The panel funded two of the three bids.");
        String register = eventually("/grants/", page -> page.contains(FIRST));
        assertThat(register).contains(FIRST, SECOND, "Solar lights on the lanes to the school");
        String json = eventually("/grants.json", page -> page.contains(FIRST));
        String csv = eventually("/grants.csv", page -> page.contains(FIRST));
        assertThat(json).contains(FIRST, SECOND, "\"amountAwarded\"");
        assertThat(csv).contains(FIRST, SECOND);
        for (String published : List.of(notice, register, json, csv)) {
            assertThat(published).doesNotContain(DECLINED, "cedar@example.org", "alder@example.org");
        }
        assertThat(decision).doesNotContain(DECLINED);
        try (var baked = Files.walk(local.work().resolve("preview"))) {
            List<Path> files = baked.filter(Files::isRegularFile).toList();
            assertThat(files.stream().filter(f -> contains(f, FIRST))).as("the search reads the baked site").isNotEmpty();
            assertThat(files.stream().filter(f -> contains(f, DECLINED))).as("no baked file names the declined organisation").isEmpty();
        }

        // and every applicant hears, once: two awards and a decline, and staff get one summary
        Path award = Outbox.waitForEmail(local.run().outbox, "reference " + first + ": a grant of £1,450", "alder@example.org");
        Outbox.waitForEmail(local.run().outbox, "reference " + second + ": a grant of £1,200", "birchfield@example.org");
        Path decline = Outbox.waitForEmail(local.run().outbox, "reference " + declined + ": our decision", "cedar@example.org");
        Path summary = Outbox.waitForEmail(local.run().outbox, "round " + round + " · outcome emails: 3 of 3 sent");
        assertThat(Outbox.read(summary).getAllRecipients()[0].toString()).isEqualTo(LocalRunFixture.STAFF);
        assertThat(OutboxEmail.read(award).text()).contains("£1,450", "Spent by the end of the financial year");
        assertThat(OutboxEmail.read(decline).text()).contains("The panel had more good bids than money", "a letter from the parish council");
        assertThat(outcomeEmails(first, second, declined)).hasSize(3);

        // the trigger fires again: the file saved twice more, and the command run once
        for (int i = 0; i < 2; i++) {
            Files.writeString(saved, decision + "# saved again " + i + "\n");
            eventually("/decisions/" + fileName.replace(".yml", ".html"), page -> page.contains(FIRST));
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        OutcomeEmailsCommand.run(local.source(), local.work(), new PrintStream(said, true, StandardCharsets.UTF_8));
        Thread.sleep(2000); // time for a late bake's send, were there one to make

        assertThat(outcomeEmails(first, second, declined)).as("no applicant is told twice").hasSize(3);
        assertThat(Outbox.withSubject(local.run().outbox, Outbox.read(summary).getSubject())).hasSize(1);
        assertThat(said.toString(StandardCharsets.UTF_8)).as("the command finds nothing due").isEmpty();
        assertThat(item(first)).contains("decision=award", "amountAwarded=1450", "outcomeEmail=sent");
        assertThat(item(declined)).contains("decision=decline", "outcomeEmail=sent").doesNotContain("amountAwarded");
    }

    static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String apply(String group, String email) throws Exception {
        Map<String, List<String>> answers = LocalRunFixture.answers("groupName", group);
        answers.put("email", List.of(email));
        return local.apply(answers);
    }

    /** The draft with its blanks filled in: two awards, a decline, the notice, and final. */
    static String fillIn(String draft, String first, String second, String declined) {
        String filled = draft
                .replaceFirst("decided: .*\n", "decided: " + LocalDate.now(Catalogue.UK) + "\n")
                .replaceFirst("decidedBy: .*\n", "decidedBy: The Commissioner, on the advice of the grants panel\n")
                .replace("status: draft\n", "status: final\n")
                .replace(DecisionReader.TO_FILL_IN + ": the decision notice, in plain English: who decided, when the panel met,\n"
                        + "  what it looked for and what it funded. It is published with the awards.\n", "The panel funded two of the three bids.\n");
        filled = after(filled, first, """
                    award:
                      amount: 1450
                      recipient: %s
                      purpose: Solar lights on the lanes to the school
                      conditions: Spent by the end of the financial year
                      reason: Lit lanes are where children walk home safely after dark.
                """.formatted(FIRST));
        filled = after(filled, second, """
                    award:
                      amount: 1200
                      recipient: %s
                      purpose: A lit shelter at the village bus stop
                      reason: A lit stop is where young people wait safely, away from the lanes.
                """.formatted(SECOND));
        return after(filled, declined, """
                    decline:
                      reason: more-bids-than-money
                      feedback: Try again next round with a letter from the parish council.
                """);
    }

    /** Inserts the decision under the entry of this reference (after its call, when it has one). */
    static String after(String draft, String reference, String decision) {
        return draft.replaceFirst("(  - reference: " + reference + ".*\n(    call: .*\n)?)", "$1" + decision.replace("$", "\\$"));
    }

    /** The preview's page once it shows what the test waits for (a bake takes a second or two). */
    static String eventually(String path, Predicate<String> shows) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        HttpResponse<String> page;
        do {
            page = local.get(path);
            if (page.statusCode() == 200 && shows.test(page.body())) {
                return page.body();
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(giveUp));
        throw new AssertionError(path + " never showed what was expected; last answer " + page.statusCode() + ":\n" + page.body());
    }

    /** The outcome emails in the outbox for these references. */
    static List<Path> outcomeEmails(String... references) throws Exception {
        List<Path> found = new ArrayList<>();
        for (Path email : new OutboxPage(local.run().outbox).emails()) {
            String subject = Outbox.read(email).getSubject();
            for (String reference : references) {
                if (subject.contains("reference " + reference + ": a grant of") || subject.contains("reference " + reference + ": our decision")) {
                    found.add(email);
                }
            }
        }
        return found;
    }

    /** The application's item as the local run's table holds it, one "name=value" per attribute. */
    static String item(String reference) {
        try (var client = local.run().dynamoDb().client()) {
            var item = client.getItem(b -> b.tableName(LocalRun.TABLE).consistentRead(true)
                    .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("APP#" + reference)))).item();
            List<String> attributes = new ArrayList<>();
            item.forEach((name, value) -> attributes.add(name + "=" + (value.s() != null ? value.s() : value.n())));
            return String.join("\n", attributes);
        }
    }
}
