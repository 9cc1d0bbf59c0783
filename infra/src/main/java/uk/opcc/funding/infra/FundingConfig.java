package uk.opcc.funding.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Node;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.text.EmailAddress;
import uk.opcc.funding.catalogue.StaffMailboxes;

/**
 * One deployment's settings, from CDK context ({@code cdk.json} or {@code -c key=value}). Every
 * problem is reported at once, naming the setting, before anything is synthesised.
 *
 * @param sendingDomain  the domain SES sends from, with DKIM: {@code sendingDomain}, else the sender address's domain
 * @param mailFromDomain the custom MAIL FROM (bounce) domain, a subdomain of it: {@code mailFromDomain}, else {@code mail.<sendingDomain>}
 * @param domainName     the site's own domain, or null for the CloudFront domain
 * @param certificateArn an ACM certificate in us-east-1 for {@code domainName}, or null
 * @param apiDomainName  the API's own domain (e.g. {@code api.funding.example.gov.uk}), or null: with it the
 *                       API's execute-api address is switched off and CloudFront reaches the API by this name
 * @param apiCertificateArn an ACM certificate for {@code apiDomainName} in the stacks' region (API Gateway's), or null
 * @param catalogue      the catalogue the site was baked with ({@code catalogue.json}): the funds
 *                       {@code staffMailboxes} must fit, and the panel rounds to schedule packs for
 */
public record FundingConfig(
        String environment,
        String senderAddress,
        String sendingDomain,
        String mailFromDomain,
        String staffMailboxes,
        String alarmEmail,
        String domainName,
        String certificateArn,
        String apiDomainName,
        String apiCertificateArn,
        Path lambdaJar,
        Path siteFolder,
        Catalogue catalogue) {

    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,40}");

    public static FundingConfig from(Node node) {
        List<String> problems = new ArrayList<>();
        String environment = required(node, "environment", problems);
        if (!ENVIRONMENT.matcher(environment).matches()) {
            // It names the stacks and the SES configuration set, whose names allow no more.
            problems.add("environment " + environment + " must be letters, digits and hyphens, starting with a letter");
        }
        String sender = required(node, "senderAddress", problems);
        String sendingDomain = Optional.ofNullable(optional(node, "sendingDomain"))
                .orElse(sender.substring(sender.indexOf('@') + 1)).toLowerCase(Locale.ROOT);
        String mailFrom = Optional.ofNullable(optional(node, "mailFromDomain")).orElse("mail." + sendingDomain).toLowerCase(Locale.ROOT);
        String senderDomain = sender.substring(sender.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        boolean senderSet = optional(node, "senderAddress") != null;
        if (senderSet && (!sender.contains("@") || !DOMAIN.matcher(sendingDomain).matches())) {
            problems.add("senderAddress " + sender + " (or sendingDomain) gives no domain to send from");
        } else if (senderSet && !senderDomain.equals(sendingDomain) && !senderDomain.endsWith("." + sendingDomain)) {
            // A domain identity lets SES send from addresses at the domain and its subdomains, no others.
            problems.add("senderAddress " + sender + " is not at sendingDomain " + sendingDomain);
        }
        // SES's rules for a MAIL FROM domain: a subdomain of the identity, and not one that sends (From) or receives mail.
        if (!DOMAIN.matcher(mailFrom).matches() || !mailFrom.endsWith("." + sendingDomain) || mailFrom.equals(senderDomain)) {
            problems.add("mailFromDomain " + mailFrom + " must be a subdomain of " + sendingDomain + " that no address sends from");
        }
        String mailboxes = required(node, "staffMailboxes", problems);
        String alarmEmail = required(node, "alarmEmail", problems);
        for (String key : List.of("senderAddress", "alarmEmail")) {
            String address = optional(node, key);
            if (address != null && !EmailAddress.isPlausible(address)) {
                problems.add(key + " " + address + " is not an email address");
            }
        }
        String domain = optional(node, "domainName");
        String certificate = optional(node, "certificateArn");
        if ((domain == null) != (certificate == null)) {
            problems.add("domainName and certificateArn go together: set both or neither");
        }
        if (certificate != null && !certificate.startsWith("arn:aws:acm:us-east-1:")) {
            problems.add("certificateArn must be an ACM certificate in us-east-1 (CloudFront's region)");
        }
        String apiDomain = optional(node, "apiDomainName");
        String apiCertificate = optional(node, "apiCertificateArn");
        if ((apiDomain == null) != (apiCertificate == null)) {
            problems.add("apiDomainName and apiCertificateArn go together: set both or neither");
        }
        if (apiDomain != null && !DOMAIN.matcher(apiDomain.toLowerCase(Locale.ROOT)).matches()) {
            problems.add("apiDomainName " + apiDomain + " is not a domain name");
        }
        if (apiCertificate != null && !apiCertificate.startsWith("arn:aws:acm:")) {
            problems.add("apiCertificateArn must be an ACM certificate ARN (arn:aws:acm:<the stacks' region>:...)");
        }
        Path jar = Path.of(required(node, "lambdaJar", problems));
        Path site = Path.of(required(node, "siteFolder", problems));
        if (!Files.isRegularFile(jar)) {
            problems.add("lambdaJar " + jar + " does not exist: run mvn install at the top first");
        }
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            problems.add("siteFolder " + site + " has no baked site: run mvn install at the top first");
        }
        Catalogue catalogue = bakedCatalogue(site, problems);
        if (catalogue != null && optional(node, "staffMailboxes") != null) {
            // The functions check the same at start-up; here it stops the deploy instead of the first email.
            problems.addAll(StaffMailboxes.problems(mailboxes, catalogue));
        }
        if (catalogue != null && domain == null && catalogue.funds().stream().anyMatch(f -> f.acceptsApplications() && f.endorsement().isPresent())) {
            problems.add("domainName is not set, and a fund asks for endorsement: each endorser is emailed a link to the site's own domain");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The deployment's settings have problems:\n  - " + String.join("\n  - ", problems));
        }
        return new FundingConfig(environment, sender, sendingDomain, mailFrom, mailboxes, alarmEmail, domain, certificate,
                apiDomain == null ? null : apiDomain.toLowerCase(Locale.ROOT), apiCertificate, jar, site, catalogue);
    }

    private static Catalogue bakedCatalogue(Path site, List<String> problems) {
        Path json = site.resolve("catalogue.json");
        if (!Files.isRegularFile(json)) {
            problems.add("siteFolder " + site + " has no catalogue.json: run mvn install at the top first");
            return null;
        }
        try {
            return CatalogueJson.read(Files.readString(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + json, e);
        }
    }

    private static String required(Node node, String key, List<String> problems) {
        String value = optional(node, key);
        if (value == null) {
            problems.add(key + " is not set (cdk.json context, or -c " + key + "=...)");
            return "missing";
        }
        return value;
    }

    private static String optional(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
