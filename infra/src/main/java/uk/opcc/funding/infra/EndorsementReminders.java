package uk.opcc.funding.infra;

import java.util.List;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;
import uk.opcc.funding.function.storage.ApplicationTable;

/**
 * What the endorsement reminders' function may do, and when it runs: every hour, by an
 * EventBridge Scheduler schedule (README "The officer's support"). Each run reads the rounds that
 * can still hold a waiting step, sends each waiting endorser's one reminder when it is due and
 * marks expired steps, telling staff and the applicant; every later run is the retry of an email
 * that failed.
 */
final class EndorsementReminders extends Construct {
    static final String EVERY_HOUR = "rate(1 hour)";

    EndorsementReminders(Construct scope, String id, Function function, Table table, Mail mail) {
        super(scope, id);
        // A round's applications by the round index; each step and its emails on APP#; the day's cap on MAILCAP#.
        function.addToRolePolicy(IntakeStack.queryIndex(table, DataStack.ROUND_INDEX));
        function.addToRolePolicy(IntakeStack.onItems(table, List.of("dynamodb:UpdateItem", "dynamodb:GetItem"),
                ApplicationTable.APPLICATION_PREFIX, ApplicationTable.MAIL_CAP_PREFIX));
        mail.allowSending(function, "ses:SendEmail");

        Role scheduler = SchedulerRole.invoking(this, function, "EventBridge Scheduler invoking the endorsement reminders' function");

        CfnSchedule.Builder.create(this, "EveryHour")
                .description("Endorsement reminders, once each, and expired endorsement links")
                .scheduleExpression(EVERY_HOUR)
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                .state("ENABLED")
                .target(CfnSchedule.TargetProperty.builder()
                        .arn(function.getFunctionArn())
                        .roleArn(scheduler.getRoleArn())
                        .input("{}")
                        // The next run is an hour away and is the retry: no need to retry past it.
                        .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(2).maximumEventAgeInSeconds(1800).build())
                        .build())
                .build();
    }
}
