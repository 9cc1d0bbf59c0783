package uk.opcc.funding.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;

/** The role an EventBridge Scheduler schedule runs as: it may invoke one function and nothing else, and only for this account. */
final class SchedulerRole {
    private SchedulerRole() {
    }

    /** Created in {@code scope} as {@code SchedulerRole}, so each schedule owner's role keeps its own logical id. */
    static Role invoking(Construct scope, Function function, String description) {
        Role role = Role.Builder.create(scope, "SchedulerRole")
                .assumedBy(ServicePrincipal.Builder.create("scheduler.amazonaws.com")
                        .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(scope).getAccount()))).build())
                .description(description)
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("lambda:InvokeFunction")).resources(List.of(function.getFunctionArn())).build());
        return role;
    }

    /**
     * A schedule in {@code scope} as {@code id} that invokes {@code function} with {@code {}} at
     * {@code expression}, as this role; an invocation that failed is retried twice, and not once it
     * is {@code maxAgeSeconds} old (the next run is the retry after that).
     */
    static void recurring(Construct scope, String id, Function function, Role role, String description, String expression, int maxAgeSeconds) {
        CfnSchedule.Builder.create(scope, id)
                .description(description)
                .scheduleExpression(expression)
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                .state("ENABLED")
                .target(CfnSchedule.TargetProperty.builder()
                        .arn(function.getFunctionArn())
                        .roleArn(role.getRoleArn())
                        .input("{}")
                        .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(2).maximumEventAgeInSeconds(maxAgeSeconds).build())
                        .build())
                .build();
    }
}
