package uk.opcc.funding.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.FormDefinition;
import uk.opcc.funding.catalogue.question.Role;
import uk.opcc.funding.function.http.FormPages;
import uk.opcc.funding.function.intake.Application;
import uk.opcc.funding.function.intake.ConfirmationToken;
import uk.opcc.funding.function.intake.IdempotencyKey;
import uk.opcc.funding.function.intake.IntakeService;
import uk.opcc.funding.function.intake.Reference;
import uk.opcc.funding.function.storage.DynamoDbApplicationStore;

/**
 * Runs the intake's whole path once before SnapStart takes its snapshot, so the snapshot holds
 * loaded, initialised and partly compiled classes: request parsing, validation of every form,
 * the problem page and problem+json, the stored item and the DynamoDB request marshalled and
 * signed, the response unmarshalled, the accepted answer serialised. Nothing leaves the JVM:
 * the DynamoDB client used here hands its requests to {@link OfflineHttp}, which records them
 * and answers {@code 200 {}} itself, so the real table is never written or even read. It signs
 * with a key of its own, made up for the run, and reads its secret from the same offline client:
 * the real confirmation key is never read before the snapshot (see IntakeSecrets), yet the
 * signing and the Secrets Manager call that follows the restore are warm.
 */
public final class Priming implements Resource {
    private final Catalogue catalogue;
    private final FormPages pages;
    private final Region region;

    public Priming(Catalogue catalogue, FormPages pages, Region region) {
        this.catalogue = catalogue;
        this.pages = pages;
        this.region = region;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: clients hold no connection across the snapshot, references come from SecureRandom.
    }

    /** Primes the path; returns the DynamoDB operations it marshalled (none of them sent). */
    public List<String> run() {
        OfflineHttp http = new OfflineHttp();
        try (DynamoDbClient offline = DynamoDbClient.builder().httpClient(http).region(region)
                .endpointOverride(URI.create("https://dynamodb.priming.invalid"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .build();
                SecretsManagerClient secrets = SecretsManagerClient.builder().httpClient(http).region(region)
                        .endpointOverride(URI.create("https://secretsmanager.priming.invalid"))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                        .build()) {
            secrets.getSecretValue(b -> b.secretId("priming"));
            byte[] key = new byte[ConfirmationToken.MIN_KEY_LENGTH];
            new java.security.SecureRandom().nextBytes(key);
            ConfirmationToken tokens = new ConfirmationToken(key, Clock.systemUTC());
            tokens.check(tokens.issue(Reference.next(), "priming", null, Instant.now()), "priming");
            DynamoDbApplicationStore store = new DynamoDbApplicationStore(offline, "priming");
            IntakeHandler handler = new IntakeHandler(new IntakeService(catalogue, store, Clock.systemUTC(), Reference::next), pages, tokens);
            Instant now = Instant.now();
            for (FormDefinition form : catalogue.forms()) {
                // Every question unanswered: every rule runs, and both kinds of problem answer are built.
                String organisation = form.fieldWith(Role.ORGANISATION).orElseThrow().name();
                String amount = form.fieldWith(Role.AMOUNT).map(f -> "&" + f.name() + "=1").orElse("");
                handler.handleRequest(post(form.id(), "application/json", "{\"" + organisation + "\":\"\"}"), null);
                handler.handleRequest(post(form.id(), "application/x-www-form-urlencoded", organisation + "=" + amount), null);
                Map<String, List<String>> answers = Map.of(organisation, List.of("Priming"));
                Application application = new Application(Reference.next(), form.id(), form.fundId(), null,
                        Application.UNSCHEDULED, now, answers, now.getEpochSecond());
                store.save(application, form, IdempotencyKey.of(form.id(), null, null, answers), now);
            }
        }
        return List.copyOf(http.operations);
    }

    private static APIGatewayV2HTTPEvent post(String formId, String contentType, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath("/api/forms/" + formId + "/submissions")
                .withPathParameters(Map.of("formId", formId))
                .withHeaders(Map.of("content-type", contentType))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /** An HTTP client that sends nothing: it notes each DynamoDB operation and answers an empty success. */
    private static final class OfflineHttp implements SdkHttpClient {
        final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            operations.add(request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse(request.httpRequest().getUri().toString()));
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", "application/x-amz-json-1.0").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
