package uk.opcc.funding.infra;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * CloudFront's alarms. CloudFront publishes its metrics only in us-east-1, and an alarm must be
 * in its metric's region and notify a topic in that region: so this small stack lives in
 * us-east-1 with its own topic (same email, its own subscription to confirm), and reads the
 * distribution's id from the site stack through CDK's cross-region references (an SSM parameter
 * the site stack writes into us-east-1).
 */
public final class EdgeAlarmsStack extends Stack {
    public static final String REGION = "us-east-1";

    public EdgeAlarmsStack(Construct scope, String id, StackProps props, FundingConfig config, Distribution distribution) {
        super(scope, id, props);
        Topic topic = Alarms.topic(this, config.alarmEmail());
        // A static site should never answer 5xx; the rate over five minutes, twice running, so one
        // failed request among a handful does not wake anyone.
        Alarms.alarm(this, topic, "SiteServerErrors",
                "More than 5% of CloudFront's answers were 5xx for 10 minutes: the site or the intake behind /api/* is failing.",
                // Built by hand: CDK's distribution.metric5xxErrorRate() leaves out the Region=Global
                // dimension every CloudFront metric carries, so its alarm would never see a data point.
                Metric.Builder.create().namespace("AWS/CloudFront").metricName("5xxErrorRate")
                        .dimensionsMap(Map.of("DistributionId", distribution.getDistributionId(), "Region", "Global"))
                        .region(REGION).period(Duration.minutes(5)).statistic("Average").build(), 5, 2);
    }
}
