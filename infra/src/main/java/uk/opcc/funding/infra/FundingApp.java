package uk.opcc.funding.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.Optional;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: one stack per concern. Data (the table) stays put; Intake (API, Lambdas, email,
 * alarms) and Site (bucket, CloudFront, publishing) change with every release; EdgeAlarms holds
 * CloudFront's alarms in us-east-1, the only region with CloudFront's metrics, and EdgeFirewall
 * CloudFront's web ACL there (deployed before Site, which names it). cdk-nag checks
 * every stack against AWS Solutions rules at synth.
 */
public final class FundingApp {
    static final String DEFAULT_REGION = "eu-west-2";

    private FundingApp() {
    }

    public static App build(App app) {
        FundingConfig config = FundingConfig.from(app.getNode());
        String prefix = "Funding-" + config.environment();
        // Account and region come from the deploying credentials (CDK_DEFAULT_*), set by the workflow's role.
        // The region must be known at synth for the cross-region reference to the CloudFront alarms'
        // stack: without credentials (tests, a synth on a laptop) it is London's.
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = Optional.ofNullable(System.getenv("CDK_DEFAULT_REGION")).filter(r -> !r.isBlank()).orElse(DEFAULT_REGION);
        StackProps props = StackProps.builder().env(Environment.builder().account(account).region(region).build())
                .crossRegionReferences(true).build();
        DataStack data = new DataStack(app, prefix + "-Data", props);
        IntakeStack intake = new IntakeStack(app, prefix + "-Intake", props, config, data.applications);
        // WAF for CloudFront lives in us-east-1 and must exist before the distribution names it.
        EdgeFirewallStack firewall = new EdgeFirewallStack(app, prefix + "-EdgeFirewall", StackProps.builder()
                .env(Environment.builder().account(account).region(EdgeFirewallStack.REGION).build())
                .crossRegionReferences(true).build(), config);
        SiteStack site = new SiteStack(app, prefix + "-Site", props, config, intake.apiOrigin, firewall.webAcl.getAttrArn());
        new EdgeAlarmsStack(app, prefix + "-EdgeAlarms", StackProps.builder()
                .env(Environment.builder().account(account).region(EdgeAlarmsStack.REGION).build())
                .crossRegionReferences(true).build(), config, site.distribution);
        Tags.of(app).add("service", "opcc-funding");
        Tags.of(app).add("environment", config.environment());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return app;
    }

    public static void main(String[] args) {
        build(new App()).synth();
    }
}
