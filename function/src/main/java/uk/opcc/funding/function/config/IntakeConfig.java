package uk.opcc.funding.function.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The intake function's settings, read once at start-up from the environment.
 *
 * <ul>
 *   <li>{@code TABLE_NAME}: the DynamoDB table</li>
 *   <li>{@code AWS_REGION}: set by Lambda</li>
 *   <li>{@code CONFIRMATION_KEY_SECRET}: the name or ARN of the secret that signs confirmation links;
 *       the key itself is read from Secrets Manager (locally, a file) and is never a setting</li>
 *   <li>{@code ORIGIN_SECRET}: the name or ARN of the secret CloudFront sends as {@code x-origin-verify};
 *       required in AWS, absent only with local engines ({@code DYNAMODB_ENDPOINT}), where nothing stands in front</li>
 *   <li>{@code SECRETS_MANAGER_ENDPOINT}: only for tests against a local Secrets Manager</li>
 *   <li>{@code DYNAMODB_ENDPOINT}: only for local runs and tests</li>
 * </ul>
 */
public record IntakeConfig(String tableName, String region, Optional<URI> dynamoDbEndpoint, SecretNames secrets) {

    /**
     * Which secrets the intake reads at start-up (names or ARNs, never values), and where from.
     *
     * @param origin   empty only with local engines: nothing stands in front of the local run
     * @param endpoint a local Secrets Manager for tests; empty in AWS
     */
    public record SecretNames(String confirmationKey, Optional<String> origin, Optional<URI> endpoint) {
    }

    public static IntakeConfig from(Map<String, String> env) {
        String table = Settings.required(env, "TABLE_NAME");
        String region = Settings.required(env, "AWS_REGION");
        if (env.containsKey("CONFIRMATION_KEY")) {
            throw new ConfigException("CONFIRMATION_KEY must not be set: the key is read from Secrets Manager (CONFIRMATION_KEY_SECRET names it)");
        }
        String key = Settings.required(env, "CONFIRMATION_KEY_SECRET");
        Optional<URI> dynamoDb = Settings.endpoint(env, "DYNAMODB_ENDPOINT");
        Optional<String> origin = Optional.ofNullable(env.get("ORIGIN_SECRET")).map(String::strip).filter(o -> !o.isEmpty());
        if (origin.isEmpty() && dynamoDb.isEmpty()) {
            throw new ConfigException("ORIGIN_SECRET is not set: without it the intake would answer callers that skip CloudFront");
        }
        return new IntakeConfig(table, region, dynamoDb, new SecretNames(key, origin, Settings.endpoint(env, "SECRETS_MANAGER_ENDPOINT")));
    }
}
