package uk.opcc.funding.infra;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.MetricType;
import software.amazon.awscdk.services.lambda.MetricsConfig;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;
import uk.opcc.funding.function.storage.ApplicationTable;

/**
 * Application intake: the HTTP API and intake Lambda that store applications, the notifier
 * Lambda the table's stream feeds, the panel pack Lambda and its schedules, the SES sending
 * identity, the failed-records bucket, and the alarms that tell the OPCC when any of it needs a person.
 */
public final class IntakeStack extends Stack {
    static final int FAILED_RECORD_DAYS = 14;
    public final HttpApi api;
    /** How CloudFront reaches the API and proves it is CloudFront. */
    public final SiteStack.ApiOrigin apiOrigin;
    public final Function intake;
    public final Function notifier;
    public final Function panelPack;
    /** The published versions, with SnapStart, that the API and the stream invoke: never $LATEST. */
    public final Alias intakeLive;
    public final Alias notifierLive;
    public final Bucket failedRecords;
    public final Topic alarms;
    /** The SES domain identity and configuration set every email goes through. */
    final Mail mail;
    /** Resends every email not sent: see the README's "Failed emails". */
    public final Function resender;
    /** An endorser's pages: see the README's "The officer's support". */
    public final Function endorsements;
    /** Every hour: endorsement reminders, once each, and expired endorsement links. */
    public final Function endorsementReminders;
    /** Sends the outcome emails of the final decisions deployed, every quarter of an hour: see the README's "Recording a decision". */
    public final Function outcomeEmails;

    public IntakeStack(Construct scope, String id, StackProps props, FundingConfig config, Table table) {
        super(scope, id, props);
        Code jar = Code.fromAsset(config.lambdaJar().toString());

        // Signs the confirmation links the intake gives applicants. The intake reads it from Secrets
        // Manager itself (after SnapStart's restore, never into a snapshot); only its ARN is in the
        // function's settings, so the value is in no template, environment or snapshot.
        Secret confirmationKey = Secret.Builder.create(this, "ConfirmationKey")
                .description("Signs applicants' confirmation links (HMAC-SHA256); read by the intake at start-up")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(64).excludePunctuation(true).build())
                .build();
        Nag.suppress(confirmationKey, "SMG4", "The key only signs confirmation links that expire within an hour; "
                + "rotating it means a redeploy, which leaves at most an hour of links unreadable, with no rotation Lambda to run.");
        intake = javaFunction("Intake", "uk.opcc.funding.function.IntakeHandler::handleRequest", jar,
                // 1 GB buys the CPU a Java cold start needs; a submission is well under a second.
                1024, Duration.seconds(10), Map.of("TABLE_NAME", table.getTableName(),
                        "CONFIRMATION_KEY_SECRET", confirmationKey.getSecretArn()));
        confirmationKey.grantRead(intake);
        // Stores an application with its replay record in one conditional transaction, reads an
        // earlier submission back for replays, and counts duplicates on DUP# items in the same
        // transaction: only on those kinds of item.
        intake.addToRolePolicy(onItems(table, List.of("dynamodb:PutItem", "dynamodb:ConditionCheckItem", "dynamodb:GetItem"),
                ApplicationTable.APPLICATION_PREFIX, ApplicationTable.IDEMPOTENCY_PREFIX));
        intake.addToRolePolicy(onItems(table, List.of("dynamodb:UpdateItem"), ApplicationTable.DUPLICATE_PREFIX));

        mail = new Mail(this, "Mail", config);
        // Every function that sends email sends through the one configuration set.
        Map<String, String> mailSettings = new java.util.LinkedHashMap<>(Map.of(
                "TABLE_NAME", table.getTableName(),
                "SENDER_ADDRESS", config.senderAddress(),
                "STAFF_MAILBOXES", config.staffMailboxes(),
                "SES_CONFIGURATION_SET", mail.configurationSetName()));
        if (config.domainName() != null) {
            // Where an endorser's link goes: the site's own domain (FundingConfig requires one for a fund asking for endorsement).
            mailSettings.put("SITE_ADDRESS", "https://" + config.domainName());
        }
        notifier = javaFunction("Notifier", "uk.opcc.funding.function.NotifierHandler::handleRequest", jar,
                // Sends one email per record; half the intake's memory is plenty, 30 s covers SES retries.
                512, Duration.seconds(30), mailSettings);
        // The staff email's duplicate check reads DUP# items by key (emailRights): no query on any index.
        emailRights(notifier, table);
        intakeLive = live(intake);
        notifierLive = live(notifier);

        mail.allowSending(notifier, "ses:SendEmail");

        // Run by a person after an SES outage (README "Failed emails"): the notifier's settings and
        // rights, and a query on the needs-email index, which finds every email not sent.
        resender = javaFunction("EmailResender", "uk.opcc.funding.function.ResendHandler::handleRequest", jar,
                512, Duration.minutes(5), mailSettings);
        emailRights(resender, table);
        resender.addToRolePolicy(queryIndex(table, DataStack.NEEDS_EMAIL_INDEX));
        // and the outcome emails left, as the outcome function sends them: its APP# rights are the ones above, and the decisions' summaries
        resender.addToRolePolicy(onItems(table, List.of("dynamodb:UpdateItem", "dynamodb:GetItem"), ApplicationTable.OUTCOMES_PREFIX));
        mail.allowSending(resender, "ses:SendEmail");
        CfnOutput.Builder.create(this, "EmailResenderName").value(resender.getFunctionName())
                .description("aws lambda invoke --function-name <this> --payload '{}' resent.json: sends every email not sent, once").build();

        panelPack = javaFunction("PanelPack", "uk.opcc.funding.function.PanelPackHandler::handleRequest", jar,
                // One query and one email a round; the function's own timeout, which its claims' lease outlasts.
                512, Duration.seconds(uk.opcc.funding.function.PanelPackHandler.TIMEOUT_SECONDS), mailSettings);
        new PanelPacks(this, "PanelPacks", panelPack, table, DataStack.ROUND_INDEX, mail, config.catalogue(), synthesisedAt());

        outcomeEmails = javaFunction("OutcomeEmails", "uk.opcc.funding.function.OutcomeHandler::handleRequest", jar,
                // A read per decision when nothing is due; an email a second when one is. Claims' leases outlast the timeout.
                512, Duration.seconds(uk.opcc.funding.function.OutcomeHandler.TIMEOUT_SECONDS), mailSettings);
        new OutcomeEmails(this, "OutcomeSchedule", outcomeEmails, table, mail);

        failedRecords = failedRecordsBucket();
        DynamoEventSource stream = DynamoEventSource.Builder.create(table)
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(uk.opcc.funding.function.NotifierHandler.STREAM_BATCH_SIZE)
                .reportBatchItemFailures(true)
                .bisectBatchOnError(true)
                // Enough for a short SES outage; after that the whole failed record (the new
                // application's stream record, with the invocation's metadata) goes to the bucket and
                // the alarm fires. The application itself is already stored.
                .retryAttempts(uk.opcc.funding.function.NotifierHandler.STREAM_RETRY_ATTEMPTS)
                .maxRecordAge(Duration.hours(24))
                .onFailure(new OnFailureBucket(failedRecords))
                .filters(List.of(FilterCriteria.filter(newApplicationsOnly())))
                // Per-mapping counts (events filtered, invoked, sent to the on-failure destination):
                // the only metric that says a record gave up.
                .metricsConfig(MetricsConfig.builder().metrics(List.of(MetricType.EVENT_COUNT)).build())
                .build();
        notifierLive.addEventSource(stream);

        Nag.suppress(notifier, "IAM5", "Resource::*", "dynamodb:ListStreams, granted for the stream event source, cannot be limited to one table.");
        Nag.suppress(notifier, "IAM5", "Resource::<" + getLogicalId((CfnElement) failedRecords.getNode().getDefaultChild()) + ".Arn>/*",
                "The stream mapping names each failed record's object itself: the notifier may put any object, in this one bucket only.");

        // An endorser's pages (README "The officer's support"): read and answer one application's step,
        // and send the emails the answer makes due. The notifier's rights on items, and SES.
        endorsements = javaFunction("Endorsements", "uk.opcc.funding.function.EndorsementHandler::handleRequest", jar,
                512, Duration.seconds(uk.opcc.funding.function.EndorsementHandler.TIMEOUT_SECONDS), mailSettings);
        endorsements.addToRolePolicy(onItems(table, List.of("dynamodb:UpdateItem", "dynamodb:GetItem"),
                ApplicationTable.APPLICATION_PREFIX, ApplicationTable.MAIL_CAP_PREFIX));
        mail.allowSending(endorsements, "ses:SendEmail");

        endorsementReminders = javaFunction("EndorsementReminders", "uk.opcc.funding.function.EndorsementReminderHandler::handleRequest", jar,
                512, Duration.seconds(uk.opcc.funding.function.EndorsementReminderHandler.TIMEOUT_SECONDS), mailSettings);
        new EndorsementReminders(this, "EndorsementReminderSchedule", endorsementReminders, table, mail);

        IntakeApi entrance = new IntakeApi(this, config, intakeLive, endorsements);
        api = entrance.api;
        apiOrigin = new SiteStack.ApiOrigin(entrance.originDomain, entrance.originSecret);
        entrance.originSecret.grantRead(intake);
        intake.addEnvironment("ORIGIN_SECRET", entrance.originSecret.getSecretArn());
        entrance.originSecret.grantRead(endorsements);
        endorsements.addEnvironment("ORIGIN_SECRET", entrance.originSecret.getSecretArn());

        alarms = Alarms.topic(this, config.alarmEmail());
        mail.alarms(this, alarms);
        alarm("IntakeErrors", "The intake function failed: applicants may be seeing errors.", intake.metricErrors(fiveMinutes()));
        alarm("IntakeThrottles", "The intake function was throttled: applicants may be turned away.", intake.metricThrottles(fiveMinutes()));
        alarm("NotifierErrors", "The notifier failed; it will retry, then park the record in the failed-records bucket.", notifier.metricErrors(fiveMinutes()));
        alarm("NotifierThrottles", "The notifier was throttled.", notifier.metricThrottles(fiveMinutes()));
        alarm("PanelPackErrors", "A panel pack failed to send; Lambda retries it, and the round stays unsent until one succeeds.",
                panelPack.metricErrors(fiveMinutes()));
        alarm("OutcomeEmailErrors", "An outcome email failed to send; the next run, within 15 minutes, tries again (or run the resend).",
                outcomeEmails.metricErrors(fiveMinutes()));
        alarm("EndorsementErrors", "The endorsers' pages failed: an officer may not be able to confirm their support.",
                endorsements.metricErrors(fiveMinutes()));
        alarm("EndorsementReminderErrors", "An endorsement reminder or note failed to send; the next run, within the hour, tries again (or run the resend).",
                endorsementReminders.metricErrors(fiveMinutes()));
        alarm("ApiServerErrors", "The API answered with 5xx: applicants could not apply.", api.metricServerError(fiveMinutes()));
        // The oldest record the notifier has yet to finish; idle streams report nothing (no alarm).
        Alarms.alarm(this, alarms, "NotifierBehind", "The notifier is more than 15 minutes behind the table's stream: staff emails are late.",
                notifier.metric("IteratorAge", MetricOptions.builder().period(Duration.minutes(5)).statistic("Maximum").build()),
                Duration.minutes(15).toMilliseconds().doubleValue(), 1);
        alarm("FailedEmailsParked", "A new application's staff email gave up after every retry: its record is in the failed-records bucket; the application is stored.",
                Metric.Builder.create().namespace("AWS/Lambda").metricName("OnFailureDestinationDeliveredEventCount")
                        .dimensionsMap(Map.of("EventSourceMappingUUID", stream.getEventSourceMappingId()))
                        .period(Duration.minutes(5)).statistic("Sum").build());
        alarm("FailedEmailsLost", "A record that gave up could not even be written to the on-failure destination.",
                notifier.metric("DestinationDeliveryFailures", fiveMinutes()));
    }

    /** Rounds before this get no schedule; tests fix it with the context value panelPacksFrom. */
    private Instant synthesisedAt() {
        Object fixed = getNode().tryGetContext("panelPacksFrom");
        return fixed == null ? Instant.now() : Instant.parse(fixed.toString());
    }

    /**
     * Where the stream mapping writes a record it gave up on: the invocation's metadata and the
     * whole stream record (the new application, answers included), unlike a queue destination,
     * which holds only shard and sequence numbers that the stream forgets after 24 hours.
     */
    private Bucket failedRecordsBucket() {
        Bucket bucket = Bucket.Builder.create(this, "FailedRecords")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                // Fourteen days: time for staff to see the alarm and resend. The application itself
                // stays in the table for its retention period; this is only a copy of it.
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(FAILED_RECORD_DAYS)).build()))
                // Never deleted with the stack while it may hold a record nobody has acted on.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Nag.suppress(bucket, "S1", "Only the stream mapping writes here, as the notifier's role, and only when a record gives up; "
                + "every write raises the FailedEmailsParked alarm, so an access log would add nothing.");
        return bucket;
    }

    /**
     * Only new applications: not idempotency records, not our own notification updates. An
     * ordered map, so the synthesised pattern is the same every time and deploys change nothing.
     */
    private static Map<String, Object> newApplicationsOnly() {
        Map<String, Object> pattern = new java.util.LinkedHashMap<>();
        pattern.put("eventName", FilterRule.isEqual("INSERT"));
        pattern.put("dynamodb", Map.of("Keys", Map.of("pk", Map.of("S", FilterRule.beginsWith("APP#")))));
        return pattern;
    }

    /**
     * The notifier's and the resend's rights on items: claim, record and give back an email
     * (UpdateItem) and read why a claim was refused (GetItem), on applications; read the
     * duplicates the intake counted (DUP#, GetItem); count emails to one address a day
     * (MAILCAP#, UpdateItem and GetItem). Nothing else: not IDEM# or PACK# items.
     */
    private static void emailRights(Function function, Table table) {
        List<String> updateAndRead = List.of("dynamodb:UpdateItem", "dynamodb:GetItem");
        function.addToRolePolicy(onItems(table, updateAndRead, ApplicationTable.APPLICATION_PREFIX, ApplicationTable.MAIL_CAP_PREFIX));
        function.addToRolePolicy(onItems(table, List.of("dynamodb:GetItem"), ApplicationTable.DUPLICATE_PREFIX));
    }

    /**
     * Actions on the table's items whose partition key starts with one of the prefixes. Every
     * item of a transaction is authorised as its own action (PutItem, ConditionCheckItem,
     * UpdateItem) against these conditions. ForAllValues: each key the request names must fit.
     */
    static PolicyStatement onItems(Table table, List<String> actions, String... prefixes) {
        return PolicyStatement.Builder.create().actions(actions).resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys",
                        java.util.Arrays.stream(prefixes).map(p -> p + "*").toList())))
                .build();
    }

    /**
     * A query on one index. No LeadingKeys condition here: on an index the key a request names is
     * the index's partition key (a fund round, the needs-email marker), not an item's pk, so an
     * APP# condition would refuse every query. The index itself is the limit: byFundRound holds
     * applications only, byNeedsEmail only their email states.
     */
    static PolicyStatement queryIndex(Table table, String index) {
        return PolicyStatement.Builder.create().actions(List.of("dynamodb:Query"))
                .resources(List.of(table.getTableArn() + "/index/" + index)).build();
    }

    private Function javaFunction(String id, String handler, Code jar, int memory, Duration timeout, Map<String, String> environment) {
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs")
                // Logs carry references and problem codes, no answers; three months is enough to investigate.
                .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
        Function function = Function.Builder.create(this, id)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handler)
                .code(jar)
                .memorySize(memory)
                .timeout(timeout)
                .environment(withJvmOptions(environment))
                .logGroup(logs)
                .build();
        Nag.suppress(function, "IAM4", "AWSLambdaBasicExecutionRole lets the function write its own logs, nothing more.");
        Nag.suppress(function, "L1", "Java 21 is the LTS runtime this release is built and tested for; "
                + "moving to a newer Java runtime is a deliberate change with its own test run.");
        return function;
    }

    private static Map<String, String> withJvmOptions(Map<String, String> environment) {
        Map<String, String> all = new java.util.LinkedHashMap<>(environment);
        all.put("JAVA_TOOL_OPTIONS", uk.opcc.funding.function.Wiring.JVM_OPTIONS);
        return all;
    }

    /**
     * The alias "live" on the function's current version: a new version is published whenever
     * the code or configuration changes, SnapStart snapshots it, and the alias moves to it.
     */
    private Alias live(Function function) {
        // Lambda snapshots each published version after its init (and the intake's priming, see
        // Priming), so a cold start restores a warm JVM instead of starting one. Only functions
        // invoked through an alias get it: $LATEST is never snapshotted, so on the others it would
        // only slow each deploy. SnapStart supports Java 11 and later on x86_64 and arm64.
        ((CfnFunction) function.getNode().getDefaultChild()).setSnapStart(
                CfnFunction.SnapStartProperty.builder().applyOn("PublishedVersions").build());
        return Alias.Builder.create(this, function.getNode().getId() + "Live")
                .aliasName("live").version(function.getCurrentVersion()).build();
    }

    private void alarm(String id, String description, Metric metric) {
        Alarms.alarm(this, alarms, id, description, metric, 1, 1);
    }

    private static MetricOptions fiveMinutes() {
        return MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();
    }
}
