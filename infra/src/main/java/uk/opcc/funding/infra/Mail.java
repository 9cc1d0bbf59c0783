package uk.opcc.funding.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.ses.CloudWatchDimension;
import software.amazon.awscdk.services.ses.CloudWatchDimensionSource;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.ConfigurationSetTlsPolicy;
import software.amazon.awscdk.services.ses.DkimIdentity;
import software.amazon.awscdk.services.ses.DkimRecord;
import software.amazon.awscdk.services.ses.EasyDkimSigningKeyLength;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.ses.MailFromBehaviorOnMxFailure;
import software.amazon.awscdk.services.ses.SuppressionReasons;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * Mail that is delivered: a domain identity signed with Easy DKIM and a custom MAIL FROM, so staff
 * mail to the OPCC's own domain passes DMARC; a configuration set every email goes through, which
 * requires TLS, suppresses addresses that bounce or complain, and publishes those events to
 * CloudWatch, where alarms watch them. The DNS records the OPCC adds are in the README.
 */
final class Mail extends Construct {
    /** SES tags every email with its configuration set: the one dimension, so one metric per event type. */
    static final String SET_DIMENSION = "ses:configuration-set";
    /** Below SES's review thresholds (5% bounces, 0.1% complaints), so someone hears before a review or a pause. */
    static final double BOUNCE_RATE_ALARM = 0.04;
    static final double COMPLAINT_RATE_ALARM = 0.0008;

    final EmailIdentity identity;
    final ConfigurationSet configurationSet;

    Mail(Construct scope, String id, FundingConfig config) {
        super(scope, id);
        configurationSet = ConfigurationSet.Builder.create(this, "ConfigurationSet")
                .configurationSetName("Funding-" + config.environment() + "-mail")
                // Applications carry personal data: never hand an email to a server that cannot take it over TLS.
                .tlsPolicy(ConfigurationSetTlsPolicy.REQUIRE)
                .reputationMetrics(true)
                .sendingEnabled(true)
                // Set here rather than relying on the account's setting: an address that hard-bounced or
                // complained is not mailed again (SES reports it as a bounce), which protects the account's
                // reputation; the alarms below say so, and the suppression list names the address.
                .suppressionReasons(SuppressionReasons.BOUNCES_AND_COMPLAINTS)
                .build();
        configurationSet.addEventDestination("CloudWatch", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.cloudWatchDimensions(List.of(CloudWatchDimension.builder()
                        .name(SET_DIMENSION).source(CloudWatchDimensionSource.MESSAGE_TAG)
                        .defaultValue(configurationSet.getConfigurationSetName()).build())))
                // Counts only, no addresses: the alarms need no more, and CloudWatch then holds no personal data.
                // A delivery delay or a reject (a virus found) is published for diagnosis, not alarmed.
                .events(List.of(EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT,
                        EmailSendingEvent.DELIVERY_DELAY))
                .build());

        identity = EmailIdentity.Builder.create(this, "Identity")
                // Not Identity.publicHostedZone: the OPCC's DNS is not a zone in this account, so the records are added by hand.
                .identity(Identity.domain(config.sendingDomain()))
                .dkimSigning(true)
                .dkimIdentity(DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT))
                .mailFromDomain(config.mailFromDomain())
                // If the MAIL FROM's MX record is missing or broken, send with SES's own MAIL FROM rather than
                // refuse: the DKIM signature (d=the sending domain) still aligns for DMARC, and an email
                // refused here is an application staff do not hear about until the resend.
                .mailFromBehaviorOnMxFailure(MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE)
                // The default for email from this identity, so even a send that names no set goes through it.
                .configurationSet(configurationSet)
                .build();

        // The three CNAMEs, as the deploy prints them: what the OPCC adds to its DNS (README, "Mail that is delivered").
        List<DkimRecord> dkim = identity.getDkimRecords();
        for (int i = 0; i < dkim.size(); i++) {
            CfnOutput.Builder.create(Stack.of(this), "DkimCname" + (i + 1)).value(dkim.get(i).getName() + " CNAME " + dkim.get(i).getValue())
                    .description("DKIM record " + (i + 1) + " of " + dkim.size() + " for the sending domain's DNS").build();
        }
    }

    /** The name functions pass as SES_CONFIGURATION_SET. */
    String configurationSetName() {
        return configurationSet.getConfigurationSetName();
    }

    /** Send from the one identity through the one configuration set: SES authorises a send against both. */
    void allowSending(Function function, String... actions) {
        Stack stack = Stack.of(this);
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of(actions))
                .resources(List.of(
                        stack.formatArn(ArnComponents.builder().service("ses").resource("identity")
                                .resourceName(identity.getEmailIdentityName()).build()),
                        stack.formatArn(ArnComponents.builder().service("ses").resource("configuration-set")
                                .resourceName(configurationSetName()).build())))
                .build());
    }

    /** Bounces and complaints of this deployment's email, and the account's reputation SES judges it by. */
    void alarms(Stack stack, Topic topic) {
        Map<String, String> thisSet = Map.of(SET_DIMENSION, configurationSetName());
        Alarms.alarm(stack, topic, "EmailBounced",
                "An email bounced (an address that does not exist or refused it): staff or an applicant did not get it.",
                sesMetric("Bounce", thisSet, Duration.minutes(5), "Sum"), 1, 1);
        Alarms.alarm(stack, topic, "EmailComplaint", "A recipient marked one of our emails as spam.",
                sesMetric("Complaint", thisSet, Duration.minutes(5), "Sum"), 1, 1);
        // Account-wide rates over SES's representative volume, published without dimensions.
        Alarms.alarm(stack, topic, "SesBounceRateHigh",
                "The account's bounce rate is near SES's review threshold (5%); at 10% SES may pause all sending.",
                sesMetric("Reputation.BounceRate", Map.of(), Duration.hours(1), "Maximum"), BOUNCE_RATE_ALARM, 1);
        Alarms.alarm(stack, topic, "SesComplaintRateHigh",
                "The account's complaint rate is near SES's review threshold (0.1%); at 0.5% SES may pause all sending.",
                sesMetric("Reputation.ComplaintRate", Map.of(), Duration.hours(1), "Maximum"), COMPLAINT_RATE_ALARM, 1);
    }

    private static Metric sesMetric(String name, Map<String, String> dimensions, Duration period, String statistic) {
        return Metric.Builder.create().namespace("AWS/SES").metricName(name).dimensionsMap(dimensions)
                .period(period).statistic(statistic).build();
    }
}
