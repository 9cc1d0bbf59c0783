package uk.opcc.funding.infra;

import java.util.List;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
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

        // The next run is an hour away and is the retry: no need to retry past it.
        SchedulerRole.recurring(this, "EveryHour", function, scheduler, "Endorsement reminders, once each, and expired endorsement links",
                EVERY_HOUR, 1800);
    }
}
