package uk.opcc.funding.infra;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/** The applications table: the one stateful part, kept apart so no other change can replace it. */
public final class DataStack extends Stack {
    /** The index of applications by {@code <fundId>#<panelRound>} and time received. */
    public static final String ROUND_INDEX = "byFundRound";
    /** The sparse index of applications with an email not sent, oldest first. */
    public static final String NEEDS_EMAIL_INDEX = "byNeedsEmail";
    public final Table applications;

    public DataStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        applications = Table.Builder.create(this, "Applications")
                // Same key and time-to-live attribute as the function's ApplicationTable.
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .timeToLiveAttribute("expiresAt")
                // The notifier reads new applications from the stream; it needs only the new image.
                .stream(StreamViewType.NEW_IMAGE)
                .encryption(TableEncryption.AWS_MANAGED)
                // Applications are records the OPCC must keep for their retention period: never
                // deleted with the stack.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // Same as the function's ApplicationTable.ROUND_INDEX: a fund's panel round in one query.
        // Every attribute is projected because the pack lists every answer; applications are small.
        applications.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(ROUND_INDEX)
                .partitionKey(Attribute.builder().name("fundRound").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("receivedAt").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());
        // Same as the function's ApplicationTable.NEEDS_EMAIL_INDEX and NEEDS_EMAIL_PROJECTION: sparse, because needsEmail is
        // removed once both emails are sent, so it holds only what the resend must find; it carries
        // the email states for the listing and nothing of the answers.
        applications.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(NEEDS_EMAIL_INDEX)
                .partitionKey(Attribute.builder().name("needsEmail").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("receivedAt").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(List.of("reference",
                        "staffEmail", "staffEmailLeaseUntil", "staffEmailAttempts", "staffEmailError",
                        "applicantEmail", "applicantEmailLeaseUntil", "applicantEmailAttempts", "applicantEmailError"))
                .build());
    }
}
