package uk.opcc.funding.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local run as a newcomer starts it, in a process of its own over the fixture's source: its
 * console holds the preview's own lines only (no intake or notifier JSON, no JAXB warning) even
 * after an application and its emails, and Ctrl-C (SIGINT, what a terminal sends) or SIGTERM
 * stops it, saying so, with its port and its engine's file given back.
 */
class LocalRunStopsIT {
    private static final Pattern RUNNING_AT = Pattern.compile("running at http://localhost:(\\d+)/");

    @TempDir
    Path root;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void stopsOnCtrlCOrSigtermAndItsConsoleIsThePreviewsOwn(String signal) throws Exception {
        // A shell's background job ignores SIGINT, and so does everything it starts: then no Ctrl-C can reach the run.
        assumeFalse(signal.equals("INT") && sigintIgnoredHere(),
                "this test's JVM ignores SIGINT (started as a shell's background job), so its child would too");
        LocalRunFixture.fixtureSource(root);
        Path console = root.resolve("console.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalRun.class.getName(), "--root", root.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("PORT", "0");
        builder.environment().remove("LOGS");
        builder.environment().remove("DRAFTS");
        Process run = builder.start();
        try {
            int port = port(run, console);
            Path outbox = root.resolve(".local/outbox");
            // what the run sent as it started (the fixture decision's staff summary), before the application
            long before = emails(outbox);
            HttpResponse<String> sent = LocalRunFixture.HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/forms/" + LocalRunFixture.FORM + "/submissions"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LocalRunFixture.formEncoded(LocalRunFixture.answers()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as("an application taken").isEqualTo(303);
            waitFor(() -> emails(outbox) == before + 2, () -> "the staff and applicant emails in " + outbox + "; the console:\n" + Files.readString(console));

            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();

            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute of SIG%s", signal).isTrue();
            String said = Files.readString(console, StandardCharsets.UTF_8);
            assertThat(run.exitValue()).as(said).isEqualTo(128 + (signal.equals("INT") ? 2 : 15));
            assertThat(said).contains("press Ctrl-C to stop", "the intake's log lines: hidden (LOGS=true shows them)");
            assertThat(said.strip()).as("its last line").endsWith("Stopped.");
            assertThat(said).as("the preview's own lines only").doesNotContain("{\"level\"", "\"event\"", "JAXB", "WARN", "Exception");
            assertThat(root.resolve(".local").resolve(LocalRun.ENGINE_FILE)).as("the engine's address, gone with it").doesNotExist();
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).as("its port given back").isEqualTo(port);
            }
        } finally {
            run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The port the run says it serves, once it says it is ready ("press Ctrl-C to stop"). */
    private static int port(Process run, Path console) throws Exception {
        waitFor(() -> {
            if (!run.isAlive()) {
                throw new AssertionError("the run stopped before it was ready:\n" + Files.readString(console));
            }
            return Files.readString(console).contains("press Ctrl-C to stop");
        }, () -> "the run to say it is ready");
        Matcher at = RUNNING_AT.matcher(Files.readString(console));
        assertThat(at.find()).as("the address it runs at").isTrue();
        return Integer.parseInt(at.group(1));
    }

    private static long emails(Path outbox) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    interface Check {
        boolean done() throws Exception;
    }

    private static void waitFor(Check check, java.util.concurrent.Callable<String> what) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (!check.done()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("waited two minutes for " + what.call());
            }
            Thread.sleep(200);
        }
    }

    /** Whether this process ignores SIGINT (Linux's /proc says; elsewhere taken as not). */
    private static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }
}
