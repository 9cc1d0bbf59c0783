package uk.opcc.funding.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.function.config.Config;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.notify.NotificationService;
import uk.opcc.funding.function.notify.SesStaffNotifier;
import uk.opcc.funding.function.notify.StaffNotifier;
import uk.opcc.funding.function.panel.PanelPackSender;
import uk.opcc.funding.function.panel.PanelPackService;
import uk.opcc.funding.function.panel.SesPanelPackSender;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;
import uk.opcc.funding.function.storage.DynamoDbPanelPackClaims;

/** The one place that builds things: catalogue, configuration and AWS clients, once per start-up. */
public final class Wiring {
    private Wiring() {
    }

    /** What the intake handler needs: the service, the site's pages to answer form posts with, and the confirmation links' signer. */
    public record Intake(IntakeService service, FormPages pages, ConfirmationToken tokens) {
    }

    public static Intake intake(Map<String, String> env) {
        Catalogue catalogue = catalogue();
        Config config = Config.forIntake(env);
        return new Intake(new IntakeService(catalogue, new DynamoDbApplicationStore(dynamoDb(config), config.tableName()),
                Clock.systemUTC(), Reference::next), new FormPages(catalogue),
                new ConfirmationToken(config.confirmationKey().orElseThrow().getBytes(StandardCharsets.UTF_8), Clock.systemUTC()));
    }

    public static NotificationService notificationService(Map<String, String> env) {
        Catalogue catalogue = catalogue();
        Config config = Config.forNotifier(env, catalogue);
        return notificationService(catalogue, config, new SesStaffNotifier(ses(config)));
    }

    /** The same, sending through another mail adapter: the local run writes .eml files instead. */
    public static NotificationService notificationService(Map<String, String> env, StaffNotifier notifier) {
        Catalogue catalogue = catalogue();
        return notificationService(catalogue, Config.forNotifier(env, catalogue), notifier);
    }

    private static NotificationService notificationService(Catalogue catalogue, Config config, StaffNotifier notifier) {
        return new NotificationService(catalogue, new DynamoDbApplicationStore(dynamoDb(config), config.tableName()),
                notifier, config, Clock.systemUTC());
    }

    /** The panel pack function: the notifier's settings (table, sender, staff mailboxes), sending through SES. */
    public static PanelPackService panelPackService(Map<String, String> env) {
        Catalogue catalogue = catalogue();
        Config config = Config.forNotifier(env, catalogue);
        return panelPackService(catalogue, config, new SesPanelPackSender(ses(config)));
    }

    /** The same, sending through another mail adapter: the local run writes .eml files instead. */
    public static PanelPackService panelPackService(Map<String, String> env, PanelPackSender sender) {
        Catalogue catalogue = catalogue();
        return panelPackService(catalogue, Config.forNotifier(env, catalogue), sender);
    }

    private static PanelPackService panelPackService(Catalogue catalogue, Config config, PanelPackSender sender) {
        DynamoDbClient dynamoDb = dynamoDb(config);
        return new PanelPackService(catalogue, new DynamoDbApplicationStore(dynamoDb, config.tableName()),
                new DynamoDbPanelPackClaims(dynamoDb, config.tableName()), sender, config, Clock.systemUTC());
    }

    /** The catalogue the build packaged from the site's source: funds, published calls, forms. */
    public static Catalogue catalogue() {
        try (InputStream in = Wiring.class.getResourceAsStream("/catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("catalogue.json is missing from the function's jar");
            }
            return CatalogueJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DynamoDbClient dynamoDb(Config config) {
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region())).credentialsProvider(credentials(config.dynamoDbEndpoint()));
        config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static SesV2Client ses(Config config) {
        var builder = SesV2Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(config.region())).credentialsProvider(credentials(config.sesEndpoint()));
        config.sesEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Lambda's role credentials come in environment variables; local engines accept any. */
    private static AwsCredentialsProvider credentials(Optional<URI> localEndpoint) {
        return localEndpoint.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : EnvironmentVariableCredentialsProvider.create();
    }
}
