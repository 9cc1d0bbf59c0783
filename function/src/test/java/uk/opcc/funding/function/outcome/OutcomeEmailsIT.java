package uk.opcc.funding.function.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.decision.Decision;
import uk.opcc.funding.catalogue.decision.DecisionJson;
import uk.opcc.funding.catalogue.decision.DecisionReader;
import uk.opcc.funding.catalogue.decision.Decisions;
import uk.opcc.funding.catalogue.decision.Entry;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.OutcomeHandler;
import uk.opcc.funding.function.ResendHandler;
import uk.opcc.funding.function.Wiring;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.mail.EmailFailedException;
import uk.opcc.funding.function.mail.EmailRefusedException;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.panel.PanelPackServiceTest;
import uk.opcc.funding.function.ses.SesMailer;
import uk.opcc.funding.function.ses.SesMailerIT;
import uk.opcc.funding.function.storage.ApplicationTable;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;
import uk.opcc.funding.function.storage.DynamoDbOutcomeRecords;

/**
 * Outcome emails on the real engines: DynamoDB Local for the decision recorded on each
 * application and every claim, the SES v2 emulator for what is sent. The fixture funder's final
 * decision on round NV-2029-R3 (two awards, one decline), read from its file and packaged as the
 * function's build packages it.
 */
class OutcomeEmailsIT {
    static final String ROUND = "NV-2029-R3";
    static final String FIRST_AWARD = "KX7P-M2RD";
    static final String SECOND_AWARD = "HT4W-9CNE";
    static final String DECLINED = "PV3M-7XAY";
    static final List<String> REFERENCES = List.of(FIRST_AWARD, SECOND_AWARD, DECLINED);
    /** The fixture funder's now (12 March 2030): the next deadline a decline names is NV-2030-R1's. */
    static final Clock CLOCK = Fixtures.CLOCK;
    /** Real time for what is stored: DynamoDB Local deletes items whose expiry has passed. */
    static final Instant STORED = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final Supplier<Duration> PLENTY_OF_TIME = () -> OutcomeHandler.TIMEOUT;
    /** As the function reads them: written by the build's DecisionJson from the fixture source, read back from JSON. */
    static final Decisions DECISIONS = DecisionJson.readOutcomes(DecisionJson.forOutcomes(
            DecisionReader.read(Fixtures.FIXTURE_SITE, CatalogueReader.read(Fixtures.FIXTURE_SITE))));

    final DynamoDbLocal engine = DynamoDbLocal.get();
    final String table = engine.newTableWithoutStream(ApplicationTable::create);
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

    OutcomeService service(Decisions decisions, Mailer mailer, Clock clock) {
        return new OutcomeService(Fixtures.CATALOGUE, decisions, Fixtures.PUBLISHER, new DynamoDbOutcomeRecords(client, table), mailer,
                PanelPackServiceTest.CONFIG, clock);
    }

    OutcomeService service() {
        return service(DECISIONS, ses(), CLOCK);
    }

    SesMailer ses() {
        return new SesMailer(SesMailerIT.client(ses.endpoint));
    }

    static String address(String reference) {
        return reference.toLowerCase() + "@applicant.example.org";
    }

    /** An application in the decision's round, from "Group <reference>", at its own address. */
    void store(String reference, String round) {
        Map<String, List<String>> answers = Fixtures.with(Fixtures.with(Fixtures.answers(), "groupName", "Group " + reference),
                "email", address(reference));
        Fixtures.save(store, new Application(reference, Fixtures.FORM, Fixtures.FUND, null, round, STORED, answers,
                STORED.atZone(ZoneOffset.UTC).plusYears(7).toEpochSecond()), new IdempotencyKey("key#" + reference, Duration.ofHours(24)), STORED);
    }

    Map<String, AttributeValue> item(String reference) {
        return client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(ApplicationTable.KEY, AttributeValue.fromS(ApplicationTable.APPLICATION_PREFIX + reference)))).item();
    }

    @SuppressWarnings("unchecked")
    static List<String> to(Map<String, Object> email) {
        return (List<String>) ((Map<String, Object>) email.get("destination")).get("to");
    }

    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> email) {
        return (String) ((Map<String, Object>) email.get("body")).get("text");
    }

    static Map<String, Object> emailTo(List<Map<String, Object>> emails, String address) {
        List<Map<String, Object>> matching = emails.stream().filter(e -> to(e).contains(address)).toList();
        assertThat(matching).as("emails to " + address).hasSize(1);
        return matching.get(0);
    }

    @Test
    void eachApplicantInTheDecisionGetsTheirOutcomeOnceAndStaffOneSummaryHoweverOftenItRuns() {
        REFERENCES.forEach(r -> store(r, ROUND));

        Map<String, Object> first = OutcomeHandler.report(service().sendAll(PLENTY_OF_TIME), "test");
        for (int i = 0; i < 3; i++) {
            assertThat(OutcomeHandler.report(service().sendAll(PLENTY_OF_TIME), "test")).containsEntry("emailsSent", 0L)
                    .containsEntry("complete", true);
        }

        assertThat(first).containsEntry("complete", true).containsEntry("emailsSent", 3L).containsEntry("refused", List.of());
        List<Map<String, Object>> emails = ses.emails();
        assertThat(emails).hasSize(4);
        Map<String, Object> award = emailTo(emails, address(FIRST_AWARD));
        assertThat(award.get("subject")).isEqualTo("Your application to the Safer Villages Grant, reference KX7P-M2RD: a grant of £750");
        assertThat(text(award)).contains("has been awarded a grant of £750.", "The decision was made on 28 January 2030 by the Commissioner,",
                "Signs, leaflets and first-year training for a new watch group", "Spent by 31 December 2030",
                "Half of the grant is paid when the grant agreement is signed", "grants register");
        Map<String, Object> noConditions = emailTo(emails, address(SECOND_AWARD));
        assertThat(text(noConditions)).contains("a grant of £800", "None beyond the grant agreement's terms.");
        Map<String, Object> decline = emailTo(emails, address(DECLINED));
        assertThat(decline.get("subject")).isEqualTo("Your application to the Safer Villages Grant, reference PV3M-7XAY: our decision");
        assertThat(text(decline)).contains("has not been funded", "The panel had more good bids than money",
                "would welcome it again in the next round", "next deadline is 28 March 2030");
        for (Map<String, Object> email : List.of(award, noConditions, decline)) {
            assertThat(email.get("replyTo")).asString().contains("grants@example.gov.uk");
            // Nothing the applicant typed: not the group's name, nor any other answer.
            assertThat(text(email)).doesNotContain("Group ");
        }
        Map<String, Object> summary = emailTo(emails, "grants@example.gov.uk");
        assertThat(summary.get("subject")).isEqualTo("Safer Villages Grant · round NV-2029-R3 · outcome emails: 3 of 3 sent");
        assertThat(text(summary)).contains("KX7P-M2RD (award of £750): outcome email sent", "PV3M-7XAY (decline): outcome email sent")
                .doesNotContain("Group ", "REFUSED");

        Map<String, AttributeValue> awarded = item(FIRST_AWARD);
        assertThat(awarded.get("decision").s()).isEqualTo("award");
        assertThat(awarded.get("amountAwarded").n()).isEqualTo("750");
        assertThat(awarded.get("decidedAt").s()).isEqualTo("2030-01-28");
        assertThat(awarded.get("outcomeEmail").s()).isEqualTo("sent");
        assertThat(awarded.get("outcomeEmailMessageId").s()).isEqualTo(award.get("messageId"));
        assertThat(awarded.get("outcomeEmailAttempts").n()).isEqualTo("1");
        // Retention counts from receipt, as funds.yml and the privacy notice say: the decision leaves the deletion date set on arrival.
        assertThat(awarded.get(ApplicationTable.EXPIRES_AT).n()).isEqualTo(Long.toString(STORED.atZone(ZoneOffset.UTC).plusYears(7).toEpochSecond()));
        Map<String, AttributeValue> declined = item(DECLINED);
        assertThat(declined.get("decision").s()).isEqualTo("decline");
        assertThat(declined).doesNotContainKey("amountAwarded");
        assertThat(declined.get("outcomeEmail").s()).isEqualTo("sent");
    }

    @Test
    void aReferenceTheTableDoesNotHoldOrHoldsForAnotherRoundIsRefusedAndNothingIsWrittenOrSentForIt() {
        store(FIRST_AWARD, ROUND);
        store(SECOND_AWARD, "NV-2030-R1"); // the same fund's next round: not this decision's
        // DECLINED is not in the table at all

        Map<String, Object> report = OutcomeHandler.report(service().sendAll(PLENTY_OF_TIME), "test");

        assertThat(report).containsEntry("emailsSent", 1L).containsEntry("complete", true);
        assertThat((List<String>) report.get("refused")).containsExactlyInAnyOrder(
                "data/decisions/safer-villages-fund-NV-2029-R3.yml: HT4W-9CNE (award of £800): REFUSED: this application is in another fund "
                        + "or round; check the decision file (the table holds it for safer-villages-fund round NV-2030-R1)",
                "data/decisions/safer-villages-fund-NV-2029-R3.yml: PV3M-7XAY (decline): REFUSED: no application has this reference; check the decision file");
        assertThat(item(SECOND_AWARD)).doesNotContainKeys("decision", "amountAwarded", "decidedAt", "outcomeEmail");
        assertThat(item(DECLINED)).isNullOrEmpty();
        List<Map<String, Object>> emails = ses.emails();
        assertThat(emails).extracting(OutcomeEmailsIT::to).containsExactlyInAnyOrder(List.of(address(FIRST_AWARD)), List.of("grants@example.gov.uk"));
        Map<String, Object> summary = emailTo(emails, "grants@example.gov.uk");
        assertThat(summary.get("subject")).asString().endsWith("outcome emails: 1 of 3 sent, 2 refused");
        assertThat(text(summary)).contains("Refused: put the decision file right", "HT4W-9CNE (award of £800): REFUSED", "PV3M-7XAY (decline): REFUSED");
    }

    @Test
    void aCorrectedDecisionSendsOnlyWhatWasNotSentAndANewSummary() {
        REFERENCES.forEach(r -> store(r, ROUND));
        Decision published = DECISIONS.published().get(0);
        // As first deployed, the decline's reference mistyped: refused, the awards sent.
        Decision mistyped = with(published, 2, new Entry.Decline("PV3M-7XAZ", "more-bids-than-money", Optional.empty()));
        service(new Decisions(List.of(mistyped), DECISIONS.declineReasons()), ses(), CLOCK).sendAll(PLENTY_OF_TIME);
        assertThat(ses.emails()).hasSize(3); // two awards, one summary
        ses.clear();

        service().sendAll(PLENTY_OF_TIME); // the file put right and deployed again

        List<Map<String, Object>> emails = ses.emails();
        assertThat(emails).extracting(OutcomeEmailsIT::to).containsExactlyInAnyOrder(List.of(address(DECLINED)), List.of("grants@example.gov.uk"));
        assertThat(text(emailTo(emails, "grants@example.gov.uk"))).contains("KX7P-M2RD (award of £750): outcome email sent before",
                "PV3M-7XAY (decline): outcome email sent\n");
    }

    @Test
    void anEmailThatFailedIsReportedAndSentByTheNextRunAndTheSummaryWaitsForIt() {
        REFERENCES.forEach(r -> store(r, ROUND));
        SesMailer real = ses();
        Mailer downForTheDecline = (email, from) -> {
            if (email.to().equals(address(DECLINED))) {
                throw new EmailFailedException("SES is not answering", null);
            }
            return real.send(email, from);
        };

        // The function's run sends the others, then fails (the invocation is an error, and the alarm fires).
        assertThatThrownBy(() -> new OutcomeHandler(service(DECISIONS, downForTheDecline, CLOCK)).handleRequest(Map.of(), null))
                .isInstanceOf(EmailFailedException.class);
        assertThat(ses.emails()).extracting(OutcomeEmailsIT::to).containsExactlyInAnyOrder(List.of(address(FIRST_AWARD)), List.of(address(SECOND_AWARD)));
        assertThat(item(DECLINED).get("outcomeEmail").s()).isEqualTo("pending");
        assertThat(item(DECLINED).get("outcomeEmailError").s()).isEqualTo("EmailFailedException");

        // The resend a person runs (README "Failed emails") sends it, through the wiring the function uses, and reports it.
        Wiring wiring = Fixtures.wiring(ses.notifierEnvironment(engine.environment(table), ses.endpoint));
        Map<String, Object> resent = new ResendHandler(wiring.failedEmails(), wiring.outcomeService(DECISIONS, ses())).handleRequest(Map.of(), null);

        // (it also sends the three applications' own emails, never sent here: this table has no stream)
        assertThat(resent).containsEntry("found", 3).containsEntry("emailsSent", 6L);
        @SuppressWarnings("unchecked")
        Map<String, Object> outcomes = (Map<String, Object>) resent.get("outcomes");
        assertThat(outcomes).containsEntry("emailsSent", 1L).containsEntry("complete", true).containsEntry("left", List.of());
        assertThat(String.valueOf(outcomes.get("decisions"))).contains("1 sent now, staff summary sent");
        assertThat(outcomeEmails()).extracting(OutcomeEmailsIT::to).containsExactlyInAnyOrder(List.of(address(FIRST_AWARD)),
                List.of(address(SECOND_AWARD)), List.of(address(DECLINED)));
        assertThat(item(DECLINED).get("outcomeEmail").s()).isEqualTo("sent");
        int sent = ses.emails().size();

        // and a later run, by either, sends nothing more
        assertThat(new OutcomeHandler(service()).handleRequest(Map.of(), null)).containsEntry("emailsSent", 0L).containsEntry("complete", true);
        assertThat(new ResendHandler(wiring.failedEmails(), wiring.outcomeService(DECISIONS, ses())).handleRequest(Map.of(), null))
                .containsEntry("found", 0);
        assertThat(ses.emails()).hasSize(sent);
    }

    /** The applicants' outcome emails in the emulator's outbox, not the staff summary or the applications' own emails. */
    List<Map<String, Object>> outcomeEmails() {
        return ses.emails().stream().filter(e -> String.valueOf(e.get("subject")).matches("Your application to the .*, reference .*: (a grant of .*|our decision)"))
                .toList();
    }

    @Test
    void anAddressTheMailServiceRefusesIsNotTriedAgainAndStaffAreToldToReachThemAnotherWay() {
        REFERENCES.forEach(r -> store(r, ROUND));
        SesMailer real = ses();
        Mailer refusing = (email, from) -> {
            if (email.to().equals(address(SECOND_AWARD))) {
                throw new EmailRefusedException("Address is on the suppression list", null);
            }
            return real.send(email, from);
        };

        service(DECISIONS, refusing, CLOCK).sendAll(PLENTY_OF_TIME);
        service(DECISIONS, refusing, CLOCK).sendAll(PLENTY_OF_TIME);

        assertThat(item(SECOND_AWARD).get("outcomeEmail").s()).isEqualTo("refused");
        assertThat(item(SECOND_AWARD).get("outcomeEmailAttempts").n()).isEqualTo("1");
        Map<String, Object> summary = emailTo(ses.emails(), "grants@example.gov.uk");
        assertThat(summary.get("subject")).asString().endsWith("outcome emails: 2 of 3 sent");
        assertThat(text(summary)).contains("Not sent: tell these applicants another way",
                "HT4W-9CNE (award of £800): no email could be sent: tell them another way (the mail service refused the address)");
    }

    @Test
    void runsAtOnceSendEachEmailOnce() throws Exception {
        REFERENCES.forEach(r -> store(r, ROUND));
        OutcomeService service = service();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<List<OutcomeService.DecisionResult>>> runs = new ArrayList<>(Collections.nCopies(4, () -> service.sendAll(PLENTY_OF_TIME)));
        for (var run : pool.invokeAll(runs)) {
            run.get();
        }
        pool.shutdown();
        service.sendAll(PLENTY_OF_TIME); // whatever a run found held, the next one finishes

        List<Map<String, Object>> emails = ses.emails();
        assertThat(emails).extracting(OutcomeEmailsIT::to).containsExactlyInAnyOrder(List.of(address(FIRST_AWARD)),
                List.of(address(SECOND_AWARD)), List.of(address(DECLINED)), List.of("grants@example.gov.uk"));
    }

    @Test
    void aClaimHeldByARunThatDiedLapsesAndTheNextRunSendsTheEmail() {
        REFERENCES.forEach(r -> store(r, ROUND));
        DynamoDbOutcomeRecords records = new DynamoDbOutcomeRecords(client, table);
        Instant died = CLOCK.instant();
        OutcomeRecords.Decided decided = new OutcomeRecords.Decided(Fixtures.FUND, ROUND, "decline", Optional.empty(),
                java.time.LocalDate.parse("2030-01-28"));
        assertThat(records.claim(DECLINED, decided, died, died.plus(OutcomeHandler.TIMEOUT))).isInstanceOf(OutcomeRecords.Claim.Granted.class);

        // Within the dead run's lease: left alone, and nothing is finished, so no summary.
        List<OutcomeService.DecisionResult> during = service(DECISIONS, ses(), Clock.fixed(died.plusSeconds(60), ZoneOffset.UTC)).sendAll(PLENTY_OF_TIME);
        assertThat(during.get(0).entries()).extracting(OutcomeService.EntryResult::result)
                .containsExactly(OutcomeService.Result.SENT, OutcomeService.Result.SENT, OutcomeService.Result.HELD_ELSEWHERE);
        assertThat(during.get(0).summarySent()).isFalse();

        // After it: taken over and sent, once.
        Clock later = Clock.fixed(died.plus(OutcomeHandler.TIMEOUT).plusSeconds(60), ZoneOffset.UTC);
        service(DECISIONS, ses(), later).sendAll(PLENTY_OF_TIME);
        service(DECISIONS, ses(), later).sendAll(PLENTY_OF_TIME);

        assertThat(ses.emails()).extracting(OutcomeEmailsIT::to).containsExactlyInAnyOrder(List.of(address(FIRST_AWARD)),
                List.of(address(SECOND_AWARD)), List.of(address(DECLINED)), List.of("grants@example.gov.uk"));
        assertThat(item(DECLINED).get("outcomeEmailAttempts").n()).isEqualTo("2");
    }

    @Test
    void aRunWithTooLittleTimeLeftLeavesTheRestForTheNext() {
        REFERENCES.forEach(r -> store(r, ROUND));
        Duration[] left = {OutcomeService.EMAIL_BUDGET.plusSeconds(1)};
        Supplier<Duration> shrinking = () -> {
            Duration now = left[0];
            left[0] = left[0].minusSeconds(1);
            return now;
        };

        Map<String, Object> report = OutcomeHandler.report(service().sendAll(shrinking), "test");

        assertThat(report).containsEntry("complete", false);
        assertThat((List<String>) report.get("left")).isNotEmpty().allSatisfy(line -> assertThat(line).contains("left for the next run"));
        OutcomeHandler.report(service().sendAll(PLENTY_OF_TIME), "test");
        assertThat(ses.emails()).hasSize(4);
    }

    static Decision with(Decision decision, int index, Entry entry) {
        List<Entry> entries = new ArrayList<>(decision.entries());
        entries.set(index, entry);
        return new Decision(decision.file(), decision.id(), decision.fundId(), decision.roundId(), decision.decided(), decision.decidedBy(),
                decision.status(), entries, decision.notice());
    }
}
