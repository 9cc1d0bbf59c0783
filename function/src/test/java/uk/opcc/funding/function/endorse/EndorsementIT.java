package uk.opcc.funding.function.endorse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.NotifierHandler;
import uk.opcc.funding.function.Wiring;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Outcome;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.intake.Submission;
import uk.opcc.funding.function.mail.EmailFailedException;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.notify.NotificationService;
import uk.opcc.funding.function.ses.SesMailer;
import uk.opcc.funding.function.ses.SesMailerIT;
import uk.opcc.funding.function.storage.ApplicationTable;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;
import uk.opcc.funding.function.storage.DynamoDbEndorsementRecords;
import uk.opcc.funding.site.FixtureAnswers;

/**
 * The endorsement on the real engines: DynamoDB Local for every step and claim, the SES v2 emulator
 * for every email. The fixture funder's Youth Diversion Fund asks its supporting officer, then an
 * Inspector; their addresses must be at the fixture's endorser domains.
 */
class EndorsementIT {
    static final Supplier<Duration> PLENTY_OF_TIME = () -> NotifierHandler.TIMEOUT;
    static final String OFFICER = "jo.marsh@northmoor.police.example";
    static final String INSPECTOR = "sam.reid@northmoor.police.example";
    static final String APPLICANT = "kit@example.org";
    static final Pattern LINK = Pattern.compile("https://funding\\.example\\.gov\\.uk/api/endorsements\\?link=(\\S+)");

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

    Wiring wiring(Clock clock) {
        return new Wiring(ses.notifierEnvironment(engine.environment(table), ses.endpoint), Fixtures.CATALOGUE, Fixtures.PUBLISHER, clock,
                Wiring.Clients.AWS);
    }

    EndorsementService service(Clock clock) {
        return wiring(clock).endorsementService(new SesMailer(SesMailerIT.client(ses.endpoint)));
    }

    EndorsementService service() {
        return service(Clock.systemUTC());
    }

    NotificationService notifier() {
        return wiring(Clock.systemUTC()).notificationService(new SesMailer(SesMailerIT.client(ses.endpoint)));
    }

    /** A stored application to the Youth Diversion Fund, as the intake stores it: the notifier has not run yet. */
    String stored() {
        String reference = Reference.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Fixtures.save(store, new Application(reference, Fixtures.SHORT_FORM, Fixtures.SHORT_FUND, null, "YD-2030-SPRING", now,
                FixtureAnswers.youthDiversion(), now.atZone(ZoneOffset.UTC).plusYears(5).toEpochSecond()),
                new IdempotencyKey("key#" + reference, Duration.ofHours(24)), now);
        return reference;
    }

    Map<String, AttributeValue> item(String reference) {
        return client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(ApplicationTable.KEY, AttributeValue.fromS(ApplicationTable.APPLICATION_PREFIX + reference)))).item();
    }

    List<Map<String, Object>> emailsTo(String address) {
        return ses.emails().stream().filter(e -> to(e).contains(address)).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> to(Map<String, Object> email) {
        return (List<String>) ((Map<String, Object>) email.get("destination")).get("to");
    }

    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> email) {
        return (String) ((Map<String, Object>) email.get("body")).get("text");
    }

    static String link(Map<String, Object> email) {
        Matcher matcher = LINK.matcher(text(email));
        assertThat(matcher.find()).as("a link in " + text(email)).isTrue();
        return matcher.group(1);
    }

    @Test
    void theOfficerThenTheInspectorSupportItEachByTheirOwnLinkAndEveryoneIsTold() {
        String reference = stored();

        NotificationService.Outcome notified = notifier().notify(reference, PLENTY_OF_TIME);

        assertThat(notified.settled()).isTrue();
        assertThat(notified.endorsement()).extracting(EndorsementService.Sent::delivery).containsExactly(EndorsementService.Delivery.SENT);
        List<Map<String, Object>> officer = emailsTo(OFFICER);
        assertThat(officer).hasSize(1);
        assertThat(officer.get(0).get("subject")).isEqualTo("Please confirm your support for application " + reference + " to the Youth Diversion Fund");
        // Our words only: not the club's name, nor any answer the applicant typed.
        assertThat(text(officer.get(0))).contains("names you as the police or fire officer supporting the application", "You do not need an account")
                .doesNotContain("Moorbridge Harriers", "Friday-night", "PC Jo Marsh", "Kit Farrow");
        String officerLink = link(officer.get(0));
        assertThat(officerLink).startsWith(reference + ".officer.");
        assertThat(item(reference).get("endorsementOfficerState").s()).isEqualTo("requested");
        Map<String, Object> staffEmail = emailsTo(SesEmulator.STAFF).stream()
                .filter(e -> String.valueOf(e.get("subject")).endsWith(reference)).findFirst().orElseThrow();
        assertThat(text(staffEmail)).contains("Support requested from PC Jo Marsh (" + OFFICER + "), supporting officer, then Inspector Sam Reid ("
                + INSPECTOR + "), inspector, each by an emailed link.");

        EndorsementService.View view = service().open(officerLink);
        assertThat(view).isInstanceOf(EndorsementService.View.Open.class);
        assertThat(((EndorsementService.View.Open) view).step().id()).isEqualTo("officer");

        EndorsementService.Result empty = service().answer(officerLink, "support", "  ", PLENTY_OF_TIME);
        assertThat(empty).isInstanceOf(EndorsementService.Result.Invalid.class);
        assertThat(((EndorsementService.Result.Invalid) empty).problems()).extracting(p -> p.message())
                .containsExactly("Enter your statement of support");
        assertThat(item(reference).get("endorsementOfficerState").s()).isEqualTo("requested");

        EndorsementService.Result supported = service().answer(officerLink, "support", "I coach there on Fridays and will help run it.",
                PLENTY_OF_TIME);

        assertThat(supported).isInstanceOf(EndorsementService.Result.Recorded.class);
        assertThat(((EndorsementService.Result.Recorded) supported).emails()).extracting(EndorsementService.Sent::delivery)
                .containsOnly(EndorsementService.Delivery.SENT).hasSize(2);
        Map<String, AttributeValue> afterOfficer = item(reference);
        assertThat(afterOfficer.get("endorsementOfficerState").s()).isEqualTo("supported");
        assertThat(afterOfficer.get("endorsementOfficerStatement").s()).isEqualTo("I coach there on Fridays and will help run it.");
        assertThat(afterOfficer.get("endorsementInspectorState").s()).isEqualTo("requested");
        List<Map<String, Object>> staffNotes = emailsTo(SesEmulator.STAFF).stream()
                .filter(e -> String.valueOf(e.get("subject")).startsWith("Supporting officer")).toList();
        assertThat(staffNotes).hasSize(1);
        assertThat(staffNotes.get(0).get("subject")).isEqualTo("Supporting officer supported application " + reference);
        assertThat(text(staffNotes.get(0))).contains("PC Jo Marsh", OFFICER, "I coach there on Fridays", "We have now asked the Inspector");
        List<Map<String, Object>> inspector = emailsTo(INSPECTOR);
        assertThat(inspector).hasSize(1);
        String inspectorLink = link(inspector.get(0));

        // The officer's link, used again: what was recorded, nothing changed.
        EndorsementService.Result replayed = service().answer(officerLink, "decline", "Changed my mind", PLENTY_OF_TIME);
        assertThat(replayed).isInstanceOf(EndorsementService.Result.NotRecorded.class);
        assertThat(((EndorsementService.Result.NotRecorded) replayed).view()).isInstanceOf(EndorsementService.View.Answered.class);
        assertThat(item(reference).get("endorsementOfficerStatement").s()).isEqualTo("I coach there on Fridays and will help run it.");

        assertThat(service().answer(inspectorLink, "support", "Recommended: the club has worked with us for years.", PLENTY_OF_TIME))
                .isInstanceOf(EndorsementService.Result.Recorded.class);

        List<Map<String, Object>> applicant = emailsTo(APPLICANT).stream()
                .filter(e -> String.valueOf(e.get("subject")).startsWith("Your application has the support")).toList();
        assertThat(applicant).hasSize(1);
        assertThat(text(applicant.get(0))).contains("Everyone we asked has confirmed their support").doesNotContain("I coach there");
        assertThat(emailsTo(SesEmulator.STAFF).stream().filter(e -> String.valueOf(e.get("subject")).startsWith("Inspector supported"))).hasSize(1);
        int sent = ses.emails().size();
        assertThat(notifier().notify(reference, PLENTY_OF_TIME).settled()).isTrue();
        assertThat(service().sendDue(reference, PLENTY_OF_TIME)).isEmpty();
        assertThat(ses.emails()).hasSize(sent);
        Map<String, AttributeValue> done = item(reference);
        assertThat(done.get("endorsementInspectorState").s()).isEqualTo("supported");
        assertThat(done).doesNotContainKeys(ApplicationTable.NEEDS_EMAIL, "endorsementEmailsDue");

        // The panel pack shows both statements, and flags an application still waiting.
        String waiting = stored();
        notifier().notify(waiting, PLENTY_OF_TIME);
        ses.clear();
        wiring(Clock.systemUTC()).panelPackService(new SesMailer(SesMailerIT.client(ses.endpoint))).send(Fixtures.SHORT_FUND, "YD-2030-SPRING");
        Map<String, Object> pack = ses.emails().get(0);
        assertThat(text(pack)).contains(reference + "  Moorbridge Harriers Youth  £4,200.50  [Supporting officer: supported (",
                "Inspector: supported (", waiting + "  Moorbridge Harriers Youth  £4,200.50  [Supporting officer: waiting (asked ",
                "Inspector: not asked yet]", "Still waiting for support: " + waiting + ".");
        @SuppressWarnings("unchecked")
        String csv = new String(java.util.Base64.getDecoder().decode((String) ((List<Map<String, Object>>) pack.get("attachments")).get(0)
                .get("content")), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("\"Supporting officer\",\"Supporting officer: statement\",\"Inspector\",\"Inspector: statement\"",
                "I coach there on Fridays and will help run it.",
                "Recommended: the club has worked with us for years.");
    }

    @Test
    void aForgedTamperedOtherApplicationsOrNotYetAskedLinkOpensNothingAndChangesNothing() {
        String reference = stored();
        String other = stored();
        notifier().notify(reference, PLENTY_OF_TIME);
        notifier().notify(other, PLENTY_OF_TIME);
        String real = link(emailsTo(OFFICER).get(0));
        String secret = real.substring(real.lastIndexOf('.') + 1);
        String owner = real.substring(0, real.indexOf('.'));
        String otherReference = owner.equals(reference) ? other : reference;
        char last = secret.charAt(secret.length() - 1);
        String tampered = real.substring(0, real.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : List.of(EndorsementLink.issue(owner, "officer").value(), tampered, otherReference + ".officer." + secret,
                owner + ".inspector." + secret, "not-a-link", "", real + "x")) {
            assertThat(service().open(bad)).as(bad).isInstanceOf(EndorsementService.View.NotALink.class);
            EndorsementService.Result result = service().answer(bad, "support", "Yes", PLENTY_OF_TIME);
            assertThat(result).as(bad).isInstanceOf(EndorsementService.Result.NotRecorded.class);
        }
        assertThat(item(reference).get("endorsementOfficerState").s()).isEqualTo("requested");
        assertThat(item(other).get("endorsementOfficerState").s()).isEqualTo("requested");
        assertThat(item(reference)).doesNotContainKey("endorsementInspectorState");
    }

    @Test
    void anExpiredLinkOpensAPageThatSaysSoAndRecordsNothing() {
        String reference = stored();
        notifier().notify(reference, PLENTY_OF_TIME);
        String link = link(emailsTo(OFFICER).get(0));
        Clock fifteenDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(15));

        assertThat(service(fifteenDaysOn).open(link)).isInstanceOf(EndorsementService.View.Expired.class);
        assertThat(service(fifteenDaysOn).answer(link, "support", "Yes", PLENTY_OF_TIME)).isInstanceOf(EndorsementService.Result.NotRecorded.class);
        assertThat(item(reference).get("endorsementOfficerState").s()).isEqualTo("requested");
        assertThat(service(Clock.offset(Clock.systemUTC(), Duration.ofDays(13))).open(link)).isInstanceOf(EndorsementService.View.Open.class);
    }

    @Test
    void aDeclineTellsStaffWithTheReasonAndTheApplicantWithoutItAndAsksNoOneElse() {
        String reference = stored();
        notifier().notify(reference, PLENTY_OF_TIME);
        String link = link(emailsTo(OFFICER).get(0));

        assertThat(service().answer(link, "decline", "I have never heard of this club.", PLENTY_OF_TIME))
                .isInstanceOf(EndorsementService.Result.Recorded.class);

        assertThat(item(reference).get("endorsementOfficerState").s()).isEqualTo("declined");
        assertThat(item(reference)).doesNotContainKey("endorsementInspectorState");
        assertThat(emailsTo(INSPECTOR)).isEmpty();
        Map<String, Object> note = emailsTo(SesEmulator.STAFF).stream()
                .filter(e -> String.valueOf(e.get("subject")).startsWith("Supporting officer did not support")).findFirst().orElseThrow();
        assertThat(text(note)).contains("I have never heard of this club.");
        Map<String, Object> applicant = emailsTo(APPLICANT).stream()
                .filter(e -> String.valueOf(e.get("subject")).startsWith("Your application was not supported")).findFirst().orElseThrow();
        assertThat(text(applicant)).contains("they did not give it").doesNotContain("never heard");
    }

    @Test
    void aRemindedStepGetsOneReminderWhoseLinkWorksAsTheFirstOneStillDoes() {
        String reference = stored();
        notifier().notify(reference, PLENTY_OF_TIME);
        String first = link(emailsTo(OFFICER).get(0));
        DynamoDbEndorsementRecords records = new DynamoDbEndorsementRecords(client, table, Fixtures.CATALOGUE);

        assertThat(records.remind(reference, "officer", Instant.now())).isTrue();
        assertThat(records.remind(reference, "officer", Instant.now())).isFalse();
        service().sendDue(reference, PLENTY_OF_TIME);
        service().sendDue(reference, PLENTY_OF_TIME);

        List<Map<String, Object>> officer = emailsTo(OFFICER);
        assertThat(officer).hasSize(2);
        assertThat(officer.get(1).get("subject")).asString().startsWith("Reminder: Please confirm your support");
        String second = link(officer.get(1));
        assertThat(second).isNotEqualTo(first);
        assertThat(service().open(first)).isInstanceOf(EndorsementService.View.Open.class);
        assertThat(service().open(second)).isInstanceOf(EndorsementService.View.Open.class);
        assertThat(item(reference).get("endorsementOfficerState").s()).isEqualTo("reminded");
    }

    @Test
    void theScheduledSweepRemindsOnceAfterItsDaysAndMarksAStepExpiredTellingStaffAndTheApplicant() {
        String reference = stored();
        notifier().notify(reference, PLENTY_OF_TIME);
        ses.clear();

        assertThat(service(Clock.offset(Clock.systemUTC(), Duration.ofDays(6))).sweep(PLENTY_OF_TIME).reminded()).isZero();
        EndorsementService.Swept eightDays = service(Clock.offset(Clock.systemUTC(), Duration.ofDays(8))).sweep(PLENTY_OF_TIME);
        EndorsementService.Swept nineDays = service(Clock.offset(Clock.systemUTC(), Duration.ofDays(9))).sweep(PLENTY_OF_TIME);

        assertThat(eightDays.reminded()).isEqualTo(1);
        assertThat(eightDays.emails()).extracting(EndorsementService.Sent::delivery).containsExactly(EndorsementService.Delivery.SENT);
        assertThat(nineDays.reminded()).isZero();
        assertThat(emailsTo(OFFICER)).singleElement().extracting(e -> e.get("subject")).asString().startsWith("Reminder: ");
        assertThat(item(reference).get("endorsementOfficerState").s()).isEqualTo("reminded");

        EndorsementService.Swept fifteenDays = service(Clock.offset(Clock.systemUTC(), Duration.ofDays(15))).sweep(PLENTY_OF_TIME);
        assertThat(fifteenDays.expired()).isEqualTo(1);
        assertThat(fifteenDays.settled()).isTrue();
        assertThat(item(reference).get("endorsementOfficerState").s()).isEqualTo("expired");
        assertThat(emailsTo(SesEmulator.STAFF)).singleElement().extracting(e -> e.get("subject")).asString()
                .isEqualTo("Supporting officer did not answer (the link expired) for application " + reference);
        assertThat(emailsTo(APPLICANT)).singleElement().extracting(e -> e.get("subject")).asString()
                .startsWith("Your application was not supported");
        assertThat(service(Clock.offset(Clock.systemUTC(), Duration.ofDays(16))).sweep(PLENTY_OF_TIME).expired()).isZero();
        assertThat(ses.emails()).hasSize(3);
    }

    @Test
    void noReminderGoesAfterTheRoundsDeadline() {
        String reference = stored();
        Instant deadline = Fixtures.CATALOGUE.round(Fixtures.SHORT_FUND, "YD-2030-SPRING").orElseThrow().deadline().toInstant();
        DynamoDbEndorsementRecords records = new DynamoDbEndorsementRecords(client, table, Fixtures.CATALOGUE);
        // asked eight days before the deadline, its link good for six days after it
        records.start(reference, "officer", deadline.minus(Duration.ofDays(8)), deadline.plus(Duration.ofDays(6)));

        EndorsementService.Swept after = service(Clock.fixed(deadline.plus(Duration.ofDays(1)), ZoneOffset.UTC)).sweep(PLENTY_OF_TIME);

        assertThat(after.reminded()).isZero();
        assertThat(item(reference).get("endorsementOfficerState").s()).isEqualTo("requested");
        assertThat(ses.emails()).isEmpty();
        assertThat(service(Clock.fixed(deadline.minus(Duration.ofHours(1)), ZoneOffset.UTC)).sweep(PLENTY_OF_TIME).reminded()).isEqualTo(1);
    }

    @Test
    void anEmailThatFailsLeavesTheAnswerRecordedAndTheApplicationForTheResend() {
        String reference = stored();
        notifier().notify(reference, PLENTY_OF_TIME);
        String link = link(emailsTo(OFFICER).get(0));
        Mailer down = (email, sender) -> {
            throw new EmailFailedException("SES is down", new RuntimeException());
        };

        EndorsementService.Result result = wiring(Clock.systemUTC()).endorsementService(down).answer(link, "support", "Yes, gladly.",
                PLENTY_OF_TIME);

        assertThat(result).isInstanceOf(EndorsementService.Result.Recorded.class);
        assertThat(((EndorsementService.Result.Recorded) result).emails()).extracting(EndorsementService.Sent::delivery)
                .containsOnly(EndorsementService.Delivery.FAILED);
        Map<String, AttributeValue> item = item(reference);
        assertThat(item.get("endorsementOfficerState").s()).isEqualTo("supported");
        assertThat(item.get(ApplicationTable.NEEDS_EMAIL).s()).isEqualTo("yes");
        assertThat(item.get("endorsementEmailsDue").ss()).containsExactlyInAnyOrder("endorsementOfficerStaffEmail", "endorsementInspectorRequestEmail");

        List<uk.opcc.funding.function.notify.FailedEmails.Resent> resent = wiring(Clock.systemUTC())
                .failedEmails(new SesMailer(SesMailerIT.client(ses.endpoint))).resend(PLENTY_OF_TIME);

        assertThat(resent).filteredOn(r -> r.reference().equals(reference)).singleElement()
                .extracting(uk.opcc.funding.function.notify.FailedEmails.Resent::line).asString()
                .contains("officer staff → SENT", "inspector request → SENT");
        assertThat(emailsTo(INSPECTOR)).hasSize(1);
        assertThat(item(reference)).doesNotContainKey("endorsementEmailsDue");
    }

    @Test
    void anEndorserAtAnotherDomainIsRefusedAtTheFormAndNothingIsStoredOrSent() {
        IntakeService intake = new IntakeService(Fixtures.CATALOGUE, store, Fixtures.CLOCK, Reference::next);
        Map<String, List<String>> answers = new LinkedHashMap<>(FixtureAnswers.youthDiversion());
        answers.put("officerEmail", List.of("anyone@gmail.example"));

        Outcome outcome = intake.submit(new Submission(Fixtures.SHORT_FORM, new HashMap<>(answers)));

        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid) outcome).problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("officerEmail:endorserDomain");
        assertThat(client.scan(b -> b.tableName(table)).items()).isEmpty();
        assertThat(ses.emails()).isEmpty();
    }
}
