package uk.opcc.funding.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import uk.opcc.funding.site.SiteBaker;

/**
 * The local run: bakes the site from source (drafts too, with {@code --drafts}) and serves it
 * on http://localhost:8080, or the port in {@code PORT}. Everything it writes stays under
 * {@code .local/}.
 */
public final class LocalRun {
    private final HttpServer server;

    private LocalRun(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code site} on {@code port} (0 picks a free one). */
    static LocalRun start(Path site, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", new StaticFiles(site));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return new LocalRun(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        int at = options.indexOf("--root");
        Path root = Path.of(at >= 0 ? options.get(at + 1) : ".").toAbsolutePath().normalize();
        boolean drafts = options.contains("--drafts") || "true".equals(System.getenv("DRAFTS"));
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Path site = root.resolve(".local/site");

        long started = System.nanoTime();
        SiteBaker.bake(new SiteBaker.Options(root.resolve("site/src/main/jbake"), site,
                "http://localhost:" + port, Instant.now(), drafts));
        LocalRun run;
        try {
            run = start(site, port);
        } catch (BindException e) {
            System.err.printf("Port %d is already in use. Stop whatever is using it, or choose another port: PORT=8081 ...%n", port);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            run.stop();
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        System.out.printf("%nOPCC funding site running at http://localhost:%d/ (started in %d ms)%n",
                run.port(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        System.out.printf("  site baked into %s%s%n", site, drafts ? " (with drafts)" : "");
        System.out.println("  press Ctrl-C to stop");
        stopped.await();
    }
}
