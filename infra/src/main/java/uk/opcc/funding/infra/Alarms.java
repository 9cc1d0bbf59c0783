package uk.opcc.funding.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;

/**
 * The alarm topic and its alarms. A CloudWatch alarm can only notify a topic in its own region,
 * so each region with alarms (the app's, and us-east-1 for CloudFront) builds its own topic here.
 */
final class Alarms {
    static final String CLOUDWATCH = "cloudwatch.amazonaws.com";

    private Alarms() {
    }

    /**
     * An encrypted, TLS-only topic that emails {@code alarmEmail}. Any topic policy replaces SNS's
     * default one, so the TLS-only statement alone would leave CloudWatch unable to publish: the
     * policy also allows CloudWatch, but only for this account's alarms in this region.
     */
    static Topic topic(Stack stack, String alarmEmail) {
        // CloudWatch can only publish to an encrypted topic through a customer key it may use.
        Key key = Key.Builder.create(stack, "AlarmTopicKey").enableKeyRotation(true).build();
        key.grant(new ServicePrincipal(CLOUDWATCH), "kms:Decrypt", "kms:GenerateDataKey*");
        Topic topic = Topic.Builder.create(stack, "Alarms").masterKey(key).enforceSsl(true).build();
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowThisAccountsAlarms")
                .principals(List.of(new ServicePrincipal(CLOUDWATCH)))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", stack.formatArn(ArnComponents.builder()
                                .service("cloudwatch").resource("alarm").resourceName("*").arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()))))
                .build());
        topic.addSubscription(new EmailSubscription(alarmEmail));
        return topic;
    }

    /** An alarm when {@code metric} reaches {@code threshold} in each of {@code periods} periods; no data is no alarm. */
    static Alarm alarm(Stack stack, Topic topic, String id, String description, Metric metric, double threshold, int periods) {
        Alarm alarm = Alarm.Builder.create(stack, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        return alarm;
    }
}
