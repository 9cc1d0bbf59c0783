package uk.opcc.funding.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.catalogue.CatalogueJson;
import uk.opcc.funding.catalogue.Fund;

/** Synthesises the app once per settings, with the Lambda jar and baked site the build made. */
final class Synth {
    static final String SITE = "../site/target/site";
    /** The catalogue the site was baked with, whichever funder's it is: the tests name no fund. */
    static final Catalogue CATALOGUE = bakedCatalogue();
    /** The funds a staff mailbox is needed for, in catalogue order. */
    static final List<String> EMAILED_FUNDS = CATALOGUE.funds().stream()
            .filter(fund -> fund.acceptsApplications() && CATALOGUE.formFor(fund.id()).isPresent())
            .map(Fund::id).toList();
    /** One made-up mailbox per fund taking applications, as a deployment's cdk.json gives them. */
    static final String MAILBOXES = mailboxes(EMAILED_FUNDS);

    static final Map<String, Object> CONTEXT = context();

    private static Map<String, Object> context() {
        Map<String, Object> context = new HashMap<>(Map.of(
                "environment", "test",
                "senderAddress", "funding@example.gov.uk",
                "staffMailboxes", MAILBOXES,
                "alarmEmail", "alarms@example.gov.uk",
                "lambdaJar", "../function/target/function-0.1.0-SNAPSHOT-lambda.jar",
                "siteFolder", SITE,
                // Panel rounds whose deadline is before this get no schedule; fixed, so the templates are too.
                "panelPacksFrom", "2026-11-30T12:00:00Z"));
        if (CATALOGUE.funds().stream().anyMatch(f -> f.acceptsApplications() && f.endorsement().isPresent())) {
            // A funder whose funds ask for endorsement deploys with its site's own domain, which every endorser's link is at.
            context.put("domainName", "funding.example.gov.uk");
            context.put("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc");
        }
        return Map.copyOf(context);
    }

    final App app;
    final long millis;
    private static Synth standard;

    /** The app with the default test settings, synthesised once for every test class that reads it. */
    static synchronized Synth standard() {
        if (standard == null) {
            standard = new Synth(Map.of());
        }
        return standard;
    }

    Synth(Map<String, Object> extra) {
        Map<String, Object> context = new HashMap<>(CONTEXT);
        context.putAll(extra);
        long started = System.nanoTime();
        app = FundingApp.build(App.Builder.create().context(context).build());
        app.synth();
        millis = (System.nanoTime() - started) / 1_000_000;
    }

    /** {@code fund=fund@example.gov.uk,...} for the funds given. */
    static String mailboxes(List<String> funds) {
        return funds.stream().map(fund -> fund + "=" + fund + "@example.gov.uk").collect(Collectors.joining(","));
    }

    private static Catalogue bakedCatalogue() {
        try {
            return CatalogueJson.read(Files.readString(Path.of(SITE, "catalogue.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("run mvn install at the top first: the tests read the baked site", e);
        }
    }

    Stack stack(String concern) {
        return (Stack) app.getNode().findChild("Funding-test-" + concern);
    }

    Template template(String concern) {
        return Template.fromStack(stack(concern));
    }
}
