package uk.opcc.funding.function.engines;

import uk.opcc.funding.engines.DynamoDbLocal;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import uk.opcc.funding.catalogue.CatalogueJson;

/**
 * The SES v2 emulator {@code aws-ses-v2-local}, installed from npm on first use and run as a
 * real HTTP server: the SDK's SesV2Client talks to it exactly as to SES. Tests that need it are
 * skipped, saying why, where npm is not installed.
 */
public final class SesEmulator {
    static final String VERSION = "2.10.2";
    private static SesEmulator instance;

    public final String endpoint;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private SesEmulator(Path cli, int port) throws IOException, InterruptedException {
        endpoint = "http://127.0.0.1:" + port;
        process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        for (int i = 0; i < 100 && !healthy(); i++) {
            Thread.sleep(100);
        }
        if (!healthy()) {
            throw new IllegalStateException("aws-ses-v2-local did not start on port " + port);
        }
    }

    /** The running emulator; skips the calling test when npm is not available. */
    public static synchronized SesEmulator get() {
        if (instance == null) {
            Assumptions.assumeTrue(onPath("npm") && onPath("node"),
                    "npm and node are not installed: the SES v2 emulator (aws-ses-v2-local) tests need them");
            try {
                instance = new SesEmulator(install(), DynamoDbLocal.freePort());
            } catch (IOException e) {
                throw new IllegalStateException("Could not install or start aws-ses-v2-local", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** The mail settings for the fixture funder's funds. */
    public Map<String, String> environment() {
        return environment(uk.opcc.funding.function.Fixtures.CATALOGUE);
    }

    /**
     * The mail settings for {@code catalogue}: every fund that takes applications has its staff
     * mailbox, one shared address ({@link #STAFF}), so a test of any content knows where staff email goes.
     */
    public Map<String, String> environment(uk.opcc.funding.catalogue.Catalogue catalogue) {
        String mailboxes = catalogue.funds().stream().filter(f -> f.acceptsApplications() && catalogue.formFor(f.id()).isPresent())
                .map(f -> f.id() + "=" + STAFF).collect(java.util.stream.Collectors.joining(","));
        return Map.of("SES_ENDPOINT", endpoint, "SENDER_ADDRESS", "no-reply@funding.example.gov.uk", "STAFF_MAILBOXES", mailboxes,
                "SITE_ADDRESS", "https://funding.example.gov.uk");
    }

    /** Where every fund's staff email goes in the tests' settings. */
    public static final String STAFF = "grants@funding.example.gov.uk";

    /** The notifier's settings: the table's on DynamoDB Local, SES at {@code sesEndpoint} (this emulator, or one that fails). */
    public Map<String, String> notifierEnvironment(Map<String, String> dynamoDbEnvironment, String sesEndpoint) {
        return notifierEnvironment(dynamoDbEnvironment, sesEndpoint, uk.opcc.funding.function.Fixtures.CATALOGUE);
    }

    /** The same, for the funds of {@code catalogue} (the packaged one, for the tests that run the real content). */
    public Map<String, String> notifierEnvironment(Map<String, String> dynamoDbEnvironment, String sesEndpoint,
            uk.opcc.funding.catalogue.Catalogue catalogue) {
        Map<String, String> env = new java.util.HashMap<>(dynamoDbEnvironment);
        env.putAll(environment(catalogue));
        env.put("SES_ENDPOINT", sesEndpoint);
        return env;
    }

    /** Every email the emulator has received, as it reports them at {@code GET /store}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> emails() {
        String body = send(HttpRequest.newBuilder(URI.create(endpoint + "/store")).GET().build());
        return (List<Map<String, Object>>) CatalogueJson.parse(body).get("emails");
    }

    public void clear() {
        send(HttpRequest.newBuilder(URI.create(endpoint + "/clear-store")).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint + "/health-check")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path install() throws IOException, InterruptedException {
        Path prefix = Path.of("target/ses-emulator").toAbsolutePath();
        Path cli = prefix.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
        if (Files.exists(cli)) {
            return cli;
        }
        Files.createDirectories(prefix);
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", prefix.toString(),
                "aws-ses-v2-local@" + VERSION).redirectErrorStream(true).redirectOutput(prefix.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(cli)) {
            throw new IOException("npm install aws-ses-v2-local failed; see " + prefix.resolve("npm.log"));
        }
        return cli;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
