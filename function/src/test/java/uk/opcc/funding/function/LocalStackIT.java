package uk.opcc.funding.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FilterCriteria;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.function.engines.Events;
import uk.opcc.funding.function.secrets.SecretsManagerSecrets;
import uk.opcc.funding.function.storage.ApplicationTable;

/**
 * What only Lambda's own stream poller does, which the in-process ITs (where a relay hands the
 * notifier every record) cannot show: the mapping's filter lets through new applications and
 * nothing else, and a record the function keeps failing is retried {@code MaximumRetryAttempts}
 * times, then recorded on the on-failure destination.
 *
 * <p>It also reads the intake's key through the Secrets Manager adapter from LocalStack's Secrets
 * Manager: the one run of that adapter against an implementation of the service that is not our
 * own stand-in (SecretsManagerStandIn, which every other IT uses).
 *
 * <p>It runs on LocalStack's community image with only the services that image serves (DynamoDB,
 * DynamoDB Streams, Lambda, SQS, Secrets Manager), where Docker is present (GitHub's runners), and is skipped
 * cleanly where it is not. The mapping's settings come from {@code stream-mapping.json}, the file
 * FundingAppTest holds the CDK's synthesised mapping to, so this tests the mapping we deploy.
 * Applications are stored by the real intake on LocalStack's DynamoDB. The function is a stand-in
 * that reports every record as failed: the subject here is the mapping, not the notifier (the
 * notifier's own retries are tested against DynamoDB Local). What LocalStack 4.0 does not model,
 * and so is not tested here: bisection, the maximum record age, and S3 on-failure destinations
 * (this test uses an SQS queue; the on-failure record is the same either way).
 *
 * <p>LOCALSTACK_IMAGE chooses another image; LOCALSTACK_AUTH_TOKEN is passed on when set.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIT {
    static final String TABLE = "applications";
    static final String FUNCTION = "notifier-stand-in";
    /** Reports every record it is given as failed, as the notifier does when SES keeps failing. */
    static final String ALWAYS_FAILS = """
            def handler(event, context):
                return {"batchItemFailures": [{"itemIdentifier": r["dynamodb"]["SequenceNumber"]} for r in event["Records"]]}
            """;

    @Container
    static final LocalStackContainer LOCALSTACK = localstack();

    static DynamoDbClient dynamoDb;
    static DynamoDbStreamsClient streams;
    static LambdaClient lambda;
    static SqsClient sqs;
    static SecretsManagerClient secretsManager;

    static LocalStackContainer localstack() {
        String image = System.getenv().getOrDefault("LOCALSTACK_IMAGE", "localstack/localstack:4.0.3");
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                // All in the community image; Lambda writes its function's logs and metrics to the last two.
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.DYNAMODB_STREAMS, LocalStackContainer.Service.LAMBDA,
                        LocalStackContainer.Service.SQS, LocalStackContainer.Service.CLOUDWATCHLOGS, LocalStackContainer.Service.CLOUDWATCH,
                        LocalStackContainer.Service.SECRETSMANAGER)
                // The first invocation pulls the Python runtime image: give it time on a cold runner.
                .withEnv("LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT", "180");
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null || token.isBlank() ? container : container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }

    /** The intake's settings on LocalStack: its table, and its key read from LocalStack's Secrets Manager. */
    static Map<String, String> intakeSettings() {
        String arn = secretsManager.createSecret(b -> b.name("funding/localstack/confirmation-key-" + System.nanoTime())
                .secretString(Fixtures.CONFIRMATION_KEY)).arn();
        return Map.of("TABLE_NAME", TABLE, "AWS_REGION", LOCALSTACK.getRegion(), "DYNAMODB_ENDPOINT", LOCALSTACK.getEndpoint().toString(),
                "SECRETS_MANAGER_ENDPOINT", LOCALSTACK.getEndpoint().toString(), "CONFIRMATION_KEY_SECRET", arn);
    }

    @Test
    void theSecretsManagerAdapterReadsASecretByArnAndNamesOneThatIsMissing() {
        // given a secret in LocalStack's Secrets Manager (the service's protocol, served by another implementation than ours)
        String arn = secretsManager.createSecret(b -> b.name("funding/localstack/plain").secretString("a value")).arn();
        SecretsManagerSecrets secrets = new SecretsManagerSecrets(secretsManager);

        // when it is read, and a missing one
        String value = secrets.read(arn);

        // then
        assertThat(value).isEqualTo("a value");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> secrets.read("funding/localstack/missing"))
                .isInstanceOf(uk.opcc.funding.function.secrets.SecretUnavailableException.class).hasMessageContaining("funding/localstack/missing");
    }

    static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(LOCALSTACK.getEndpoint()).region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
    }

    @BeforeAll
    static void clients() {
        dynamoDb = client(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()));
        streams = client(DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create()));
        // A synchronous invocation waits for the runtime to start.
        lambda = client(LambdaClient.builder().httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(4)).build()));
        sqs = client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
        secretsManager = client(SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()));
    }

    @Test
    void onlyNewApplicationsReachTheFunctionAndAFailingOneIsRetriedThenRecordedOnTheOnFailureDestination() throws Exception {
        // given the table, the stand-in function (warmed once, so its start-up is not a failed attempt),
        // and the mapping as deployed, with a queue as its on-failure destination
        ApplicationTable.create(dynamoDb, TABLE);
        String streamArn = dynamoDb.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
        SdkBytes code = SdkBytes.fromByteArray(zip("index.py", ALWAYS_FAILS));
        String functionArn = lambda.createFunction(b -> b.functionName(FUNCTION).runtime(Runtime.PYTHON3_12).handler("index.handler")
                .role("arn:aws:iam::000000000000:role/notifier").timeout(30)
                .code(c -> c.zipFile(code))).functionArn();
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(FUNCTION));
        String warm = lambda.invoke(b -> b.functionName(FUNCTION).payload(SdkBytes.fromUtf8String("{\"Records\": []}"))).payload().asUtf8String();
        assertThat(warm).contains("batchItemFailures");
        String queueUrl = sqs.createQueue(b -> b.queueName("notifier-on-failure")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<String, Object> mapping = deployedMapping();
        int retries = ((Number) mapping.get("MaximumRetryAttempts")).intValue();
        String uuid = lambda.createEventSourceMapping(b -> b.functionName(functionArn).eventSourceArn(streamArn)
                .startingPosition((String) mapping.get("StartingPosition"))
                .batchSize(((Number) mapping.get("BatchSize")).intValue())
                .maximumRetryAttempts(retries)
                .bisectBatchOnFunctionError((Boolean) mapping.get("BisectBatchOnFunctionError"))
                .maximumRecordAgeInSeconds(((Number) mapping.get("MaximumRecordAgeInSeconds")).intValue())
                .functionResponseTypesWithStrings(strings(mapping.get("FunctionResponseTypes")))
                .filterCriteria(filterCriteria(mapping))
                .destinationConfig(d -> d.onFailure(f -> f.destination(queueArn)))).uuid();
        waitFor("the mapping to be enabled", () -> "Enabled".equals(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()));
        IntakeHandler intake = new IntakeHandler(Fixtures.intake(intakeSettings()));

        // when an application arrives (an APP# and an IDEM# record), and after its failure is recorded,
        // the notifier's own update of it (a MODIFY) and a second application
        String first = reference(intake.handleRequest(Events.json(Fixtures.FORM, body("Moorside Lanes Watch")), null).getBody());
        List<Map<String, Object>> failures = new ArrayList<>(waitForFailures(queueUrl, 1));
        dynamoDb.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("APP#" + first)))
                .updateExpression("SET #state = :sending").expressionAttributeNames(Map.of("#state", "staffEmail"))
                .expressionAttributeValues(Map.of(":sending", AttributeValue.fromS("sending"))));
        String second = reference(intake.handleRequest(Events.json(Fixtures.FORM, body("Fellside Village Hall")), null).getBody());
        failures.addAll(waitForFailures(queueUrl, 1));
        // nothing else arrives: the IDEM# inserts and the MODIFY were filtered out, not merely slow
        Thread.sleep(10_000);
        failures.addAll(receive(queueUrl));

        // then each application's INSERT, and only those, reached the function, each on its own,
        // and each was tried once and retried MaximumRetryAttempts times before it was recorded
        Map<String, String> inserts = applicationInserts(streamArn);
        assertThat(failures).hasSize(2);
        assertThat(failures).extracting(f -> batchInfo(f).get("startSequenceNumber"))
                .containsExactly(inserts.get("APP#" + first), inserts.get("APP#" + second));
        assertThat(failures).allSatisfy(failure -> {
            assertThat(batchInfo(failure)).containsEntry("batchSize", 1)
                    .containsEntry("streamArn", streamArn)
                    .satisfies(info -> assertThat(info.get("endSequenceNumber")).isEqualTo(info.get("startSequenceNumber")));
            @SuppressWarnings("unchecked")
            Map<String, Object> request = (Map<String, Object>) failure.get("requestContext");
            assertThat(request).containsEntry("condition", "RetryAttemptsExhausted")
                    .containsEntry("approximateInvokeCount", retries + 1)
                    .containsEntry("functionArn", functionArn);
        });
    }

    /** The mapping's settings FundingAppTest checks the CDK app synthesises. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deployedMapping() throws IOException {
        try (InputStream in = LocalStackIT.class.getResourceAsStream("/stream-mapping.json")) {
            return (Map<String, Object>) CatalogueJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    static FilterCriteria filterCriteria(Map<String, Object> mapping) {
        List<Map<String, Object>> filters = (List<Map<String, Object>>) ((Map<String, Object>) mapping.get("FilterCriteria")).get("Filters");
        return FilterCriteria.builder().filters(filters.stream()
                .map(f -> software.amazon.awssdk.services.lambda.model.Filter.builder().pattern((String) f.get("Pattern")).build()).toList()).build();
    }

    static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    static Map<String, Object> body(String organisation) {
        Map<String, Object> body = new LinkedHashMap<>();
        Fixtures.with(Fixtures.answers(), "groupName", organisation)
                .forEach((k, v) -> body.put(k, v.size() == 1 ? v.get(0) : v));
        return body;
    }

    static String reference(String responseBody) {
        return (String) CatalogueJson.parse(responseBody).get("reference");
    }

    /** Every INSERT of an application on the stream: key → sequence number. */
    static Map<String, String> applicationInserts(String streamArn) {
        Map<String, String> inserts = new HashMap<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            for (int reads = 0; iterator != null && reads < 20; reads++) {
                String current = iterator;
                var result = streams.getRecords(b -> b.shardIterator(current));
                for (Record record : result.records()) {
                    String key = record.dynamodb().keys().get("pk").s();
                    if ("INSERT".equals(record.eventNameAsString()) && key.startsWith("APP#")) {
                        inserts.put(key, record.dynamodb().sequenceNumber());
                    }
                }
                iterator = result.records().isEmpty() ? null : result.nextShardIterator();
            }
        }
        return inserts;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> batchInfo(Map<String, Object> failure) {
        return (Map<String, Object>) failure.get("DDBStreamBatchInfo");
    }

    static List<Map<String, Object>> waitForFailures(String queueUrl, int count) throws InterruptedException {
        List<Map<String, Object>> failures = new ArrayList<>();
        // six attempts, one poll a second, and a runtime to start: well inside three minutes
        for (Instant deadline = Instant.now().plus(Duration.ofMinutes(3)); failures.size() < count && Instant.now().isBefore(deadline); ) {
            failures.addAll(receive(queueUrl));
        }
        assertThat(failures).as("on-failure records").hasSize(count);
        return failures;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> receive(String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2)).messages().stream()
                .map(m -> {
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                    return (Map<String, Object>) CatalogueJson.parse(m.body());
                }).toList();
    }

    static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (Instant deadline = Instant.now().plus(Duration.ofMinutes(2)); !condition.getAsBoolean(); Thread.sleep(500)) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
        }
    }

    static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
