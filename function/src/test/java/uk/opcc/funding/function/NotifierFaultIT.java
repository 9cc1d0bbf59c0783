package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import uk.opcc.funding.function.engines.StackMapping;
import uk.opcc.funding.function.storage.ApplicationTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import uk.opcc.funding.function.config.MailConfig;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.engines.FailedRecordsFolder;
import uk.opcc.funding.engines.LambdaContext;
import uk.opcc.funding.function.engines.SesEmulator;
import uk.opcc.funding.engines.StreamRelay;
import uk.opcc.funding.function.mail.Email;
import uk.opcc.funding.function.notify.Emails;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.notify.NotificationService;
import uk.opcc.funding.function.ses.SesMailer;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;

/**
 * The notifier killed mid-way, then the stream replayed as Lambda replays it, on DynamoDB Local
 * and the SES v2 emulator with the real clients, timeouts and email budget. The clock is the
 * test's, so a lease can be seen to lapse without waiting for it.
 */
class NotifierFaultIT {
    /** The process dying: nothing after it runs, not even the release of the claim. */
    static final class Crash extends Error {
    }

    /** A clock the test moves, from the fixture's moment (the intake's); DynamoDB Local keeps its own for time-to-live, which is years away. */
    static final class TestClock extends Clock {
        Instant now = Fixtures.NOW;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    enum Fault { NONE, CRASH_BEFORE_SES, CRASH_AFTER_SES, KILLED_AT_TIMEOUT }

    final DynamoDbLocal dynamoDb = DynamoDbLocal.get();
    final SesEmulator ses = SesEmulator.get();
    final String table = dynamoDb.newTable(ApplicationTable::create);
    final StreamRelay stream = new StreamRelay(dynamoDb, table, StackMapping.NOTIFIER);
    final IntakeHandler intake = new IntakeHandler(Fixtures.intake(Fixtures.withConfirmationKey(dynamoDb.environment(table))));
    final TestClock clock = new TestClock();
    final Set<String> doomed = ConcurrentHashMap.newKeySet();
    Fault fault = Fault.NONE;
    LambdaContext invocation;

    NotifierHandler notifier(String sesEndpoint) {
        MailConfig config = MailConfig.from(ses.notifierEnvironment(dynamoDb.environment(table), sesEndpoint), Fixtures.CATALOGUE);
        Mailer ses = new SesMailer(Wiring.ses(config.region(), config.sesEndpoint()));
        Mailer faulty = (email, from) -> send(ses, email, from);
        DynamoDbApplicationStore store = new DynamoDbApplicationStore(Wiring.dynamoDb(config.region(), config.dynamoDbEndpoint()), config.tableName());
        return new NotifierHandler(new NotificationService(store, new Emails(Fixtures.CATALOGUE, Fixtures.PUBLISHER, config, store, clock),
                faulty, config.senderAddress(), clock, Wiring.EMAIL_BUDGET));
    }

    String send(Mailer ses, Email email, String from) {
        boolean hit = doomed.stream().anyMatch(email.subject()::contains);
        if (hit && fault == Fault.CRASH_BEFORE_SES) {
            throw new Crash();
        }
        if (hit && fault == Fault.KILLED_AT_TIMEOUT) {
            clock.advance(Duration.ofMillis(invocation.getRemainingTimeInMillis())); // hangs until Lambda kills it
            throw new Crash();
        }
        String id = ses.send(email, from);
        if (hit && fault == Fault.CRASH_AFTER_SES) {
            throw new Crash();
        }
        return id;
    }

    /** One invocation, as Lambda makes it: a fresh 30-second context on the test's clock. */
    int replay(NotifierHandler notifier) {
        invocation = new LambdaContext(clock, NotifierHandler.TIMEOUT);
        return stream.deliverTo(notifier, invocation);
    }

    @BeforeEach
    void emptyOutbox() {
        ses.clear();
    }

    List<String> apply(int count) {
        return ApplicationJourneyIT.applications(intake, "Speed Watch ", count);
    }

    static final String STAFF = "grants@funding.example.gov.uk";
    /** How many emails about each application went to one address, or, without one, to anyone but staff: the applicant. */
    @SuppressWarnings("unchecked")
    Map<String, Integer> emailsTo(String address, List<String> references) {
        List<Map<String, Object>> emails = ses.emails();
        Map<String, Integer> counts = new HashMap<>();
        for (String reference : references) {
            counts.put(reference, (int) emails.stream().filter(e -> String.valueOf(e.get("subject")).endsWith(reference)).filter(e -> {
                List<String> to = (List<String>) ((Map<String, Object>) e.get("destination")).get("to");
                return address != null ? to.contains(address) : !to.contains(STAFF);
            }).count());
        }
        return counts;
    }

    Map<String, Integer> emailsToTheApplicants(List<String> references) {
        return emailsTo(null, references);
    }

    /** Both emails of every application sent exactly once. */
    void everyEmailSentOnce(List<String> references) {
        assertThat(emailsTo(STAFF, references)).isEqualTo(once(references));
        assertThat(emailsToTheApplicants(references)).isEqualTo(once(references));
    }

    String state(String reference) {
        try (DynamoDbClient client = dynamoDb.client()) {
            return client.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("pk", AttributeValue.fromS("APP#" + reference))))
                    .item().get("staffEmail").s();
        }
    }

    static Map<String, Integer> once(List<String> references) {
        Map<String, Integer> expected = new HashMap<>();
        references.forEach(r -> expected.put(r, 1));
        return expected;
    }

    @Test
    void crashBeforeSesAcceptedTheEmail_theRetryTakesTheClaimOverOnceItLapses_andSendsItOnce() {
        NotifierHandler notifier = notifier(ses.endpoint);
        List<String> references = apply(3);
        doomed.add(references.get(1));
        fault = Fault.CRASH_BEFORE_SES;

        replay(notifier);
        assertThat(stream.lastDeath).isInstanceOf(Crash.class);
        assertThat(state(references.get(1))).isEqualTo("sending");

        fault = Fault.NONE;
        clock.advance(Duration.ofSeconds(2)); // Lambda retries within seconds: the claim is live, so the record is reported, not passed over
        replay(notifier); // the dead batch comes back bisected: its first half,
        replay(notifier); // then its second half, or the first half again from the reported record
        assertThat(stream.lastDeath).isNull();
        assertThat(state(references.get(1))).isEqualTo("sending");
        assertThat(emailsTo(STAFF, references)).containsEntry(references.get(1), 0);
        assertThat(emailsToTheApplicants(references)).as("the applicant's email is not held up").containsEntry(references.get(1), 1);

        clock.advance(NotifierHandler.TIMEOUT.plusSeconds(5)); // the dead attempt's remaining time and the margin have passed
        replay(notifier);
        replay(notifier);

        everyEmailSentOnce(references);
        assertThat(references).allSatisfy(r -> assertThat(state(r)).isEqualTo("sent"));
    }

    @Test
    void killedAtTheFunctionTimeoutMidSend_theClaimLapsesSecondsAfterTheKill() {
        NotifierHandler notifier = notifier(ses.endpoint);
        List<String> references = apply(2);
        doomed.add(references.get(0));
        fault = Fault.KILLED_AT_TIMEOUT;

        replay(notifier);
        assertThat(stream.lastDeath).isInstanceOf(Crash.class);

        fault = Fault.NONE;
        clock.advance(Duration.ofSeconds(1));
        replay(notifier);
        assertThat(emailsTo(STAFF, references)).containsEntry(references.get(0), 0);

        // The claim was taken with 30 s left; it lapses at the kill plus the margin, not minutes later.
        clock.advance(Duration.ofSeconds(5));
        replay(notifier);
        replay(notifier);

        everyEmailSentOnce(references);
    }

    /**
     * The one duplicate that cannot be avoided: SES accepted the email and the attempt died before
     * recording it sent. SES takes no idempotency key, so the retry cannot know; it sends again
     * once the claim lapses. Every other application is emailed once.
     */
    @Test
    void crashAfterSesAcceptedTheEmail_isTheOneWindowThatSendsItTwice() {
        NotifierHandler notifier = notifier(ses.endpoint);
        List<String> references = apply(3);
        doomed.add(references.get(2));
        fault = Fault.CRASH_AFTER_SES;

        replay(notifier);
        assertThat(stream.lastDeath).isInstanceOf(Crash.class);
        fault = Fault.NONE;
        clock.advance(Duration.ofSeconds(2));
        replay(notifier);
        clock.advance(NotifierHandler.TIMEOUT.plusSeconds(5));
        replay(notifier);
        replay(notifier);

        Map<String, Integer> expected = once(references);
        expected.put(references.get(2), 2);
        assertThat(emailsTo(STAFF, references)).isEqualTo(expected);
        assertThat(emailsToTheApplicants(references)).isEqualTo(once(references));
        assertThat(references).allSatisfy(r -> assertThat(state(r)).isEqualTo("sent"));
    }

    @Test
    void aSesThatNeverAnswersIsCutOffByTheClientTimeoutsWellInsideTheInvocation_andRetried() throws Exception {
        List<String> references = apply(1);
        try (Silent silent = new Silent()) {
            LambdaContext realTime = new LambdaContext(Clock.systemUTC(), NotifierHandler.TIMEOUT);
            stream.deliverTo(notifier("http://127.0.0.1:" + silent.port()), realTime);

            assertThat(stream.lastDeath).as("the invocation returned, reporting the record").isNull();
            assertThat(realTime.getRemainingTimeInMillis()).as("time left in the invocation").isPositive();
            assertThat(silent.connections()).isPositive();
        }
        assertThat(state(references.get(0))).as("claim given back").isEqualTo("pending");

        replay(notifier(ses.endpoint));
        replay(notifier(ses.endpoint));

        everyEmailSentOnce(references);
    }

    /**
     * Lambda's bisection: an invocation that dies is split in two at no cost to the batch's
     * attempts, so a record that kills every invocation ends up alone, uses its own attempts and is
     * parked, and the records around it are emailed once.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRecordThatKillsEveryInvocationIsSplitOffItsBatch_theOthersAreEmailedOnce_andItIsParkedAfterItsAttempts() throws Exception {
        NotifierHandler notifier = notifier(ses.endpoint);
        List<String> references = apply(3);
        doomed.add(references.get(1));
        fault = Fault.CRASH_BEFORE_SES;
        List<StreamRelay.Parked> parked = new ArrayList<>();
        StreamRelay relay = new StreamRelay(dynamoDb, table, StackMapping.NOTIFIER, new StreamRelay.Retries(clock, Duration.ZERO, Duration.ZERO,
                new FailedRecordsFolder(java.nio.file.Path.of("target", "failed-records", table)), parked::add));

        int invocations = 0;
        while (parked.isEmpty()) {
            invocation = new LambdaContext(clock, NotifierHandler.TIMEOUT);
            relay.deliverTo(notifier, invocation);
            clock.advance(NotifierHandler.TIMEOUT.plusSeconds(10)); // the dead invocation's claim lapses: the next one dies too
            assertThat(++invocations).as("invocations before the record is parked").isLessThan(20);
        }
        for (int i = 0; i < 3; i++) { // and the records after it in the stream, which it held back
            relay.deliverTo(notifier, new LambdaContext(clock, NotifierHandler.TIMEOUT));
        }

        assertThat(parked).singleElement().satisfies(p -> {
            assertThat(p.keys()).containsExactly("APP#" + references.get(1));
            assertThat(p.attempts()).isEqualTo(1 + NotifierHandler.STREAM_RETRY_ATTEMPTS);
        });
        Map<String, Object> object = uk.opcc.funding.catalogue.CatalogueJson.parse(java.nio.file.Files.readString(parked.get(0).file()));
        assertThat((Map<String, Object>) object.get("responseContext")).containsEntry("functionError", "Unhandled");
        assertThat((Map<String, Object>) object.get("DDBStreamBatchInfo")).containsEntry("batchSize", 1);
        List<String> others = List.of(references.get(0), references.get(2));
        assertThat(emailsTo(STAFF, others)).isEqualTo(once(others));
        assertThat(emailsToTheApplicants(others)).isEqualTo(once(others));
        assertThat(emailsTo(STAFF, List.of(references.get(1)))).containsEntry(references.get(1), 0);
    }

    /** A mail service that takes connections and never answers. */
    static final class Silent implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        Silent() throws IOException {
            acceptor = new Thread(() -> {
                try {
                    while (!server.isClosed()) {
                        Socket socket = server.accept();
                        synchronized (held) {
                            held.add(socket);
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "silent-ses");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            synchronized (held) {
                return held.size();
            }
        }

        @Override
        public void close() {
            try {
                server.close();
                synchronized (held) {
                    for (Socket socket : held) {
                        socket.close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
