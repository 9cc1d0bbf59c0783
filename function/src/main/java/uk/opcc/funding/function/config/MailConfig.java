package uk.opcc.funding.function.config;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.text.EmailAddress;
import uk.opcc.funding.catalogue.StaffMailboxes;

/**
 * The settings of the functions that send email (the notifier, the resend of failed emails and the
 * panel pack), which the stack gives all three alike; read once at start-up from the environment.
 *
 * <ul>
 *   <li>{@code TABLE_NAME}: the DynamoDB table</li>
 *   <li>{@code AWS_REGION}: set by Lambda</li>
 *   <li>{@code SENDER_ADDRESS}: the verified SES address every email comes from</li>
 *   <li>{@code STAFF_MAILBOXES}: {@code fund-id=address,...}, one for every fund taking applications</li>
 *   <li>{@code SES_CONFIGURATION_SET}: optional; the SES configuration set every email is sent through
 *       (TLS required, bounce and complaint events), set by the CDK app; absent locally</li>
 *   <li>{@code DYNAMODB_ENDPOINT}, {@code SES_ENDPOINT}: only for local runs and tests</li>
 * </ul>
 */
public record MailConfig(
        String tableName,
        String region,
        Optional<URI> dynamoDbEndpoint,
        Optional<URI> sesEndpoint,
        String senderAddress,
        Map<String, String> staffMailboxes,
        Optional<String> configurationSet) {

    /** SES's rule for a configuration set's name: letters, digits, hyphens and underscores, at most 64. */
    private static final Pattern CONFIGURATION_SET = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public MailConfig {
        staffMailboxes = Map.copyOf(staffMailboxes);
    }

    /** The settings, checked against the catalogue: a mailbox for every fund taking applications. */
    public static MailConfig from(Map<String, String> env, Catalogue catalogue) {
        String sender = Settings.required(env, "SENDER_ADDRESS");
        if (!EmailAddress.isPlausible(sender)) {
            throw new ConfigException("SENDER_ADDRESS is not an email address: " + sender);
        }
        Map<String, String> mailboxes = mailboxes(Settings.required(env, "STAFF_MAILBOXES"), catalogue);
        return new MailConfig(Settings.required(env, "TABLE_NAME"), Settings.required(env, "AWS_REGION"),
                Settings.endpoint(env, "DYNAMODB_ENDPOINT"), Settings.endpoint(env, "SES_ENDPOINT"), sender, mailboxes,
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

}
