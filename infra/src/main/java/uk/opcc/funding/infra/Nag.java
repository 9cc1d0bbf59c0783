package uk.opcc.funding.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions: each names the rule and says, in the code, why it does not apply. */
final class Nag {
    private Nag() {
    }

    static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id("AwsSolutions-" + rule).reason(reason).build()), true);
    }

    /** Suppresses only the named findings of a granular rule, such as {@code Resource::*}. */
    static void suppress(IConstruct construct, String rule, String appliesTo, String reason) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-" + rule).appliesTo(List.of(appliesTo)).reason(reason).build()), true);
    }
}
