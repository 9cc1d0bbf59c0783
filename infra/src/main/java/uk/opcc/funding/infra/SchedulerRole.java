package uk.opcc.funding.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Function;
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
}
