package uk.opcc.funding.function.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.EmailAddress;
import uk.opcc.funding.catalogue.StaffMailboxes;
import uk.opcc.funding.function.intake.ConfirmationToken;

/**
 * Settings, read once at start-up from the environment.
 *
 * <ul>
 *   <li>{@code TABLE_NAME}: the DynamoDB table (both functions)</li>
 *   <li>{@code AWS_REGION}: set by Lambda</li>
 *   <li>{@code SENDER_ADDRESS}: the verified SES address staff emails come from (notifier)</li>
 *   <li>{@code STAFF_MAILBOXES}: {@code fund-id=address,...}, one for every fund taking applications (notifier)</li>
 *   <li>{@code CONFIRMATION_KEY}: the secret that signs confirmation links, at least 32 characters (intake)</li>
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
        Optional<String> confirmationKey,
        Optional<String> configurationSet) {

    /** SES's rule for a configuration set's name: letters, digits, hyphens and underscores, at most 64. */
    private static final Pattern CONFIGURATION_SET = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** What the intake function needs, with the key that signs confirmation links. */
    public static Config forIntake(Map<String, String> env) {
        String table = required(env, "TABLE_NAME");
        String region = required(env, "AWS_REGION");
        String key = required(env, "CONFIRMATION_KEY");
        if (key.length() < ConfirmationToken.MIN_KEY_LENGTH) {
            throw new ConfigException("CONFIRMATION_KEY must be at least " + ConfirmationToken.MIN_KEY_LENGTH + " characters");
        }
        return new Config(table, region, endpoint(env, "DYNAMODB_ENDPOINT"), Optional.empty(), Optional.empty(), Map.of(), Optional.of(key), Optional.empty());
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

    /** Settings may be logged; the key never is. */
    @Override
    public String toString() {
        return "Config[tableName=" + tableName + ", region=" + region + ", dynamoDbEndpoint=" + dynamoDbEndpoint
                + ", sesEndpoint=" + sesEndpoint + ", senderAddress=" + senderAddress + ", staffMailboxes=" + staffMailboxes
                + ", confirmationKey=" + confirmationKey.map(k -> "(set)").orElse("(none)") + ", configurationSet=" + configurationSet + "]";
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
