package uk.opcc.funding.function.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.storage.ApplicationTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.site.FixtureAnswers;
import uk.opcc.funding.function.PanelPackHandler;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.mail.EmailFailedException;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.ses.SesMailer;
import uk.opcc.funding.function.ses.SesMailerIT;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;
import uk.opcc.funding.function.storage.DynamoDbPanelPackClaims;

/** Panel packs on the real engines: DynamoDB Local for the round index and the pack's claim, the SES v2 emulator for the raw email. */
class PanelPackIT {
    /** The Safer Villages round and the youth fund's round whose packs the tests send. */
    static final String VILLAGES_ROUND = Fixtures.ROUND;
    static final String YOUTH_ROUND = "YD-2030-SPRING";
    /** After both rounds' deadlines (28 March 2030 at 4pm GMT, 30 April 2030 at 12pm BST). */
    static final Instant AFTER_THE_DEADLINES = Instant.parse("2030-04-30T11:05:00Z");
    /** Real time for what is stored: DynamoDB Local deletes items whose expiry has passed. */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    final DynamoDbLocal engine = DynamoDbLocal.get();
    final String table = engine.newTableWithoutStream(ApplicationTable::create); // reads no stream
    final DynamoDbClient client = engine.client();
    final DynamoDbApplicationStore store = new DynamoDbApplicationStore(client, table);
    SesEmulator ses;

    @BeforeEach
    void emptyOutbox() {
        ses = SesEmulator.get();
        ses.clear();
    }

    @AfterEach
    void close() {
        client.close();
    }

    PanelPackService service(Mailer sender) {
        return new PanelPackService(Fixtures.CATALOGUE, store, new DynamoDbPanelPackClaims(client, table), sender,
                PanelPackServiceTest.CONFIG, Clock.fixed(AFTER_THE_DEADLINES, ZoneOffset.UTC),
                PanelPackHandler.TIMEOUT);
    }

    SesMailer ses() {
        return new SesMailer(SesMailerIT.client(ses.endpoint));
    }

    String store(int i, String fund, String round, String amount) {
        String reference = String.format("P%03d-3333", i).replace('0', 'A').replace('1', 'B');
        boolean villages = fund.equals(Fixtures.FUND);
        Map<String, List<String>> answers = Fixtures.with(Fixtures.with(villages ? Fixtures.answers(NOW) : FixtureAnswers.youthDiversion(),
                villages ? "groupName" : "clubName", (i % 5 == 0 ? "=HYPERLINK(\"http://evil\") group " : "Group ") + i), "amount", amount);
        Fixtures.save(store, new Application(reference, villages ? Fixtures.FORM : Fixtures.SHORT_FORM, fund, null, round, NOW.plusMillis(i), answers,
                NOW.atZone(ZoneOffset.UTC).plusYears(7).toEpochSecond()), new IdempotencyKey("key#" + i, Duration.ofHours(24)), NOW);
        return reference;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attachment(Map<String, Object> email) {
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) email.get("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(1).get("filename")).as("the round's draft decision").asString().endsWith(".yml");
        return attachments.get(0);
    }

    static List<List<String>> csv(Map<String, Object> email) throws IOException {
        return PackCsvTest.parse(new String(Base64.getDecoder().decode((String) attachment(email).get("content")), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> emailTo(List<Map<String, Object>> emails, String mailbox) {
        List<Map<String, Object>> to = emails.stream()
                .filter(e -> ((List<String>) ((Map<String, Object>) e.get("destination")).get("to")).contains(mailbox)).toList();
        assertThat(to).as("emails to " + mailbox).hasSize(1);
        return to.get(0);
    }

    @Test
    void aRoundOfThirtyApplicationsAcrossTwoFundsMakesExactlyOnePackPerFundWithExactlyItsApplications() throws Exception {
        // given 30 applications: 18 in the Safer Villages round, 12 in the youth fund's, and others
        // in other rounds (one the other fund's, under the same round id) that no pack of these may list
        List<String> villages = new ArrayList<>();
        List<String> youth = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i % 5 == 1 || i % 5 == 3) {
                youth.add(store(i, Fixtures.SHORT_FUND, YOUTH_ROUND, new BigDecimal("2000").add(new BigDecimal("0.99").multiply(BigDecimal.valueOf(youth.size()))).toPlainString()));
            } else {
                villages.add(store(i, Fixtures.FUND, VILLAGES_ROUND, new BigDecimal("1000").add(new BigDecimal("12.5").multiply(BigDecimal.valueOf(villages.size()))).toPlainString()));
            }
        }
        store(40, Fixtures.FUND, "NV-2030-R2", "5");
        store(41, Fixtures.FUND, Application.UNSCHEDULED, "5");
        store(42, Fixtures.SHORT_FUND, "YD-2030-AUTUMN", "5");
        store(43, Fixtures.SHORT_FUND, VILLAGES_ROUND, "5");

        // when each fund's schedule fires twice at once, and once more later
        PanelPackService service = service(ses());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<PanelPackService.Result>> firings = new ArrayList<>();
        for (String fund : List.of(Fixtures.FUND, Fixtures.SHORT_FUND, Fixtures.FUND, Fixtures.SHORT_FUND)) {
            firings.add(() -> service.send(fund, fund.equals(Fixtures.FUND) ? VILLAGES_ROUND : YOUTH_ROUND));
        }
        List<PanelPackService.Status> statuses = new ArrayList<>();
        for (Future<PanelPackService.Result> result : pool.invokeAll(firings)) {
            statuses.add(result.get().status());
        }
        pool.shutdown();
        statuses.add(service.send(Fixtures.FUND, VILLAGES_ROUND).status());

        // then one pack per fund, with exactly that fund's applications of the round (a firing that
        // met the other still sending reports it in progress, so Lambda would retry it)
        assertThat(statuses).filteredOn(s -> s == PanelPackService.Status.SENT).hasSize(2);
        assertThat(statuses.subList(0, 4)).filteredOn(s -> s != PanelPackService.Status.SENT)
                .allMatch(s -> s == PanelPackService.Status.ALREADY_SENT || s == PanelPackService.Status.IN_PROGRESS);
        assertThat(statuses.get(4)).isEqualTo(PanelPackService.Status.ALREADY_SENT);
        List<Map<String, Object>> emails = ses.emails();
        assertThat(emails).hasSize(2);

        Map<String, Object> villagesPack = emailTo(emails, "grants@example.gov.uk");
        assertThat(villagesPack.get("subject")).isEqualTo("Panel pack: Safer Villages Grant, round NV-2030-R1: 18 applications, £19,912.50 asked");
        assertThat(villagesPack.get("from")).isEqualTo("no-reply@example.gov.uk");
        String text = (String) ((Map<String, Object>) villagesPack.get("body")).get("text");
        assertThat(text).contains("Applications: 18\n", "Total asked: £19,912.50\n", villages.get(1) + "  Group 2  £1,012.50\n",
                villages.get(17) + "  Group 29  £1,212.50\n");
        assertThat(attachment(villagesPack)).containsEntry("filename", "safer-villages-fund-NV-2030-R1.csv").containsEntry("contentType", "text/csv");
        List<List<String>> rows = csv(villagesPack);
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(villages);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(rows.get(0).size()));
        int organisation = rows.get(0).indexOf("Name of your group");
        assertThat(rows.get(1).get(organisation)).isEqualTo("'=HYPERLINK(\"http://evil\") group 0");
        assertThat(rows).allSatisfy(r -> r.forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                .doesNotStartWith("-").doesNotStartWith("@")));

        Map<String, Object> youthPack = emailTo(emails, "youth@example.gov.uk");
        assertThat(youthPack.get("subject")).isEqualTo("Panel pack: Youth Diversion Fund, round YD-2030-SPRING: 12 applications, £24,065.34 asked");
        List<List<String>> youthRows = csv(youthPack);
        assertThat(youthRows.subList(1, youthRows.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(youth);
        assertThat(youthRows.get(0)).as("its own form's questions").contains("How many young people will take part?").doesNotContain("Name of your group");

        Map<String, AttributeValue> record = client.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("PACK#" + Fixtures.FUND + "#" + VILLAGES_ROUND)))).item();
        assertThat(record.get("state").s()).isEqualTo("sent");
        assertThat(record.get("applications").n()).isEqualTo("18");
        assertThat(record.get("emailMessageId").s()).isEqualTo(villagesPack.get("messageId"));
    }

    @Test
    void aPackThatFailedToSendIsSentByTheRetryOnce() {
        store(0, Fixtures.FUND, VILLAGES_ROUND, "100");
        SesMailer unreachable = new SesMailer(SesMailerIT.client("http://127.0.0.1:" + DynamoDbLocal.freePort()));

        assertThatThrownBy(() -> service(unreachable).send(Fixtures.FUND, VILLAGES_ROUND)).isInstanceOf(EmailFailedException.class);
        Map<String, AttributeValue> record = client.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("PACK#" + Fixtures.FUND + "#" + VILLAGES_ROUND)))).item();
        assertThat(record.get("state").s()).isEqualTo("pending");
        assertThat(record.get("lastError").s()).isEqualTo("EmailFailedException");

        assertThat(service(ses()).send(Fixtures.FUND, VILLAGES_ROUND).status()).isEqualTo(PanelPackService.Status.SENT);
        assertThat(service(ses()).send(Fixtures.FUND, VILLAGES_ROUND).status()).isEqualTo(PanelPackService.Status.ALREADY_SENT);
        assertThat(ses.emails()).hasSize(1);
    }

    @Test
    void aClaimHeldByACrashedAttemptLapsesAfterItsLease() {
        DynamoDbPanelPackClaims claims = new DynamoDbPanelPackClaims(client, table);

        assertThat(claims.claim(Fixtures.FUND, VILLAGES_ROUND, NOW, NOW.plus(Duration.ofMinutes(5)))).isEqualTo(PanelPackClaims.Claim.GRANTED);
        assertThat(claims.claim(Fixtures.FUND, VILLAGES_ROUND, NOW.plus(Duration.ofMinutes(4)), NOW.plus(Duration.ofMinutes(4)).plus(Duration.ofMinutes(5)))).isEqualTo(PanelPackClaims.Claim.HELD);
        assertThat(claims.claim(Fixtures.FUND, "NV-2030-R2", NOW, NOW.plus(Duration.ofMinutes(5)))).isEqualTo(PanelPackClaims.Claim.GRANTED);
        assertThat(claims.claim(Fixtures.FUND, VILLAGES_ROUND, NOW.plus(Duration.ofMinutes(6)), NOW.plus(Duration.ofMinutes(6)).plus(Duration.ofMinutes(5)))).isEqualTo(PanelPackClaims.Claim.GRANTED);
        claims.markSent(Fixtures.FUND, VILLAGES_ROUND, "m-1", 0, NOW);
        assertThat(claims.claim(Fixtures.FUND, VILLAGES_ROUND, NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(5)))).isEqualTo(PanelPackClaims.Claim.SENT);
    }

    @Test
    void aHolderWhoseLeaseLapsedCannotGiveBackTheClaimOfTheAttemptThatTookItOver() {
        DynamoDbPanelPackClaims claims = new DynamoDbPanelPackClaims(client, table);
        Instant crashedLease = NOW.plus(Duration.ofMinutes(2));
        Instant takeOverLease = NOW.plus(Duration.ofMinutes(5));

        assertThat(claims.claim(Fixtures.FUND, VILLAGES_ROUND, NOW, crashedLease)).isEqualTo(PanelPackClaims.Claim.GRANTED);
        assertThat(claims.claim(Fixtures.FUND, VILLAGES_ROUND, NOW.plus(Duration.ofMinutes(3)), takeOverLease)).isEqualTo(PanelPackClaims.Claim.GRANTED);

        assertThat(claims.release(Fixtures.FUND, VILLAGES_ROUND, crashedLease, "late failure")).isFalse();
        assertThat(claims.claim(Fixtures.FUND, VILLAGES_ROUND, NOW.plus(Duration.ofMinutes(4)), NOW.plus(Duration.ofMinutes(9))))
                .as("still the take-over's").isEqualTo(PanelPackClaims.Claim.HELD);
        assertThat(claims.release(Fixtures.FUND, VILLAGES_ROUND, takeOverLease, "failed")).isTrue();
        assertThat(claims.claim(Fixtures.FUND, VILLAGES_ROUND, NOW.plus(Duration.ofMinutes(4)), NOW.plus(Duration.ofMinutes(9))))
                .isEqualTo(PanelPackClaims.Claim.GRANTED);
        Map<String, AttributeValue> record = client.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("PACK#" + Fixtures.FUND + "#" + VILLAGES_ROUND)))).item();
        assertThat(record.get("attempts").n()).isEqualTo("3");
        assertThat(record.get("lastError").s()).isEqualTo("failed");
        assertThat(record.get("claimedUntil").n()).as("epoch seconds, as pack items keep them")
                .isEqualTo(Long.toString(NOW.plus(Duration.ofMinutes(9)).getEpochSecond()));
    }

    @Test
    void aPacksClaimOutlastsTheFunctionThatHoldsItAndLapsesBeforeLambdasLastRetry() {
        Duration lease = PanelPackService.claimLease(PanelPackHandler.TIMEOUT);

        assertThat(lease).isGreaterThan(PanelPackHandler.TIMEOUT);
        // Lambda retries a failed asynchronous invocation twice, one and then two minutes after it failed.
        assertThat(lease).isLessThanOrEqualTo(PanelPackHandler.TIMEOUT.plus(Duration.ofMinutes(3)));
    }

    @Test
    void theHandlerWiredFromTheEnvironmentSendsAPastRoundsPackOnceAndRefusesAnUnknownRound() {
        // NV-2029-R3's deadline (13 December 2029) has passed on the fixture's clock the wiring uses
        String reference = store(0, Fixtures.FUND, "NV-2029-R3", "1850");
        Map<String, String> env = new HashMap<>(engine.environment(table));
        env.putAll(ses.environment());
        PanelPackHandler handler = new PanelPackHandler(Fixtures.wiring(env).panelPackService());

        Map<String, Object> first = handler.handleRequest(Map.of("fundId", Fixtures.FUND, "roundId", "NV-2029-R3"), null);
        Map<String, Object> second = handler.handleRequest(Map.of("fundId", Fixtures.FUND, "roundId", "NV-2029-R3"), null);
        Map<String, Object> unknown = handler.handleRequest(Map.of("fundId", Fixtures.FUND, "roundId", "nope"), null);

        assertThat(first).isEqualTo(Map.of("status", "SENT", "applications", 1));
        assertThat(second).isEqualTo(Map.of("status", "ALREADY_SENT", "applications", 0));
        assertThat(unknown).containsEntry("status", "UNKNOWN_ROUND");
        List<Map<String, Object>> emails = ses.emails();
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).get("subject")).isEqualTo("Panel pack: Safer Villages Grant, round NV-2029-R3: 1 application, £1,850 asked");
        assertThat(emails.get(0).toString()).contains(reference);
    }
}
