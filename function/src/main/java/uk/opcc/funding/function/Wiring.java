package uk.opcc.funding.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.Publisher;
import uk.opcc.funding.catalogue.decision.DecisionJson;
import uk.opcc.funding.catalogue.decision.Decisions;
import uk.opcc.funding.function.config.IntakeConfig;
import uk.opcc.funding.function.config.MailConfig;
import uk.opcc.funding.function.endorse.EndorsementEmails;
import uk.opcc.funding.function.endorse.EndorsementService;
import uk.opcc.funding.function.http.EndorsementPages;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.http.OriginCheck;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.notify.Emails;
import uk.opcc.funding.function.notify.FailedEmails;
import uk.opcc.funding.function.mail.Mailer;
import uk.opcc.funding.function.notify.NotificationService;
import uk.opcc.funding.function.ses.SesMailer;
import uk.opcc.funding.function.outcome.OutcomeService;
import uk.opcc.funding.function.panel.PanelPackService;
import uk.opcc.funding.function.secrets.IntakeSecrets;
import uk.opcc.funding.function.secrets.Secrets;
import uk.opcc.funding.function.secrets.SecretsManagerSecrets;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;
import uk.opcc.funding.function.storage.DynamoDbEndorsementRecords;
import uk.opcc.funding.function.storage.DynamoDbOutcomeRecords;
import uk.opcc.funding.function.storage.DynamoDbPanelPackClaims;

/**
 * The one place that builds things: from the settings, a catalogue, who publishes the site, a clock
 * and the AWS clients, it builds what each function runs. In Lambda, {@link #packaged} builds it once
 * per start-up over what the build packaged; the local run builds one over the preview's catalogue
 * after each bake, and tests give it their own clock or clients.
 */
public final class Wiring {
    /**
     * Every AWS call ends well inside the function's timeout (intake 10 s, notifier 30 s), so a
     * slow service turns into an error the function handles, never into a function killed
     * mid-way. An attempt that hangs is cut off and retried; the whole call, retries included,
     * has a limit.
     */
    static final Duration DYNAMODB_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration DYNAMODB_CALL_TIMEOUT = Duration.ofSeconds(8);
    static final Duration SES_ATTEMPT_TIMEOUT = Duration.ofSeconds(4);
    static final Duration SES_CALL_TIMEOUT = Duration.ofSeconds(9);
    /**
     * What must fit in the invocation once an email is claimed: the send at its slowest, then
     * recording it sent, and a second to spare. A slow claim needs no room: dying before the
     * send loses nothing, the lease lapses and the retry sends.
     */
    static final Duration EMAIL_BUDGET = SES_CALL_TIMEOUT.plus(DYNAMODB_CALL_TIMEOUT).plusSeconds(1);

    /**
     * The options every function's JVM runs with: {@code JAVA_TOOL_OPTIONS} in the stack, and the
     * cold-start benchmark's JVMs. The client compiler only: an invocation is short, so the
     * optimising compiler's later code never pays back the CPU it takes from a cold start, and
     * the first application is stored sooner (see the README's Benchmarks).
     */
    public static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** How the AWS clients are made: the seam a test uses to point them elsewhere or watch them. */
    public interface Clients {
        DynamoDbClient dynamoDb(String region, Optional<URI> endpoint);

        SesV2Client ses(String region, Optional<URI> endpoint);

        SecretsManagerClient secretsManager(String region, Optional<URI> endpoint);

        /** The clients of the deployed functions: URL-connection HTTP, the timeouts above, the role's credentials. */
        Clients AWS = new Clients() {
            @Override
            public DynamoDbClient dynamoDb(String region, Optional<URI> endpoint) {
                return Wiring.dynamoDb(region, endpoint);
            }

            @Override
            public SesV2Client ses(String region, Optional<URI> endpoint) {
                return Wiring.ses(region, endpoint);
            }

            @Override
            public SecretsManagerClient secretsManager(String region, Optional<URI> endpoint) {
                return Wiring.secretsManager(region, endpoint);
            }
        };
    }

    private final Map<String, String> env;
    private final Catalogue catalogue;
    private final Publisher publisher;
    private final Clock clock;
    private final Clients clients;

    /**
     * @param env       the function's settings (its environment in Lambda)
     * @param catalogue the funds, calls and forms every part built here reads: one catalogue for all of them
     */
    public Wiring(Map<String, String> env, Catalogue catalogue, Publisher publisher, Clock clock, Clients clients) {
        this.env = Map.copyOf(env);
        this.catalogue = catalogue;
        this.publisher = publisher;
        this.clock = clock;
        this.clients = clients;
    }

    /** What the deployed functions run: the catalogue and publisher the build packaged, the system clock, AWS. */
    public static Wiring packaged(Map<String, String> env) {
        return new Wiring(env, catalogue(), publisher(), Clock.systemUTC(), Clients.AWS);
    }

    /**
     * What the intake handler needs: the service, the site's pages to answer form posts with, the
     * confirmation links' signer, the check that a request came through CloudFront, the priming
     * SnapStart runs before its snapshot, and the secrets (read after the restore, see IntakeSecrets).
     */
    public record Intake(IntakeService service, FormPages pages, ConfirmationToken tokens, OriginCheck origin, Priming priming,
            IntakeSecrets secrets) {
    }

    /** Lambda sets this to {@code snap-start} for the init a SnapStart snapshot is taken after. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    /** The intake over the packaged form pages, reading its secrets from Secrets Manager. */
    public Intake intake() {
        IntakeConfig config = IntakeConfig.from(env);
        return intake(config, new FormPages(catalogue), new SecretsManagerSecrets(
                clients.secretsManager(config.region(), config.secrets().endpoint())));
    }

    /** The intake over other form pages and another source of secrets: the local preview's pages, and its key file. */
    public Intake intake(FormPages pages, Secrets source) {
        return intake(IntakeConfig.from(env), pages, source);
    }

    private Intake intake(IntakeConfig config, FormPages pages, Secrets source) {
        IntakeSecrets secrets = new IntakeSecrets(source, config.secrets());
        if (!"snap-start".equals(env.get(INITIALIZATION_TYPE))) {
            // Read at start-up, so a missing secret or permission stops the init with its name;
            // before a snapshot they are read after the restore instead, never into the snapshot.
            secrets.load();
        }
        ConfirmationToken tokens = new ConfirmationToken(secrets::confirmationKey, clock);
        DynamoDbApplicationStore store = new DynamoDbApplicationStore(clients.dynamoDb(config.region(), config.dynamoDbEndpoint()), config.tableName());
        return new Intake(new IntakeService(catalogue, store, clock, Reference::next), pages, tokens, new OriginCheck(secrets::origin),
                new Priming(catalogue, pages, Region.of(config.region())), secrets);
    }

    /** The mail functions' settings, checked against this catalogue (a mailbox for every fund taking applications). */
    public MailConfig mailConfig() {
        return MailConfig.from(env, catalogue);
    }

    // Each service below reads the settings once and builds its adapters from that one reading.

    public NotificationService notificationService() {
        MailConfig config = mailConfig();
        return notificationService(config, sesMailer(config), dynamoDb(config));
    }

    /** The notifier sending through another mail adapter: the local run writes .eml files instead. */
    public NotificationService notificationService(Mailer mailer) {
        MailConfig config = mailConfig();
        return notificationService(config, mailer, dynamoDb(config));
    }

    /** The application's emails and its endorsement's, over one DynamoDB client. */
    private NotificationService notificationService(MailConfig config, Mailer mailer, DynamoDbClient dynamoDb) {
        DynamoDbApplicationStore store = new DynamoDbApplicationStore(dynamoDb, config.tableName());
        return new NotificationService(store, new Emails(catalogue, publisher, config, store, clock), mailer, config.senderAddress(),
                clock, EMAIL_BUDGET, config.siteAddress().map(site -> endorsementService(config, mailer, dynamoDb, site)).orElse(null));
    }

    /** What an endorser's pages need: the service, the pages in the site's layout, and the check that a request came through CloudFront. */
    public record Endorsements(EndorsementService service, EndorsementPages pages, OriginCheck origin) {
    }

    /**
     * The endorser's pages over the packaged form pages, sending through SES, reading CloudFront's
     * secret ({@code ORIGIN_SECRET}, required but with local engines) from Secrets Manager at start-up.
     */
    public Endorsements endorsements() {
        MailConfig config = mailConfig();
        String secret = env.get("ORIGIN_SECRET");
        OriginCheck origin;
        if (secret == null || secret.isBlank()) {
            if (config.dynamoDbEndpoint().isEmpty()) {
                throw new uk.opcc.funding.function.config.ConfigException(
                        "ORIGIN_SECRET is not set: without it the endorser's pages would answer callers that skip CloudFront");
            }
            origin = OriginCheck.none();
        } else {
            String value = new SecretsManagerSecrets(clients.secretsManager(config.region(),
                    Optional.ofNullable(env.get("SECRETS_MANAGER_ENDPOINT")).filter(e -> !e.isBlank()).map(URI::create))).read(secret.strip()).strip();
            origin = new OriginCheck(() -> Optional.of(value));
        }
        return new Endorsements(endorsementService(config, sesMailer(config)), new EndorsementPages(new FormPages(catalogue), catalogue, publisher),
                origin);
    }

    /** The same over other form pages and another mail adapter, nothing in front: the local run's preview and outbox. */
    public Endorsements endorsements(FormPages pages, Mailer mailer) {
        return new Endorsements(endorsementService(mailer), new EndorsementPages(pages, catalogue, publisher), OriginCheck.none());
    }

    /** The endorsement of applications through SES: the reminders' function. */
    public EndorsementService endorsementService() {
        MailConfig config = mailConfig();
        return endorsementService(config, sesMailer(config));
    }

    /** The endorsement of applications (a fund's {@code endorsement}): its records on the application's item, its emails through {@code mailer}. */
    public EndorsementService endorsementService(Mailer mailer) {
        return endorsementService(mailConfig(), mailer);
    }

    private EndorsementService endorsementService(MailConfig config, Mailer mailer) {
        return endorsementService(config, mailer, dynamoDb(config),
                config.siteAddress().orElseThrow(() -> new IllegalStateException("SITE_ADDRESS is not set")));
    }

    private EndorsementService endorsementService(MailConfig config, Mailer mailer, DynamoDbClient dynamoDb, String siteAddress) {
        return new EndorsementService(catalogue, publisher, new DynamoDbEndorsementRecords(dynamoDb, config.tableName(), catalogue),
                new EndorsementEmails(catalogue, publisher, siteAddress), mailer, config::mailboxFor, config.senderAddress(), clock, EMAIL_BUDGET);
    }

    /** The resend of failed emails: the notifier's settings, service and claims, over the needs-email index. */
    public FailedEmails failedEmails() {
        MailConfig config = mailConfig();
        return failedEmails(config, sesMailer(config));
    }

    public FailedEmails failedEmails(Mailer mailer) {
        return failedEmails(mailConfig(), mailer);
    }

    private FailedEmails failedEmails(MailConfig config, Mailer mailer) {
        DynamoDbClient dynamoDb = dynamoDb(config);
        return new FailedEmails(new DynamoDbApplicationStore(dynamoDb, config.tableName()), notificationService(config, mailer, dynamoDb));
    }

    /** The panel pack function: the notifier's settings (table, sender, staff mailboxes). */
    public PanelPackService panelPackService() {
        MailConfig config = mailConfig();
        return panelPackService(config, sesMailer(config));
    }

    public PanelPackService panelPackService(Mailer mailer) {
        return panelPackService(mailConfig(), mailer);
    }

    private PanelPackService panelPackService(MailConfig config, Mailer mailer) {
        DynamoDbClient dynamoDb = clients.dynamoDb(config.region(), config.dynamoDbEndpoint());
        return new PanelPackService(catalogue, new DynamoDbApplicationStore(dynamoDb, config.tableName()),
                new DynamoDbPanelPackClaims(dynamoDb, config.tableName()), mailer, config, clock, PanelPackHandler.TIMEOUT);
    }

    /** The outcome emails of the final decisions the build packaged: the notifier's settings (table, sender, staff mailboxes). */
    public OutcomeService outcomeService() {
        MailConfig config = mailConfig();
        return outcomeService(config, decisions(), sesMailer(config));
    }

    /** Over the decisions of another source and another mail adapter: the local run's preview and outbox. */
    public OutcomeService outcomeService(Decisions decisions, Mailer mailer) {
        return outcomeService(mailConfig(), decisions, mailer);
    }

    private OutcomeService outcomeService(MailConfig config, Decisions decisions, Mailer mailer) {
        return new OutcomeService(catalogue, decisions, publisher, new DynamoDbOutcomeRecords(clients.dynamoDb(config.region(),
                config.dynamoDbEndpoint()), config.tableName()), mailer, config, clock);
    }

    /** Every email through SES, in the deployment's configuration set when it has one. */
    private SesMailer sesMailer(MailConfig config) {
        return sesMailer(config, clients.ses(config.region(), config.sesEndpoint()));
    }

    private DynamoDbClient dynamoDb(MailConfig config) {
        return clients.dynamoDb(config.region(), config.dynamoDbEndpoint());
    }

    /** The catalogue the build packaged from the site's source: funds, published calls, forms. */
    public static Catalogue catalogue() {
        return CatalogueJson.read(packaged("catalogue.json"));
    }

    /** The final decisions the build packaged from the site's data/decisions/, declines' reasons and feedback included. */
    public static Decisions decisions() {
        return DecisionJson.readOutcomes(packaged("decisions.json"));
    }

    /** Who publishes the site, packaged from the site's data/opcc.yml: the contact details applicants are given. */
    public static Publisher publisher() {
        return Publisher.fromJson(packaged("publisher.json"));
    }

    private static String packaged(String name) {
        try (InputStream in = Wiring.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the function's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DynamoDB, with timeouts that end every call well inside the function's own. */
    static DynamoDbClient dynamoDb(String region, Optional<URI> endpoint) {
        return client(DynamoDbClient.builder(), DYNAMODB_ATTEMPT_TIMEOUT, DYNAMODB_CALL_TIMEOUT, region, endpoint);
    }

    /** Every email goes through the deployment's configuration set, when it has one (SES_CONFIGURATION_SET). */
    static SesMailer sesMailer(MailConfig config, SesV2Client ses) {
        return new SesMailer(ses, config.configurationSet());
    }

    static SesV2Client ses(String region, Optional<URI> endpoint) {
        return client(SesV2Client.builder(), SES_ATTEMPT_TIMEOUT, SES_CALL_TIMEOUT, region, endpoint);
    }

    /** Secrets Manager, with the DynamoDB client's timeouts: one read of each secret at start-up. */
    static SecretsManagerClient secretsManager(String region, Optional<URI> endpoint) {
        return client(SecretsManagerClient.builder(), DYNAMODB_ATTEMPT_TIMEOUT, DYNAMODB_CALL_TIMEOUT, region, endpoint);
    }

    /** Any of the clients: URL-connection HTTP, an attempt's and a call's timeout, and the endpoint of a local engine if given. */
    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, Duration attempt, Duration call,
            String region, Optional<URI> endpoint) {
        builder.httpClient(httpClient(attempt)).overrideConfiguration(timeouts(attempt, call))
                .region(Region.of(region)).credentialsProvider(credentials(endpoint));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static SdkHttpClient httpClient(Duration attempt) {
        return UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(attempt).build();
    }

    private static ClientOverrideConfiguration timeouts(Duration attempt, Duration call) {
        return ClientOverrideConfiguration.builder().apiCallAttemptTimeout(attempt).apiCallTimeout(call).build();
    }

    /** Lambda's role credentials come in environment variables; local engines accept any. */
    private static AwsCredentialsProvider credentials(Optional<URI> localEndpoint) {
        return localEndpoint.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : EnvironmentVariableCredentialsProvider.create();
    }
}
