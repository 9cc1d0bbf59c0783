package uk.opcc.funding.function.bench;

import uk.opcc.funding.function.Fixtures;
import uk.opcc.funding.function.storage.ApplicationTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;

/**
 * Can a burst of concurrent saves (the intake's four-item transaction) stall DynamoDB Local? Runs
 * {@code threads} threads each calling {@code store.save} in batches, on a table without a stream
 * and then on one with it (as every test table and the local run's table have it), in one engine,
 * and prints each batch's rate as the engine's history grows, with where the engine's one SQLite
 * thread was (its stack sampled every 10 ms: the innermost DynamoDB Local frame, as a share of the
 * samples). {@code -Dbench.tablePerBatch=true} starts each batch on a new table, as a test JVM
 * does (one engine, a new table per test): that is what collapses (see the README's Benchmarks).
 * {@code mvn -q -B -pl function exec:java@burst-probe [-Dbench.threads=8 -Dbench.batches=6 -Dbench.batch=800]}.
 */
public final class BurstProbe {
    private static final AtomicLong UNIQUE = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 8);
        int batches = Integer.getInteger("bench.batches", 6);
        int batch = Integer.getInteger("bench.batch", 800);
        DynamoDbLocal engine = DynamoDbLocal.get();
        for (boolean stream : Boolean.getBoolean("bench.streamOnly") ? List.of(true) : List.of(false, true)) { // without first: it adds nothing to the stream's history
            String table = stream ? engine.newTable(ApplicationTable::create) : IntakeBenchmark.newTable(engine);
            System.out.printf("%d threads x store.save, batches of %d, table %s a stream; load average %s%n", threads, batch,
                    stream ? "with" : "without", ColdStartBenchmark.loadAverage());
            try (DynamoDbClient client = engine.client()) {
                DynamoDbApplicationStore store = new DynamoDbApplicationStore(client, table);
                for (int b = 1; b <= batches; b++) {
                    if (b > 1 && Boolean.getBoolean("bench.tablePerBatch")) { // as a test JVM has it: a new table for each test
                        store = new DynamoDbApplicationStore(client, stream ? engine.newTable(ApplicationTable::create) : IntakeBenchmark.newTable(engine));
                    }
                    Sampler sampler = new Sampler();
                    sampler.start();
                    long started = System.nanoTime();
                    int failed = run(store, threads, batch);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("  batch %d (%,d saved before): %,6.0f saves/s, %.1f s, %d failed; SQLite thread: %s; load average %s%n",
                            b, (b - 1) * batch, batch / seconds, seconds, failed, sampler.top(), ColdStartBenchmark.loadAverage());
                }
            }
        }
        System.exit(0);
    }

    private static int run(DynamoDbApplicationStore store, int threads, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> saved = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                saved.add(pool.submit(() -> {
                    long n = UNIQUE.incrementAndGet();
                    Instant now = Instant.now();
                    var answers = Fixtures.with(Fixtures.with(Fixtures.answers(now), "groupName", "Burst group " + n),
                            "email", "burst" + n + "@example.org");
                    Fixtures.save(store, new Application(String.format("B%07d", n), Fixtures.FORM, Fixtures.FUND, null, "NV-2030-R2", now, answers,
                            now.plus(Duration.ofDays(3650)).getEpochSecond()), new IdempotencyKey("burst#" + n, Duration.ofDays(1)), now);
                    return null;
                }));
            }
            int failed = 0;
            for (Future<?> f : saved) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                }
            }
            return failed;
        } finally {
            pool.shutdown();
        }
    }

    /** The engine's SQLite thread's stack every 10 ms: the deepest DynamoDB Local frame in each sample, tallied. */
    static final class Sampler extends Thread {
        private final Map<String, Integer> frames = new TreeMap<>();
        private volatile boolean running = true;
        private int samples;

        Sampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
                    if (thread.getKey().getName().startsWith("SQLiteQueue")) {
                        samples++;
                        String at = "idle";
                        for (StackTraceElement frame : thread.getValue()) {
                            if (frame.getClassName().startsWith("com.amazonaws.services.dynamodbv2.local")) {
                                at = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "." + frame.getMethodName();
                                break;
                            }
                        }
                        if (!at.equals("idle") || thread.getKey().getState() == State.RUNNABLE && thread.getValue().length > 0
                                && !thread.getValue()[0].getMethodName().contains("wait") && !thread.getValue()[0].getMethodName().contains("park")) {
                            frames.merge(at, 1, Integer::sum);
                        }
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        String top() {
            running = false;
            if (samples == 0) {
                return "not seen";
            }
            return frames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3)
                    .map(e -> String.format("%.0f%% %s", 100.0 * e.getValue() / samples, e.getKey())).toList().toString();
        }
    }
}
