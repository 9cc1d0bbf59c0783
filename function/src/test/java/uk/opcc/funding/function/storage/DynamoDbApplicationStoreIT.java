package uk.opcc.funding.function.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.storage.ApplicationTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.function.intake.StorageUnavailableException;
import uk.opcc.funding.function.intake.ReferenceTakenException;
import uk.opcc.funding.function.notify.EmailRecords;
import uk.opcc.funding.function.intake.Applications;
import uk.opcc.funding.site.FixtureAnswers;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.intake.SameOrganisation;
import uk.opcc.funding.function.intake.Sha256;
import uk.opcc.funding.function.notify.Recipient;
import uk.opcc.funding.function.notify.EmailRecords.Claim;

/** The DynamoDB adapter against DynamoDB Local. */
class DynamoDbApplicationStoreIT {
    /** The real clock: DynamoDB Local deletes items whose time-to-live has passed. */
    static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    final DynamoDbLocal engine = DynamoDbLocal.get();
    final String table = engine.newTableWithoutStream(ApplicationTable::create); // reads no stream
    final DynamoDbClient client = engine.client();
    final DynamoDbApplicationStore store = new DynamoDbApplicationStore(client, table);

    @AfterEach
    void close() {
        client.close();
    }

    /** Expires in seven years, as a real one would: DynamoDB Local really deletes expired items. */
    static final long EXPIRES_AT = NOW.atZone(java.time.ZoneOffset.UTC).plusYears(7).toEpochSecond();

    /** The round the tests file applications in: not the one {@code NOW} would pick, which the store never works out. */
    static final String ROUND = "NV-2030-R2";
    static final String NEXT_ROUND = "NV-2030-R3";

    static Application application(String reference) {
        return new Application(reference, Fixtures.FORM, Fixtures.FUND, Fixtures.OPEN_CALL, ROUND, NOW,
                Fixtures.with(Fixtures.answers(NOW), "groupName", "Moorside Lanes Watch"), EXPIRES_AT);
    }

    static IdempotencyKey key(String value) {
        return new IdempotencyKey(value, Duration.ofHours(24));
    }

    List<Map<String, AttributeValue>> items() {
        return client.scan(b -> b.tableName(table)).items();
    }

    @Test
    void storesTheApplicationWithEveryAnswerAndItsKey() {
        Applications.Saved saved = Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);

        assertThat(saved).isEqualTo(new Applications.Saved("KX7P-M2RD", NOW, false));
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("APP#KX7P-M2RD")))).item();
        assertThat(item.get("answers").m().get("places").l()).extracting(AttributeValue::s).containsExactly("lanes", "bus-stops");
        assertThat(item.get("staffEmail").s()).isEqualTo("pending");
        assertThat(item.get("panelRound").s()).isEqualTo(ROUND);
        assertThat(item.get("fundRound").s()).isEqualTo(Fixtures.FUND + "#" + ROUND);
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(EXPIRES_AT));
        assertThat(ApplicationItem.from(item)).isEqualTo(application("KX7P-M2RD"));
        assertThat(items()).extracting(i -> i.get("pk").s()).containsExactlyInAnyOrder("APP#KX7P-M2RD", "IDEM#answers#1",
                "DUP#" + Fixtures.FUND + "#" + ROUND + "#name#" + Sha256.hex("moorside lanes watch"),
                "DUP#" + Fixtures.FUND + "#" + ROUND + "#email#" + Sha256.hex("robin@example.org"));
    }

    @Test
    void aReplayReturnsTheFirstReferenceAndStoresNothingMore() {
        Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);

        Applications.Saved replay = Fixtures.save(store, application("PN4W-8HTC"), key("answers#1"), NOW.plusSeconds(60));

        assertThat(replay).isEqualTo(new Applications.Saved("KX7P-M2RD", NOW, true));
        assertThat(items()).hasSize(4);
        assertThat(store.sameOrganisation(Fixtures.FUND, ROUND, Fixtures.sameOrganisationKeys(application("PN4W-8HTC"))))
                .as("a replay is not filed again").allSatisfy(l -> assertThat(l.references()).containsExactly("KX7P-M2RD"));
    }

    @Test
    void anExpiredKeyNoLongerCountsAsAReplay() {
        Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);

        Applications.Saved later = Fixtures.save(store, application("PN4W-8HTC"), key("answers#1"), NOW.plus(Duration.ofHours(25)));

        assertThat(later.replay()).isFalse();
        assertThat(later.reference()).isEqualTo("PN4W-8HTC");
    }

    @Test
    void refusesATakenReferenceWithoutTouchingTheFirstApplication() {
        Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);

        assertThatThrownBy(() -> Fixtures.save(store, application("KX7P-M2RD"), key("answers#2"), NOW)).isInstanceOf(ReferenceTakenException.class);
        assertThat(items()).hasSize(4); // the second key was not written, nor the lists again: one transaction
        assertThat(store.sameOrganisation(Fixtures.FUND, ROUND, Fixtures.sameOrganisationKeys(application("KX7P-M2RD"))))
                .allSatisfy(l -> assertThat(l.references()).containsExactly("KX7P-M2RD"));
    }

    @Test
    void aHundredConcurrentReplaysMakeOneApplication() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Applications.Saved>> replays = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String reference = String.format("R%03d-2222", i).replace('0', 'A').replace('1', 'B');
            replays.add(() -> Fixtures.save(store, application(reference), key("id#safer-villages#same-browser-submission"), NOW));
        }

        Set<String> references = new java.util.HashSet<>();
        for (Future<Applications.Saved> saved : pool.invokeAll(replays)) {
            references.add(saved.get().reference());
        }
        pool.shutdown();

        assertThat(references).hasSize(1);
        assertThat(items().stream().map(i -> i.get("pk").s()).filter(pk -> pk.startsWith("APP#")).collect(Collectors.toList())).hasSize(1);
    }

    static final Instant LEASE = NOW.plusSeconds(35);

    @Test
    void onlyOneClaimOnAnEmailUntilItIsReleased() {
        Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);

        assertThat(store.claimEmail("KX7P-M2RD", Recipient.STAFF, NOW, LEASE)).isEqualTo(new Claim.Granted(application("KX7P-M2RD")));
        assertThat(store.claimEmail("KX7P-M2RD", Recipient.STAFF, NOW, LEASE)).isEqualTo(new Claim.Held(LEASE));

        store.releaseEmail("KX7P-M2RD", Recipient.STAFF, LEASE, "EmailFailedException");
        assertThat(store.claimEmail("KX7P-M2RD", Recipient.STAFF, NOW, LEASE)).isInstanceOf(Claim.Granted.class);

        store.markEmailed("KX7P-M2RD", Recipient.STAFF, "ses-message-1", NOW);
        assertThat(store.claimEmail("KX7P-M2RD", Recipient.STAFF, NOW.plus(Duration.ofDays(1)), LEASE)).isEqualTo(new Claim.Done());
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("APP#KX7P-M2RD")))).item();
        assertThat(item.get("staffEmail").s()).isEqualTo("sent");
        assertThat(item.get("staffEmailMessageId").s()).isEqualTo("ses-message-1");
        assertThat(item.get("staffEmailAttempts").n()).isEqualTo("2");
        assertThat(item.get("staffEmailError").s()).isEqualTo("EmailFailedException");
        assertThat(item).doesNotContainKey("staffEmailLeaseUntil");
    }

    @Test
    void aClaimLapsesAtItsLeaseSoACrashedAttemptIsTakenOver() {
        Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);
        store.claimEmail("KX7P-M2RD", Recipient.STAFF, NOW, LEASE);

        assertThat(store.claimEmail("KX7P-M2RD", Recipient.STAFF, LEASE.minusMillis(1), LEASE.plusSeconds(30))).isEqualTo(new Claim.Held(LEASE));
        assertThat(store.claimEmail("KX7P-M2RD", Recipient.STAFF, LEASE.plusMillis(1), LEASE.plusSeconds(30))).isInstanceOf(Claim.Granted.class);
    }

    @Test
    void aHolderWhoseLeaseLapsedCannotFreeTheClaimThatTookOver() {
        Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);
        store.claimEmail("KX7P-M2RD", Recipient.STAFF, NOW, LEASE);
        Instant takeover = LEASE.plusSeconds(30);
        store.claimEmail("KX7P-M2RD", Recipient.STAFF, LEASE.plusMillis(1), takeover);

        store.releaseEmail("KX7P-M2RD", Recipient.STAFF, LEASE, "late failure of the first attempt");

        assertThat(store.claimEmail("KX7P-M2RD", Recipient.STAFF, LEASE.plusSeconds(2), takeover.plusSeconds(30))).isEqualTo(new Claim.Held(takeover));
    }

    @Test
    void findsAStoredApplicationByItsReferenceForItsConfirmationPage() {
        Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);

        assertThat(store.find("KX7P-M2RD")).contains(application("KX7P-M2RD"));
        assertThat(store.find("PN4W-8HTC")).isEmpty();
        assertThatThrownBy(() -> new DynamoDbApplicationStore(client, "no-such-table").find("KX7P-M2RD"))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void nothingToClaimOnAnApplicationThatIsNotThere() {
        assertThat(store.claimEmail("NONE-XXXX", Recipient.STAFF, NOW, LEASE)).isEqualTo(new Claim.Done());
    }

    @Test
    void aRoundIsGatheredWholeAcrossPagesByQueryWithOnlyItsFundsApplications() {
        // given 30 applications: 17 in the Safer Villages round, 8 in the youth fund's round of
        // the same name, 5 in the Safer Villages next round, stored in no particular order
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String fund = i % 6 == 1 ? Fixtures.SHORT_FUND : Fixtures.FUND;
            String round = i % 6 == 5 ? NEXT_ROUND : ROUND;
            String reference = String.format("R%03d-2222", i).replace('0', 'A').replace('1', 'B');
            Instant received = NOW.minusSeconds((i * 7919L) % 1000).plusMillis(i % 3 == 0 ? 0 : 250);
            Fixtures.save(store, new Application(reference, fund.equals(Fixtures.FUND) ? Fixtures.FORM : Fixtures.SHORT_FORM, fund, null, round, received,
                    fund.equals(Fixtures.FUND) ? Fixtures.answers(NOW) : FixtureAnswers.youthDiversion(), EXPIRES_AT),
                    key("answers#" + i), NOW);
            if (fund.equals(Fixtures.FUND) && round.equals(ROUND)) {
                expected.add(reference);
            }
        }
        DynamoDbApplicationStore smallPages = new DynamoDbApplicationStore(client, table, 4);

        // when
        List<Application> round = smallPages.applicationsInRound(Fixtures.FUND, ROUND);

        // then exactly that fund's round, every answer, earliest first
        assertThat(round).extracting(Application::reference).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(round).extracting(Application::receivedAt).isSorted();
        assertThat(round).allSatisfy(a -> assertThat(a.answers()).isEqualTo(Fixtures.answers(NOW)));
        assertThat(smallPages.applicationsInRound(Fixtures.SHORT_FUND, ROUND)).hasSize(5);
        assertThat(smallPages.applicationsInRound(Fixtures.FUND, NEXT_ROUND)).hasSize(5);
        assertThat(smallPages.applicationsInRound(Fixtures.FUND, Application.UNSCHEDULED)).isEmpty();
    }

    @Test
    void theIndexesAreAddedToATableMadeBeforeThem() {
        // given a table of the old shape, without the index
        String old = "old-" + table;
        client.createTable(b -> b.tableName(old).billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
        client.waiter().waitUntilTableExists(b -> b.tableName(old));

        // when, twice: the second finds it there
        ApplicationTable.addMissingIndexes(client, old);
        ApplicationTable.addMissingIndexes(client, old);

        // then new applications are found by it
        DynamoDbApplicationStore oldStore = new DynamoDbApplicationStore(client, old);
        Fixtures.save(oldStore, application("KX7P-M2RD"), key("answers#1"), NOW);
        assertThat(oldStore.applicationsInRound(Fixtures.FUND, ROUND)).extracting(Application::reference).containsExactly("KX7P-M2RD");
        assertThat(oldStore.unsent()).extracting(EmailRecords.Unsent::reference).containsExactly("KX7P-M2RD");
    }

    @Test
    void anApplicationLeavesTheNeedsEmailIndexOnlyOnceBothItsEmailsAreSent() {
        Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);
        Fixtures.save(store, application("PN4W-8HTC"), key("answers#2"), NOW.plusSeconds(1));
        assertThat(store.unsent()).extracting(EmailRecords.Unsent::reference).containsExactly("KX7P-M2RD", "PN4W-8HTC");
        assertThat(store.unsent().get(0).emails().get(Recipient.STAFF).state()).isEqualTo("pending");

        store.claimEmail("KX7P-M2RD", Recipient.STAFF, NOW, LEASE);
        store.markEmailed("KX7P-M2RD", Recipient.STAFF, "ses-1", NOW);
        assertThat(store.unsent()).extracting(EmailRecords.Unsent::reference).as("its applicant email is still to send")
                .containsExactly("KX7P-M2RD", "PN4W-8HTC");
        store.claimEmail("KX7P-M2RD", Recipient.APPLICANT, NOW, LEASE);
        assertThat(store.unsent().get(0).emails().get(Recipient.APPLICANT)).isEqualTo(new EmailRecords.EmailState("sending", LEASE, 1, null));

        store.markEmailed("KX7P-M2RD", Recipient.APPLICANT, "ses-2", NOW);

        assertThat(store.unsent()).extracting(EmailRecords.Unsent::reference).containsExactly("PN4W-8HTC");
    }

    @Test
    void anUnreachableTableIsReportedAsUnavailable() {
        DynamoDbApplicationStore missing = new DynamoDbApplicationStore(client, "no-such-table");
        assertThatThrownBy(() -> Fixtures.save(missing, application("KX7P-M2RD"), key("answers#1"), NOW)).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> missing.applicationsInRound(Fixtures.FUND, ROUND)).isInstanceOf(StorageUnavailableException.class);
    }

    static Application from(String reference, String organisation, String email, String round) {
        return new Application(reference, Fixtures.FORM, Fixtures.FUND, null, round, NOW,
                Fixtures.with(Fixtures.with(Fixtures.answers(NOW), "groupName", organisation), "email", email), EXPIRES_AT);
    }

    @Test
    void eachApplicationIsFiledUnderItsOrganisationInItsRoundInTheSameTransaction() {
        Fixtures.save(store, from("AAAA-2222", "Moorside Lanes Watch", "robin@example.org", ROUND), key("answers#1"), NOW);
        Fixtures.save(store, from("BBBB-3333", "Fellside Volunteers", "ROBIN@example.org", ROUND), key("answers#2"), NOW);
        Fixtures.save(store, from("CCCC-4444", "The Moorside Lanes-Watch Ltd", "other@example.org", ROUND), key("answers#3"), NOW);
        Fixtures.save(store, from("DDDD-5555", "Moorside Lanes Watch", "robin@example.org", NEXT_ROUND), key("answers#4"), NOW);

        Application later = from("EEEE-6666", "moorside lanes watch", "robin@example.org", ROUND);
        Fixtures.save(store, later, key("answers#5"), NOW);

        assertThat(SameOrganisation.earlier(later.reference(), store.sameOrganisation(Fixtures.FUND, ROUND, Fixtures.sameOrganisationKeys(later))))
                .as("by name or address, this round only, oldest first")
                .isEqualTo(new SameOrganisation.Earlier(List.of("AAAA-2222", "CCCC-4444", "BBBB-3333"), 0));
        assertThat(store.sameOrganisation(Fixtures.FUND, ROUND, List.of("name#" + Sha256.hex("nobody"))))
                .containsExactly(SameOrganisation.Listed.NONE);
    }

    @Test
    void aFullListCountsLaterApplicationsBeyondItAndNeverStopsOneBeingStored() {
        for (int i = 0; i < DuplicateLists.MOST_LISTED + 3; i++) {
            Fixtures.save(store, from(String.format("F%03d-2222", i), "Flood Group", "flood" + i + "@example.org", ROUND), key("answers#" + i), NOW);
        }

        List<SameOrganisation.Listed> lists = store.sameOrganisation(Fixtures.FUND, ROUND,
                Fixtures.sameOrganisationKeys(from("F102-2222", "Flood Group", "flood102@example.org", ROUND)));

        assertThat(lists.get(0).references()).hasSize(DuplicateLists.MOST_LISTED).startsWith("F000-2222");
        assertThat(lists.get(0).beyondTheList()).isEqualTo(3);
        assertThat(lists.get(1).references()).containsExactly("F102-2222");
        assertThat(items().stream().filter(i -> i.get("pk").s().startsWith("APP#"))).hasSize(DuplicateLists.MOST_LISTED + 3);
    }

    @Test
    void theDailyCapLetsExactlyItsNumberThroughUnderConcurrencyAndAnswersTheSameTwice() throws Exception {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String reference = String.format("C%03d-2222", i);
            Fixtures.save(store, from(reference, "Group " + i, "victim@example.org", ROUND), key("answers#" + i), NOW);
            references.add(reference);
        }
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 24);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<EmailRecords.CapDecision>> counts = references.stream()
                .<Callable<EmailRecords.CapDecision>>map(r -> () -> store.countEmailToAddress(r, Recipient.APPLICANT, "digest", day, 3)).toList();

        List<EmailRecords.CapDecision> decisions = new ArrayList<>();
        for (Future<EmailRecords.CapDecision> decision : pool.invokeAll(counts)) {
            decisions.add(decision.get());
        }
        pool.shutdown();

        assertThat(decisions.stream().filter(d -> d == EmailRecords.CapDecision.WITHIN_CAP)).hasSize(3);
        for (int i = 0; i < references.size(); i++) {
            assertThat(store.countEmailToAddress(references.get(i), Recipient.APPLICANT, "digest", day, 3)).as("asked again").isEqualTo(decisions.get(i));
        }
        Map<String, AttributeValue> counter = client.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("MAILCAP#digest#2026-11-24")))).item();
        assertThat(counter.get("emails").n()).isEqualTo("3");
        assertThat(store.countEmailToAddress("C000-2222", Recipient.APPLICANT, "digest", day.plusDays(1), 3))
                .as("decided once per application, whatever the day").isEqualTo(decisions.get(0));
        assertThat(store.countEmailToAddress("NONE-2222", Recipient.APPLICANT, "digest", day.plusDays(1), 3)).isEqualTo(EmailRecords.CapDecision.WITHIN_CAP);
    }

    @Test
    void aHeldBackEmailIsFinalAndTheApplicationLeavesTheNeedsEmailIndex() {
        Fixtures.save(store, application("KX7P-M2RD"), key("answers#1"), NOW);
        assertThat(store.claimEmail("KX7P-M2RD", Recipient.STAFF, NOW, LEASE)).isInstanceOf(Claim.Granted.class);
        store.markEmailed("KX7P-M2RD", Recipient.STAFF, "m-1", NOW);
        assertThat(store.claimEmail("KX7P-M2RD", Recipient.APPLICANT, NOW, LEASE)).isInstanceOf(Claim.Granted.class);

        store.markEmailNotSent("KX7P-M2RD", Recipient.APPLICANT, LEASE, EmailRecords.NotSent.HELD_BACK, "daily cap");

        assertThat(store.claimEmail("KX7P-M2RD", Recipient.APPLICANT, NOW.plusSeconds(3600), NOW.plusSeconds(3700))).isInstanceOf(Claim.Done.class);
        assertThat(store.unsent()).isEmpty();
    }
}
