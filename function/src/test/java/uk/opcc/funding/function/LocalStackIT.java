package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.function.engines.Events;
import uk.opcc.funding.function.engines.StreamRelay;
import uk.opcc.funding.function.storage.ApplicationTable;

/**
 * The journey on LocalStack's DynamoDB, DynamoDB Streams and SES, where Docker is present (GitHub
 * Actions); skipped cleanly where it is not. The same behaviour is covered on DynamoDB Local and
 * aws-ses-v2-local by {@link ApplicationJourneyIT}. The image is pinned to a release that runs
 * without an auth token; LOCALSTACK_AUTH_TOKEN is passed on when set, and LOCALSTACK_IMAGE
 * chooses another image.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIT {
    static final String SENDER = "no-reply@funding.example.gov.uk";

    @Container
    static final LocalStackContainer LOCALSTACK = localstack();

    static LocalStackContainer localstack() {
        String image = System.getenv().getOrDefault("LOCALSTACK_IMAGE", "localstack/localstack:4.0.3");
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SES);
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null || token.isBlank() ? container : container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }

    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(LOCALSTACK.getEndpoint()).region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anApplicationIsStoredOnDynamoDbAndEmailedThroughSes() throws Exception {
        String table = "applications";
        DynamoDbClient dynamoDb = client(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()));
        ApplicationTable.create(dynamoDb, table);
        SesV2Client ses = client(SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()));
        ses.createEmailIdentity(b -> b.emailIdentity(SENDER));

        Map<String, String> env = new HashMap<>(Map.of("TABLE_NAME", table, "AWS_REGION", LOCALSTACK.getRegion(),
                "DYNAMODB_ENDPOINT", LOCALSTACK.getEndpoint().toString(), "SES_ENDPOINT", LOCALSTACK.getEndpoint().toString(),
                "SENDER_ADDRESS", SENDER,
                "STAFF_MAILBOXES", "property-fund=grants@funding.example.gov.uk,victims-services-fund=victims@funding.example.gov.uk"));
        IntakeHandler intake = new IntakeHandler(Wiring.intake(Fixtures.withConfirmationKey(env)));
        NotifierHandler notifier = new NotifierHandler(Wiring.notificationService(env));
        Map<String, Object> body = new LinkedHashMap<>();
        Fixtures.propertyFundAnswers(Instant.now()).forEach((k, v) -> body.put(k, v.size() == 1 ? v.get(0) : v));

        var response = intake.handleRequest(Events.json("property-fund", body), null);
        var replay = intake.handleRequest(Events.json("property-fund", body), null);
        String reference = (String) CatalogueJson.parse(response.getBody()).get("reference");
        StreamRelay stream = new StreamRelay(dynamoDb, client(DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create())), table);
        for (int i = 0; i < 20 && sentTo(reference).isEmpty(); i++) {
            stream.deliverTo(notifier);
            Thread.sleep(250);
        }

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(CatalogueJson.parse(replay.getBody()).get("reference")).isEqualTo(reference);
        assertThat(sentTo(reference)).hasSize(2); // the staff email and the applicant's confirmation
    }

    /** LocalStack lists the messages its SES has sent at /_aws/ses. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> sentTo(String reference) throws Exception {
        String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(LOCALSTACK.getEndpoint() + "/_aws/ses")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<Map<String, Object>> messages = (List<Map<String, Object>>) CatalogueJson.parse(json).get("messages");
        return messages.stream().filter(m -> String.valueOf(m.get("Subject")).contains(reference)).toList();
    }
}
