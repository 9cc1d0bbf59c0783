package uk.opcc.funding.function.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The load the intake benchmark drives: closed-loop clients (each sends its next request when its
 * last is answered) and open-loop arrivals (requests start at Poisson-spaced moments whether or
 * not earlier ones are done, timed from the moment each was due, so a stall counts in full).
 * Each client is a {@link Request} of its own: one Lambda execution environment with its own
 * handler and HTTP connection, as Lambda runs one request per environment at a time.
 */
final class Load {
    /** One client's way to send its next request; true when it was answered as it should be. */
    interface Request {
        boolean send() throws Exception;
    }

    /** What a run measured; latencies in nanoseconds, sorted. */
    record Result(int done, int failed, double seconds, long[] latencies, double othersCpu) {
        double rate() {
            return done / seconds;
        }

        double millis(double percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int at = (int) Math.ceil(percentile / 100 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, at))] / 1e6;
        }

        double meanMillis() {
            return Arrays.stream(latencies).average().orElse(Double.NaN) / 1e6;
        }

        String latency() {
            return String.format("p50 %.1f ms, p99 %.1f ms, mean %.1f ms", millis(50), millis(99), meanMillis());
        }
    }

    private Load() {
    }

    /** {@code clients} clients, each sending as fast as it is answered, for {@code warmUp} then {@code seconds} counted. */
    static Result closed(int clients, IntFunction<Request> client, double warmUp, double seconds) throws Exception {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            requests.add(client.apply(i));
        }
        long start = System.nanoTime();
        long counting = start + (long) (warmUp * 1e9);
        long end = counting + (long) (seconds * 1e9);
        AtomicInteger failed = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CpuMeter meter = new CpuMeter();
        for (Request request : requests) {
            long[] own = new long[200_000];
            latencies.add(own);
            threads.add(client(request, own, failed, () -> {
                long now = System.nanoTime();
                return now < end ? now : -1;
            }, (sent, answered) -> sent >= counting && answered <= end));
        }
        Thread.sleep(Math.max(0, (counting - System.nanoTime()) / 1_000_000));
        meter.start();
        for (Thread thread : threads) {
            thread.join();
        }
        double others = meter.othersShare();
        return result(latencies, failed.get(), seconds, others);
    }

    /**
     * Requests arriving at {@code perSecond} on average (exponential gaps, fixed seed), served by
     * {@code clients} environments; each latency runs from the moment the request was due.
     */
    static Result open(double perSecond, int clients, IntFunction<Request> client, double warmUp, double seconds) throws Exception {
        BlockingQueue<Long> due = new LinkedBlockingQueue<>();
        long start = System.nanoTime() + 50_000_000;
        long counting = start + (long) (warmUp * 1e9);
        long end = counting + (long) (seconds * 1e9);
        AtomicInteger failed = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Request request = client.apply(i);
            long[] own = new long[200_000];
            latencies.add(own);
            threads.add(client(request, own, failed, due::take, (at, answered) -> at >= counting && at < end));
        }
        Random random = new Random(15);
        CpuMeter meter = null;
        long next = start;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (meter == null && next >= counting) {
                meter = new CpuMeter();
                meter.start();
            }
            due.add(next);
            next += (long) (-Math.log(1 - random.nextDouble()) / perSecond * 1e9);
        }
        for (int i = 0; i < clients; i++) {
            due.add(-1L);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return result(latencies, failed.get(), seconds, meter == null ? Double.NaN : meter.othersShare());
    }

    /** When a client's next request is due (now, for a closed loop), or a negative number to stop. */
    private interface Due {
        long next() throws InterruptedException;
    }

    private interface Counted {
        boolean test(long due, long answered);
    }

    /** A client's thread: sends each request when it is due, and keeps its latency from then when it falls in the counted window. */
    private static Thread client(Request request, long[] own, AtomicInteger failed, Due due, Counted counted) {
        Thread thread = new Thread(() -> {
            int n = 0;
            try {
                for (long at = due.next(); at >= 0; at = due.next()) {
                    boolean ok = request.send();
                    long answered = System.nanoTime();
                    if (counted.test(at, answered)) {
                        if (ok) {
                            own[n++] = answered - at;
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                e.printStackTrace();
            }
            own[own.length - 1] = n; // the count, read back by result()
        });
        thread.start();
        return thread;
    }

    private static Result result(List<long[]> perClient, int failed, double seconds, double others) {
        int total = perClient.stream().mapToInt(l -> (int) l[l.length - 1]).sum();
        long[] all = new long[total];
        int at = 0;
        for (long[] own : perClient) {
            int n = (int) own[own.length - 1];
            System.arraycopy(own, 0, all, at, n);
            at += n;
        }
        Arrays.sort(all);
        return new Result(total, failed, seconds, all, others);
    }

    /**
     * How much of the machine's CPU other processes took while a figure was measured: the noise a
     * load average only hints at (it also counts this benchmark's own threads). From /proc/stat
     * (all cores) less /proc/self/stat (this JVM, DynamoDB Local included).
     */
    static final class CpuMeter {
        private long machine;
        private long idle;
        private long self;

        void start() {
            long[] now = read();
            machine = now[0];
            idle = now[1];
            self = now[2];
        }

        /** Others' busy time as a share of all cores' time; NaN where /proc is not there. */
        double othersShare() {
            long[] now = read();
            if (now[0] == 0) {
                return Double.NaN;
            }
            double total = now[0] - machine;
            double busy = total - (now[1] - idle);
            return Math.max(0, (busy - (now[2] - self)) / total);
        }

        private static long[] read() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i <= 8 && i < cpu.length; i++) { // user nice system idle iowait irq softirq steal
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long self = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime stime, in the same ticks
                return new long[] {total, idle, self};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0, 0};
            }
        }
    }
}
