package uk.opcc.funding.infra;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;
import uk.opcc.funding.catalogue.Catalogue;

/**
 * What the panel pack function may do, and when it runs: an EventBridge Scheduler one-time
 * schedule per fund round still ahead (the funds' calendars and calls' own panels in the
 * catalogue the site was baked with), each invoking the function with its fund and round.
 */
final class PanelPacks extends Construct {
    /** After the deadline, so an application received just before it has reached the index. */
    static final Duration AFTER_DEADLINE = Duration.ofMinutes(5);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    PanelPacks(Construct scope, String id, Function function, ITable table, String roundIndex, Mail mail,
            Catalogue catalogue, Instant synthesisedAt) {
        super(scope, id);
        // Reads only its round's applications (through the index) and writes only PACK# items.
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:Query"))
                .resources(List.of(table.getTableArn() + "/index/" + roundIndex)).build());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:UpdateItem"))
                .resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("PACK#*")))).build());
        // SES v2 SendEmail with raw content is authorised as SendRawEmail by some accounts' policies: grant both, on the one identity and set.
        mail.allowSending(function, "ses:SendEmail", "ses:SendRawEmail");

        Role scheduler = SchedulerRole.invoking(this, function, "EventBridge Scheduler invoking the panel pack function");

        for (Catalogue.FundRound round : catalogue.packRounds()) {
            var at = round.round().deadline().withZoneSameInstant(Catalogue.UK).plus(AFTER_DEADLINE);
            // A round already past gets no schedule: one in the past would never fire, and the deploy after a pack removes its schedule.
            if (!at.toInstant().isAfter(synthesisedAt)) {
                continue;
            }
            String fund = round.fund().id();
            String roundId = round.round().id();
            CfnSchedule.Builder.create(this, "Pack-" + fund + "-" + roundId)
                    .description("Panel pack: " + fund + " round " + roundId)
                    .scheduleExpression("at(" + AT.format(at.toLocalDateTime()) + ")")
                    .scheduleExpressionTimezone(Catalogue.UK.getId())
                    .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                    .state("ENABLED")
                    .target(CfnSchedule.TargetProperty.builder()
                            .arn(function.getFunctionArn())
                            .roleArn(scheduler.getRoleArn())
                            .input("{\"fundId\":\"" + fund + "\",\"roundId\":\"" + roundId + "\"}")
                            // Invoking can fail for a while (throttling); the pack itself is retried by Lambda.
                            .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(10).maximumEventAgeInSeconds(86400).build())
                            .build())
                    .build();
        }
    }
}
