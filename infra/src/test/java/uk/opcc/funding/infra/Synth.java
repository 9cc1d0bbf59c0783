package uk.opcc.funding.infra;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** Synthesises the app once per settings, with the Lambda jar and baked site the build made. */
final class Synth {
    static final Map<String, Object> CONTEXT = Map.of(
            "environment", "test",
            "senderAddress", "funding@example.gov.uk",
            "staffMailboxes", "property-fund=grants@example.gov.uk,victims-services-fund=victims@example.gov.uk",
            "alarmEmail", "alarms@example.gov.uk",
            "lambdaJar", "../function/target/function-0.1.0-SNAPSHOT-lambda.jar",
            "siteFolder", "../site/target/site",
            // Panel rounds whose deadline is before this get no schedule; fixed, so the templates are too.
            "panelPacksFrom", "2026-11-30T12:00:00Z");

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

    Stack stack(String concern) {
        return (Stack) app.getNode().findChild("Funding-test-" + concern);
    }

    Template template(String concern) {
        return Template.fromStack(stack(concern));
    }
}
