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
import uk.opcc.funding.function.config.Config;
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
import uk.opcc.funding.function.panel.PanelPackService;
import uk.opcc.funding.function.secrets.IntakeSecrets;
import uk.opcc.funding.function.secrets.Secrets;
import uk.opcc.funding.function.secrets.SecretsManagerSecrets;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;
import uk.opcc.funding.function.storage.DynamoDbPanelPackClaims;

/** The one place that builds things: catalogue, configuration and AWS clients, once per start-up. */
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

    private Wiring() {
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

    public static Intake intake(Map<String, String> env) {
        Catalogue catalogue = catalogue();
        Config config = Config.forIntake(env);
        return intake(env, config, catalogue, new FormPages(catalogue), new SecretsManagerSecrets(secretsManager(config)));
    }

    /**
     * The same over another catalogue, its pages and another source of secrets: the local
     * preview's catalogue, read from the source on every save, and its key file.
     */
    public static Intake intake(Map<String, String> env, Catalogue catalogue, FormPages pages, Secrets source) {
        return intake(env, Config.forIntake(env), catalogue, pages, source);
    }

    private static Intake intake(Map<String, String> env, Config config, Catalogue catalogue, FormPages pages, Secrets source) {
        IntakeSecrets secrets = new IntakeSecrets(source, config.intakeSecrets().orElseThrow());
        if (!"snap-start".equals(env.get(INITIALIZATION_TYPE))) {
            // Read at start-up, so a missing secret or permission stops the init with its name;
            // before a snapshot they are read after the restore instead, never into the snapshot.
            secrets.load();
        }
        ConfirmationToken tokens = new ConfirmationToken(secrets::confirmationKey, Clock.systemUTC());
        return new Intake(new IntakeService(catalogue, new DynamoDbApplicationStore(dynamoDb(config), config.tableName()),
                Clock.systemUTC(), Reference::next), pages, tokens, new OriginCheck(secrets::origin),
                new Priming(catalogue, pages, Region.of(config.region())), secrets);
    }

    /** Secrets Manager, with the DynamoDB client's timeouts: one read of each secret at start-up. */
    public static SecretsManagerClient secretsManager(Config config) {
        Optional<URI> endpoint = config.intakeSecrets().flatMap(Config.SecretNames::endpoint);
        var builder = SecretsManagerClient.builder().httpClient(httpClient(DYNAMODB_ATTEMPT_TIMEOUT))
                .overrideConfiguration(timeouts(DYNAMODB_ATTEMPT_TIMEOUT, DYNAMODB_CALL_TIMEOUT))
                .region(Region.of(config.region())).credentialsProvider(credentials(endpoint));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static NotificationService notificationService(Map<String, String> env) {
        Catalogue catalogue = catalogue();
        Config config = Config.forNotifier(env, catalogue);
        return notificationService(catalogue, config, sesMailer(config, ses(config)));
    }

    /** The same, sending through another mail adapter: the local run writes .eml files instead. */
    public static NotificationService notificationService(Map<String, String> env, Mailer mailer) {
        Catalogue catalogue = catalogue();
        return notificationService(catalogue, Config.forNotifier(env, catalogue), mailer);
    }

    private static NotificationService notificationService(Catalogue catalogue, Config config, Mailer mailer) {
        return notificationService(catalogue, config, mailer, new DynamoDbApplicationStore(dynamoDb(config), config.tableName()));
    }

    private static NotificationService notificationService(Catalogue catalogue, Config config, Mailer mailer, DynamoDbApplicationStore store) {
        return new NotificationService(store, new Emails(catalogue, publisher(), config, store, Clock.systemUTC()),
                mailer, config.senderAddress().orElseThrow(), Clock.systemUTC(), EMAIL_BUDGET);
    }

    /** The resend of failed emails: the notifier's settings, service and claims, over the needs-email index. */
    public static FailedEmails failedEmails(Map<String, String> env) {
        Catalogue catalogue = catalogue();
        Config config = Config.forNotifier(env, catalogue);
        return failedEmails(catalogue, config, sesMailer(config, ses(config)));
    }

    /** The same, sending through another mail adapter: the local run's outbox. */
    public static FailedEmails failedEmails(Map<String, String> env, Mailer mailer) {
        Catalogue catalogue = catalogue();
        return failedEmails(catalogue, Config.forNotifier(env, catalogue), mailer);
    }

    private static FailedEmails failedEmails(Catalogue catalogue, Config config, Mailer mailer) {
        DynamoDbApplicationStore store = new DynamoDbApplicationStore(dynamoDb(config), config.tableName());
        return new FailedEmails(store, notificationService(catalogue, config, mailer, store));
    }

    /** The panel pack function: the notifier's settings (table, sender, staff mailboxes), sending through SES. */
    public static PanelPackService panelPackService(Map<String, String> env) {
        Catalogue catalogue = catalogue();
        Config config = Config.forNotifier(env, catalogue);
        return panelPackService(catalogue, config, sesMailer(config, ses(config)));
    }

    /** The same, sending through another mail adapter: the local run writes .eml files instead. */
    public static PanelPackService panelPackService(Map<String, String> env, Mailer mailer) {
        Catalogue catalogue = catalogue();
        return panelPackService(catalogue, Config.forNotifier(env, catalogue), mailer);
    }

    private static PanelPackService panelPackService(Catalogue catalogue, Config config, Mailer mailer) {
        DynamoDbClient dynamoDb = dynamoDb(config);
        return new PanelPackService(catalogue, new DynamoDbApplicationStore(dynamoDb, config.tableName()),
                new DynamoDbPanelPackClaims(dynamoDb, config.tableName()), mailer, config, Clock.systemUTC(),
                PanelPackHandler.TIMEOUT);
    }

    /** The catalogue the build packaged from the site's source: funds, published calls, forms. */
    public static Catalogue catalogue() {
        return CatalogueJson.read(packaged("catalogue.json"));
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

    static DynamoDbClient dynamoDb(Config config) {
        var builder = DynamoDbClient.builder().httpClient(httpClient(DYNAMODB_ATTEMPT_TIMEOUT))
                .overrideConfiguration(timeouts(DYNAMODB_ATTEMPT_TIMEOUT, DYNAMODB_CALL_TIMEOUT))
                .region(Region.of(config.region())).credentialsProvider(credentials(config.dynamoDbEndpoint()));
        config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Every email goes through the deployment's configuration set, when it has one (SES_CONFIGURATION_SET). */
    static SesMailer sesMailer(Config config, SesV2Client ses) {
        return new SesMailer(ses, config.configurationSet());
    }

    static SesV2Client ses(Config config) {
        var builder = SesV2Client.builder().httpClient(httpClient(SES_ATTEMPT_TIMEOUT))
                .overrideConfiguration(timeouts(SES_ATTEMPT_TIMEOUT, SES_CALL_TIMEOUT))
                .region(Region.of(config.region())).credentialsProvider(credentials(config.sesEndpoint()));
        config.sesEndpoint().ifPresent(builder::endpointOverride);
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
