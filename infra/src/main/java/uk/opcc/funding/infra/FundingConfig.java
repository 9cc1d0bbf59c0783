package uk.opcc.funding.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Node;

/**
 * One deployment's settings, from CDK context ({@code cdk.json} or {@code -c key=value}). Every
 * problem is reported at once, naming the setting, before anything is synthesised.
 *
 * @param domainName     the site's own domain, or null for the CloudFront domain
 * @param certificateArn an ACM certificate in us-east-1 for {@code domainName}, or null
 */
public record FundingConfig(
        String environment,
        String senderAddress,
        String staffMailboxes,
        String alarmEmail,
        String domainName,
        String certificateArn,
        Path lambdaJar,
        Path siteFolder) {

    public static FundingConfig from(Node node) {
        List<String> problems = new ArrayList<>();
        String environment = required(node, "environment", problems);
        String sender = required(node, "senderAddress", problems);
        String mailboxes = required(node, "staffMailboxes", problems);
        String alarmEmail = required(node, "alarmEmail", problems);
        String domain = optional(node, "domainName");
        String certificate = optional(node, "certificateArn");
        if ((domain == null) != (certificate == null)) {
            problems.add("domainName and certificateArn go together: set both or neither");
        }
        if (certificate != null && !certificate.startsWith("arn:aws:acm:us-east-1:")) {
            problems.add("certificateArn must be an ACM certificate in us-east-1 (CloudFront's region)");
        }
        Path jar = Path.of(required(node, "lambdaJar", problems));
        Path site = Path.of(required(node, "siteFolder", problems));
        if (!Files.isRegularFile(jar)) {
            problems.add("lambdaJar " + jar + " does not exist: run mvn install at the top first");
        }
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            problems.add("siteFolder " + site + " has no baked site: run mvn install at the top first");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The deployment's settings have problems:\n  - " + String.join("\n  - ", problems));
        }
        return new FundingConfig(environment, sender, mailboxes, alarmEmail, domain, certificate, jar, site);
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
