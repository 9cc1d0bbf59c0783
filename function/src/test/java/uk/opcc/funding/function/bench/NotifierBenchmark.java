package uk.opcc.funding.function.bench;

import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.storage.ApplicationTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.notify.Emails;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.notify.NotificationService;
import uk.opcc.funding.function.notify.NotificationServiceTest;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;

/**
 * Prints how many emails a second the notifier sends when a round already holds 100, 1,000 and
 * 10,000 applications, on DynamoDB Local with the real store and emails (the staff email's
 * duplicate check, the daily cap's count) and a mail service that only counts, so the figure is
 * the notifier's own work on the table. The target: the rate at 10,000 within 1.3 times the rate
 * at 100. For comparison it also times one read of the whole round, which is what the duplicate
 * check cost before it became two keyed reads.
 * {@code mvn -q -B install -DskipTests && mvn -q -B -pl function exec:java@notifier-benchmark}; also part of local/'s benchmark.
 */
public final class NotifierBenchmark {
    static final List<Integer> ROUND_SIZES = List.of(100, 1_000, 10_000);
    /** Applications notified at each size, each with two emails. */
    static final int NOTIFIED = 300;
    static final double RATIO_TARGET = 1.3;
    private static final String ROUND = "NV-2030-R2";

    public static void main(String[] args) throws Exception {
        print();
        System.exit(0); // DynamoDB Local leaves threads behind
    }

    public static void print() throws Exception {
        System.out.printf("notifier: %d applications (%d emails) notified in a round already holding N, load average %s%n",
                NOTIFIED, 2 * NOTIFIED, ColdStartBenchmark.loadAverage());
        DynamoDbLocal engine = DynamoDbLocal.get();
        measure(engine, 100, false); // warms the JVM and the engine up; not printed
        List<Double> rates = new ArrayList<>();
        for (int size : ROUND_SIZES) {
            rates.add(measure(engine, size, true));
        }
        // The JVM is still warming up through the first sizes: 100 again, as warm as the 10,000 was, so neither is favoured.
        double atHundred = Math.max(rates.get(0), measure(engine, ROUND_SIZES.get(0), true));
        double ratio = atHundred / rates.get(rates.size() - 1);
        System.out.printf("notifier emails/s, round of 100 (the better of its two runs) : round of 10,000 = %.2f (target: %.1f or less: %s); load average %s%n",
                ratio, RATIO_TARGET, ratio <= RATIO_TARGET ? "met" : "NOT met", ColdStartBenchmark.loadAverage());
    }

    /** Counts the table calls the notifier makes, by operation: the figure that shows the work per email does not grow with the round. */
    static final class CallCounter implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {
        final java.util.Map<String, AtomicInteger> calls = new java.util.concurrent.ConcurrentSkipListMap<>();
        volatile boolean counting;

        @Override
        public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
            if (counting) {
                calls.computeIfAbsent(context.request().getClass().getSimpleName().replace("Request", ""), k -> new AtomicInteger()).incrementAndGet();
            }
        }

        String perApplication(int applications) {
            int total = calls.values().stream().mapToInt(AtomicInteger::get).sum();
            return String.format("%.1f table calls an application (%s)", total / (double) applications,
                    String.join(", ", calls.entrySet().stream().map(e -> e.getKey() + " " + String.format("%.1f", e.getValue().get() / (double) applications)).toList()));
        }
    }

    private static double measure(DynamoDbLocal engine, int size, boolean print) throws Exception {
        String table = engine.newTableWithoutStream(ApplicationTable::create);
        CallCounter counter = new CallCounter();
        try (DynamoDbClient client = engine.client(counter)) {
            DynamoDbApplicationStore store = new DynamoDbApplicationStore(client, table);
            Instant now = Instant.now();
            seed(store, "Seed", size, now);
            List<String> references = seed(store, "New", NOTIFIED, now.plusSeconds(1));
            AtomicInteger sent = new AtomicInteger();
            Mailer counting = (email, from) -> "message-" + sent.incrementAndGet();
            NotificationService notifier = new NotificationService(store,
                    new Emails(Fixtures.CATALOGUE, Fixtures.PUBLISHER, NotificationServiceTest.CONFIG, store, Clock.systemUTC()),
                    counting, "no-reply@example.gov.uk", Clock.systemUTC(), NotificationServiceTest.BUDGET);

            counter.counting = true;
            long started = System.nanoTime();
            for (String reference : references) {
                if (!notifier.notify(reference, () -> Duration.ofSeconds(30)).settled()) {
                    throw new IllegalStateException("not every email of " + reference + " was sent");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = sent.get() / seconds;
            counter.counting = false;

            long read = System.nanoTime();
            int whole = store.applicationsInRound(Fixtures.FUND, ROUND).size();
            long readMillis = (System.nanoTime() - read) / 1_000_000;
            if (print) {
                System.out.printf("round of %,6d: %,5.0f emails/s (%d emails in %.2f s), %s; reading the whole round (%,d items), as the old check did: %,d ms%n",
                        size, rate, sent.get(), seconds, counter.perApplication(references.size()), whole, readMillis);
            }
            return rate;
        }
    }

    /** {@code count} applications in the round, each from its own organisation and address, stored as the intake stores them. */
    private static List<String> seed(DynamoDbApplicationStore store, String prefix, int count, Instant at) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> saved = new ArrayList<>();
            long expires = at.plus(Duration.ofDays(3650)).getEpochSecond();
            for (int i = 0; i < count; i++) {
                int n = i;
                saved.add(pool.submit(() -> {
                    String reference = prefix.charAt(0) + String.format("%07d", n);
                    var answers = Fixtures.with(Fixtures.with(Fixtures.answers(at), "groupName", prefix + " group " + n),
                            "email", prefix.toLowerCase() + n + "@example.org");
                    Fixtures.save(store, new Application(reference, Fixtures.FORM, Fixtures.FUND, null, ROUND, at, answers, expires),
                            new IdempotencyKey("bench#" + reference, Duration.ofDays(1)), at);
                    return reference;
                }));
            }
            List<String> references = new ArrayList<>();
            for (Future<String> reference : saved) {
                references.add(reference.get());
            }
            return references;
        } finally {
            pool.shutdown();
        }
    }
}
