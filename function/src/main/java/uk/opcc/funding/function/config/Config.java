package uk.opcc.funding.function.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.EmailAddress;
import uk.opcc.funding.catalogue.StaffMailboxes;

/**
 * Settings, read once at start-up from the environment.
 *
 * <ul>
 *   <li>{@code TABLE_NAME}: the DynamoDB table (both functions)</li>
 *   <li>{@code AWS_REGION}: set by Lambda</li>
 *   <li>{@code SENDER_ADDRESS}: the verified SES address staff emails come from (notifier)</li>
 *   <li>{@code STAFF_MAILBOXES}: {@code fund-id=address,...}, one for every fund taking applications (notifier)</li>
 *   <li>{@code CONFIRMATION_KEY_SECRET}: the name or ARN of the secret that signs confirmation links (intake);
 *       the key itself is read from Secrets Manager (locally, a file) and is never a setting</li>
 *   <li>{@code ORIGIN_SECRET}: the name or ARN of the secret CloudFront sends as {@code x-origin-verify} (intake);
 *       required in AWS, absent only with local engines ({@code DYNAMODB_ENDPOINT}), where nothing stands in front</li>
 *   <li>{@code SECRETS_MANAGER_ENDPOINT}: only for tests against a local Secrets Manager</li>
 *   <li>{@code SES_CONFIGURATION_SET}: optional; the SES configuration set every email is sent through
 *       (TLS required, bounce and complaint events), set by the CDK app; absent locally</li>
 *   <li>{@code DYNAMODB_ENDPOINT}, {@code SES_ENDPOINT}: only for local runs and tests</li>
 * </ul>
 */
public record Config(
        String tableName,
        String region,
        Optional<URI> dynamoDbEndpoint,
        Optional<URI> sesEndpoint,
        Optional<String> senderAddress,
        Map<String, String> staffMailboxes,
        Optional<SecretNames> intakeSecrets,
        Optional<String> configurationSet) {

    /**
     * Which secrets the intake reads at start-up (names or ARNs, never values), and where from.
     *
     * @param origin   empty only with local engines: nothing stands in front of the local run
     * @param endpoint a local Secrets Manager for tests; empty in AWS
     */
    public record SecretNames(String confirmationKey, Optional<String> origin, Optional<URI> endpoint) {
    }

    /** SES's rule for a configuration set's name: letters, digits, hyphens and underscores, at most 64. */
    private static final Pattern CONFIGURATION_SET = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** What the intake function needs, with the names of the secrets it reads at start-up. */
    public static Config forIntake(Map<String, String> env) {
        String table = required(env, "TABLE_NAME");
        String region = required(env, "AWS_REGION");
        if (env.containsKey("CONFIRMATION_KEY")) {
            throw new ConfigException("CONFIRMATION_KEY must not be set: the key is read from Secrets Manager (CONFIRMATION_KEY_SECRET names it)");
        }
        String key = required(env, "CONFIRMATION_KEY_SECRET");
        Optional<URI> dynamoDb = endpoint(env, "DYNAMODB_ENDPOINT");
        Optional<String> origin = Optional.ofNullable(env.get("ORIGIN_SECRET")).map(String::strip).filter(o -> !o.isEmpty());
        if (origin.isEmpty() && dynamoDb.isEmpty()) {
            throw new ConfigException("ORIGIN_SECRET is not set: without it the intake would answer callers that skip CloudFront");
        }
        return new Config(table, region, dynamoDb, Optional.empty(), Optional.empty(), Map.of(),
                Optional.of(new SecretNames(key, origin, endpoint(env, "SECRETS_MANAGER_ENDPOINT"))), Optional.empty());
    }

    /** What the notifier needs: the intake's settings, the sender, and a mailbox for every open fund. */
    public static Config forNotifier(Map<String, String> env, Catalogue catalogue) {
        String sender = required(env, "SENDER_ADDRESS");
        if (!EmailAddress.isPlausible(sender)) {
            throw new ConfigException("SENDER_ADDRESS is not an email address: " + sender);
        }
        Map<String, String> mailboxes = mailboxes(required(env, "STAFF_MAILBOXES"), catalogue);
        return new Config(required(env, "TABLE_NAME"), required(env, "AWS_REGION"),
                endpoint(env, "DYNAMODB_ENDPOINT"), endpoint(env, "SES_ENDPOINT"), Optional.of(sender), mailboxes, Optional.empty(),
                configurationSet(env));
    }

    public String mailboxFor(String fundId) {
        String mailbox = staffMailboxes.get(fundId);
        if (mailbox == null) {
            throw new ConfigException("STAFF_MAILBOXES has no address for fund " + fundId);
        }
        return mailbox;
    }

    private static Map<String, String> mailboxes(String setting, Catalogue catalogue) {
        try {
            return StaffMailboxes.read(setting, catalogue);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new ConfigException(name + " is not set");
        }
        return value.strip();
    }

    /** Optional: without it SES applies the identity's default configuration set, if any (the local run has none). */
    private static Optional<String> configurationSet(Map<String, String> env) {
        String value = env.get("SES_CONFIGURATION_SET");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!CONFIGURATION_SET.matcher(value.strip()).matches()) {
            throw new ConfigException("SES_CONFIGURATION_SET is not a configuration set name (letters, digits, - and _, at most 64): " + value);
        }
        return Optional.of(value.strip());
    }

    private static Optional<URI> endpoint(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + " is not a URL like http://localhost:8000: " + value);
        }
    }
}
