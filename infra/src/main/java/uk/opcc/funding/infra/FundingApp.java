package uk.opcc.funding.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: one stack per concern. Data (the table) stays put; Intake (API, Lambdas, email,
 * alarms) and Site (bucket, CloudFront, publishing) change with every release. cdk-nag checks
 * every stack against AWS Solutions rules at synth.
 */
public final class FundingApp {
    private FundingApp() {
    }

    public static App build(App app) {
        FundingConfig config = FundingConfig.from(app.getNode());
        String prefix = "Funding-" + config.environment();
        // Account and region come from the deploying credentials (CDK_DEFAULT_*), set by the workflow's role.
        StackProps props = StackProps.builder().env(Environment.builder()
                .account(System.getenv("CDK_DEFAULT_ACCOUNT")).region(System.getenv("CDK_DEFAULT_REGION")).build()).build();
        DataStack data = new DataStack(app, prefix + "-Data", props);
        IntakeStack intake = new IntakeStack(app, prefix + "-Intake", props, config, data.applications);
        new SiteStack(app, prefix + "-Site", props, config, intake.api);
        Tags.of(app).add("service", "opcc-funding");
        Tags.of(app).add("environment", config.environment());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return app;
    }

    public static void main(String[] args) {
        build(new App()).synth();
    }
}
