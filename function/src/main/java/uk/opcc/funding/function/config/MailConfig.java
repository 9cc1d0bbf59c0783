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
 *   <li>{@code SITE_ADDRESS}: the public site's address ({@code https://...}), which an endorser's link
 *       starts with; needed only when a fund taking applications asks for endorsement</li>
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
        Optional<String> configurationSet,
        Optional<String> siteAddress) {

    public MailConfig(String tableName, String region, Optional<URI> dynamoDbEndpoint, Optional<URI> sesEndpoint, String senderAddress,
            Map<String, String> staffMailboxes, Optional<String> configurationSet) {
        this(tableName, region, dynamoDbEndpoint, sesEndpoint, senderAddress, staffMailboxes, configurationSet, Optional.empty());
    }

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
                configurationSet(env), siteAddress(env, catalogue));
    }

    /** Required once a fund taking applications asks for endorsement: its links must point somewhere real. */
    private static Optional<String> siteAddress(Map<String, String> env, Catalogue catalogue) {
        String value = env.get("SITE_ADDRESS");
        boolean needed = catalogue.funds().stream().anyMatch(f -> f.acceptsApplications() && f.endorsement().isPresent());
        if (value == null || value.isBlank()) {
            if (needed) {
                throw new ConfigException("SITE_ADDRESS is not set: a fund asks for endorsement, and each endorser's link starts with it");
            }
            return Optional.empty();
        }
        String address = value.strip().replaceAll("/+$", "");
        if (!address.matches("https://[A-Za-z0-9.-]+(:[0-9]+)?") && !address.matches("http://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?")) {
            throw new ConfigException("SITE_ADDRESS must be the site's https:// address, like https://funding.example.gov.uk: " + value);
        }
        return Optional.of(address);
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
