package uk.opcc.funding.infra;

import java.util.List;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;
import uk.opcc.funding.function.storage.ApplicationTable;

/**
 * What the outcome email function may do, and when it runs: every quarter of an hour, by an
 * EventBridge Scheduler schedule. The final decisions are in the function's own package, so a
 * decision merged to main is deployed with the function and sent by the next run, within 15
 * minutes; every later run is the retry of anything not sent (one read per decision once it is
 * done). A schedule rather than a step in the deploy: the deploy role needs no right to invoke
 * anything, and an SES outage on the day fails no deploy and needs no person to run it again.
 */
final class OutcomeEmails extends Construct {
    static final String EVERY_QUARTER_HOUR = "rate(15 minutes)";

    OutcomeEmails(Construct scope, String id, Function function, Table table, Mail mail) {
        super(scope, id);
        // Records each decision on its application and claims its email (APP#), and each decision's summary (OUTCOMES#).
        function.addToRolePolicy(rights(table));
        mail.allowSending(function, "ses:SendEmail");

        Role scheduler = SchedulerRole.invoking(this, function, "EventBridge Scheduler invoking the outcome email function");

        // The next run is 15 minutes away: a failed invocation is not worth retrying past it.
        SchedulerRole.recurring(this, "Every15Minutes", function, scheduler, "Outcome emails of the final decisions deployed: each sent once",
                EVERY_QUARTER_HOUR, 600);
    }

    /** The outcome emails' rights on items, for the function and the resend: UpdateItem and GetItem on APP# and OUTCOMES# only. */
    static PolicyStatement rights(Table table) {
        return IntakeStack.onItems(table, List.of("dynamodb:UpdateItem", "dynamodb:GetItem"),
                ApplicationTable.APPLICATION_PREFIX, ApplicationTable.OUTCOMES_PREFIX);
    }
}
