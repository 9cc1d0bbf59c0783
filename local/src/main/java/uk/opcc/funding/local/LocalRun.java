package uk.opcc.funding.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueReader;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.function.storage.ApplicationTable;
import uk.opcc.funding.function.EndorsementHandler;
import uk.opcc.funding.function.IntakeHandler;
import uk.opcc.funding.function.NotifierHandler;
import uk.opcc.funding.function.Wiring;
import uk.opcc.funding.engines.DynamoDbLocal;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.http.SecurityHeaders;
import uk.opcc.funding.function.panel.PanelPackService;

/**
 * Everything on one machine, no AWS account: the baked site, {@code /api/...} through the real
 * intake handler, DynamoDB Local keeping its data under {@code .local/data}, the table's stream
 * driving the real notifier, and staff emails written to {@code .local/outbox} (listed at
 * {@code /_outbox/}).
 */
public final class LocalRun implements AutoCloseable {
    static final String TABLE = "applications";

    /** @param work where the local run keeps everything: site/, data/, outbox/ */
    public record Options(Path root, Path work, int port, boolean drafts) {
    }

    private final HttpServer server;
    private final DynamoDbLocal dynamoDb;
    private final ScheduledExecutorService poller;
    private final SitePreview preview;
    final Path outbox;

    private final Path work;

    private LocalRun(HttpServer server, DynamoDbLocal dynamoDb, ScheduledExecutorService poller, SitePreview preview, Path outbox, Path work) {
        this.server = server;
        this.dynamoDb = dynamoDb;
        this.poller = poller;
        this.preview = preview;
        this.outbox = outbox;
        this.work = work;
    }

    /** @throws BindException when the port is taken: nothing else has been started then */
    public static LocalRun start(Options options) throws IOException {
        // Loopback only: the outbox holds applicants' emails, and nothing here asks who is asking.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        int port = server.getAddress().getPort();
        Path outbox = options.work().resolve("outbox");
        Path source = options.root().resolve(SOURCE);
        SitePreview preview = new SitePreview(source, options.work().resolve("preview"),
                "http://localhost:" + port, options.drafts());
        if (!preview.bake()) {
            server.stop(0);
            throw new IllegalStateException("The site's source has a problem: " + preview.error());
        }

        DynamoDbLocal dynamoDb = DynamoDbLocal.keepingDataIn(options.work().resolve("data"));
        dynamoDb.ensureTable(TABLE, ApplicationTable::create, LocalRun::upgradeKeptTable);
        // So the resend command (ResendFailedEmails) can use this engine while it runs.
        Files.writeString(options.work().resolve(ENGINE_FILE), dynamoDb.endpoint);
        // The confirmation key is a file beside the data, read through the same port as Secrets Manager in AWS.
        FileSecrets secrets = new FileSecrets(options.work());
        // Every function follows the source as the site does: each good bake brings one catalogue,
        // its form pages and who publishes the site, and the intake, the notifier and the panel packs
        // are built again over them, so a new call or form is taken, emailed and packed at once.
        AtomicReference<Functions> functions = new AtomicReference<>();
        Consumer<SitePreview.Bake> follow = bake -> {
            Catalogue published = bake.catalogue().published();
            Map<String, String> env = environment(dynamoDb.endpoint, published);
            env.put("CONFIRMATION_KEY_SECRET", CONFIRMATION_KEY_FILE);
            env.put("SITE_ADDRESS", "http://localhost:" + port);
            Wiring wiring = new Wiring(env, published, Publisher.read(source), Clock.systemUTC(), Wiring.Clients.AWS);
            FormPages pages = new FormPages(published, bake.site().resolve("forms"));
            functions.set(new Functions(published,
                    new IntakeHandler(wiring.intake(pages, secrets)),
                    new NotifierHandler(wiring.notificationService(new OutboxMailer(outbox))),
                    wiring.panelPackService(new OutboxMailer(outbox)),
                    new EndorsementHandler(wiring.endorsements(pages, new OutboxMailer(outbox)))));
            // A decision saved as final is deployed, and its outcome emails sent, as the function does after a deploy.
            try {
                OutcomeEmailsCommand.send(wiring.outcomeService(bake.decisions(), new OutboxMailer(outbox)), System.out);
            } catch (RuntimeException e) {
                System.out.println("Outcome emails: sending failed (" + e.getMessage() + "); saving any file tries again.");
            }
        };
        follow.accept(preview.current());
        preview.onBake(follow);
        preview.watch();

        ScheduledExecutorService poller = StreamPoller.start(dynamoDb, TABLE, () -> functions.get().notifier(),
                options.work().resolve(StreamPoller.FAILED_RECORDS));

        // The site and the API send CloudFront's headers, so the browser tests run under its CSP; the
        // API takes posts from anywhere, as in production (README, "The local run is local").
        serve(server, "/", new StaticFiles(() -> preview.current().site(), preview::error), SecurityHeaders.overPlainHttp(), false);
        serve(server, "/api/", new ApiBridge(() -> functions.get().intake(), () -> functions.get().endorsements()), SecurityHeaders.overPlainHttp(), false);
        serve(server, "/_outbox/", new OutboxPage(outbox), OutboxPage.HEADERS, true);
        serve(server, PanelPackPage.PATH, new PanelPackPage(() -> functions.get().catalogue(), () -> functions.get().panelPacks()),
                SecurityHeaders.overPlainHttp(), true);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return new LocalRun(server, dynamoDb, poller, preview, outbox, options.work());
    }

    /** What the local run serves, all over one bake's catalogue. */
    private record Functions(Catalogue catalogue, IntakeHandler intake, NotifierHandler notifier, PanelPackService panelPacks,
            EndorsementHandler endorsements) {
    }

    /**
     * The wiring of a command run beside the local run (the resend, the panel pack), over the
     * catalogue and publisher read from the site's source, as the running preview reads them.
     */
    static Wiring wiring(Path source, String dynamoDbEndpoint) {
        Catalogue published = CatalogueReader.read(source).published();
        return new Wiring(environment(dynamoDbEndpoint, published), published, Publisher.read(source), Clock.systemUTC(), Wiring.Clients.AWS);
    }

    /** Every route behind the same guard: this machine's own Host only, and on local pages same-origin posts only. */
    private static void serve(HttpServer server, String path, HttpHandler handler, Map<String, String> headers, boolean localPage) {
        server.createContext(path, handler).getFilters().add(new LocalGuard(server.getAddress().getPort(), headers, localPage));
    }

    /** Where a running local run says its DynamoDB Local is. */
    static final String ENGINE_FILE = "dynamodb-endpoint";

    /** Where the site's source is, below the project's root. */
    static final String SOURCE = "site/src/main/jbake";

    /**
     * The settings the local run's handlers read, for a DynamoDB Local at {@code endpoint}: made-up
     * addresses that reach only the outbox, a staff mailbox {@code <fund id>@staff.localhost} for
     * each fund of the catalogue, whatever funds it holds.
     */
    static Map<String, String> environment(String endpoint, Catalogue catalogue) {
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", TABLE);
        env.put("AWS_REGION", "eu-west-2");
        env.put("DYNAMODB_ENDPOINT", endpoint);
        env.put("SENDER_ADDRESS", "no-reply@funding.localhost");
        // An endorser's link points at the local run itself (its own port once it runs: see start).
        env.put("SITE_ADDRESS", "http://localhost:" + System.getenv().getOrDefault("PORT", "8080"));
        env.put("STAFF_MAILBOXES", String.join(",", catalogue.funds().stream().map(f -> f.id() + "=" + f.id() + "@staff.localhost").toList()));
        return env;
    }

    /** The project root a command runs on: {@code --root <folder>} (the exec configurations give Maven's root), else the current folder. */
    static Path root(List<String> options) {
        int at = options.indexOf("--root");
        return Path.of(at >= 0 ? options.get(at + 1) : ".").toAbsolutePath().normalize();
    }

    /** What a command does with the local run's data, given the address of the DynamoDB Local that holds it. */
    interface OverTheData {
        void run(String endpoint) throws IOException;
    }

    /**
     * Runs a command over the running local run's DynamoDB Local, which owns the data while it
     * runs, or, when none is running, over {@code work}'s data opened for the command alone.
     */
    static void overTheData(Path work, OverTheData command) throws IOException {
        String endpoint = runningEngine(work);
        if (endpoint != null) {
            command.run(endpoint);
            return;
        }
        DynamoDbLocal own = DynamoDbLocal.keepingDataIn(work.resolve("data"));
        try {
            own.ensureTable(TABLE, ApplicationTable::create, LocalRun::upgradeKeptTable);
            command.run(own.endpoint);
        } finally {
            own.stop();
        }
    }

    /** The DynamoDB Local of a local run still running on {@code work}'s data, or null when none answers. */
    static String runningEngine(Path work) {
        Path file = work.resolve(ENGINE_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            String endpoint = Files.readString(file).strip();
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_WEST_2)
                    .httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
                client.describeTable(b -> b.tableName(TABLE));
                return endpoint;
            }
        } catch (IOException | RuntimeException e) {
            return null; // left behind by a run that was killed
        }
    }

    /**
     * Brings a table kept from an earlier run to today's shape: a table from before the round index
     * gets the index, and its applications their {@code fundRound}, so earlier applications are in
     * their round's panel pack too. A one-off migration of a local table, and the only scan: never
     * in the deployed code.
     */
    static void upgradeKeptTable(DynamoDbClient client, String name) {
        ApplicationTable.addMissingIndexes(client, name);
        client.scanPaginator(b -> b.tableName(name).filterExpression("begins_with(pk, :app) AND attribute_not_exists(fundRound)")
                        .expressionAttributeValues(Map.of(":app", AttributeValue.fromS(ApplicationTable.APPLICATION_PREFIX)))).items()
                .forEach(item -> client.updateItem(b -> b.tableName(name).key(Map.of(ApplicationTable.KEY, item.get(ApplicationTable.KEY)))
                        .updateExpression("SET fundRound = :fundRound")
                        .expressionAttributeValues(Map.of(":fundRound", AttributeValue.fromS(
                                ApplicationTable.fundRound(item.get("fundId").s(), item.get("panelRound").s()))))));
    }

    /** The file in the work folder that holds the key signing confirmation links. */
    static final String CONFIRMATION_KEY_FILE = "confirmation.key";

    int port() {
        return server.getAddress().getPort();
    }

    DynamoDbLocal dynamoDb() {
        return dynamoDb;
    }

    @Override
    public void close() {
        preview.close();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        // No further poll, and the one under way is left to finish: interrupted, an email just written would not
        // be marked sent (DynamoDB's call aborted), so the next run would write it again.
        poller.shutdown();
        try {
            if (!poller.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
        dynamoDb.stop();
        try {
            Files.deleteIfExists(work.resolve(ENGINE_FILE));
        } catch (IOException e) {
            // a stale file is ignored: the resend checks the engine answers
        }
    }

    /**
     * DynamoDB Local's AWS SDK (v1) logs through java.util.logging, warning at its first request
     * that JAXB is missing (it falls back, and the run needs nothing from it). Held here, so the
     * level set in main is not lost when the logger is collected.
     */
    private static final java.util.logging.Logger DYNAMODB_LOCAL_SDK = java.util.logging.Logger.getLogger("com.amazonaws");

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Path root = root(options);
        boolean drafts = options.contains("--drafts") || "true".equals(System.getenv("DRAFTS"));
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Path work = root.resolve(".local");
        // The console is the preview's: the intake's and notifier's JSON lines only when asked for.
        boolean logs = "true".equals(System.getenv("LOGS"));
        uk.opcc.funding.function.log.Log.showInfo(logs);
        if (!logs) {
            DYNAMODB_LOCAL_SDK.setLevel(java.util.logging.Level.SEVERE);
        }

        long started = System.nanoTime();
        LocalRun run;
        try {
            run = start(new Options(root, work, port, drafts));
        } catch (BindException e) {
            System.err.printf("Port %d is already in use. Stop whatever is using it, or choose another port: PORT=8081 ...%n", port);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            run.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        System.out.printf("%nOPCC funding running at http://localhost:%d/ (started in %d ms)%n", run.port(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        System.out.printf("  applications: POST http://localhost:%d/api/forms/<form>/submissions%n", run.port());
        System.out.printf("  emails: http://localhost:%d/_outbox/  (files in %s)%n", run.port(), run.outbox);
        System.out.printf("  panel packs:  http://localhost:%d%s%n", run.port(), PanelPackPage.PATH);
        System.out.printf("  DynamoDB Local data: %s%s%n", work.resolve("data"), drafts ? "; drafts shown" : "");
        System.out.printf("  live preview: saving a file under %s rebakes the site and the intake's catalogue%n",
                root.resolve(SOURCE));
        System.out.printf("  the intake's log lines: %s%n", logs ? "shown" : "hidden (LOGS=true shows them)");
        System.out.println("  press Ctrl-C to stop");
        stopped.await();
    }
}
