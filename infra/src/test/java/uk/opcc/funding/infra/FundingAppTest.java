package uk.opcc.funding.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import uk.opcc.funding.catalogue.Catalogue;
import uk.opcc.funding.function.http.SecurityHeaders;

/** The synthesised templates have every property the deployment relies on, and pass cdk-nag. */
class FundingAppTest {
    static Synth synth;
    static Template data;
    static Template intake;
    static Template site;
    static Template edge;
    static Template firewall;

    @BeforeAll
    static void synthesise() {
        synth = Synth.standard();
        data = synth.template("Data");
        intake = synth.template("Intake");
        site = synth.template("Site");
        edge = synth.template("EdgeAlarms");
        firewall = synth.template("EdgeFirewall");
        System.out.printf("cdk synth of 5 stacks (with cdk-nag) took %d ms%n", synth.millis);
    }

    @Test
    void tableIsOnDemandRecoverableProtectedExpiringAndStreamed() {
        data.hasResource("AWS::DynamoDB::Table", Map.of("DeletionPolicy", "Retain", "Properties", Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "DeletionProtectionEnabled", true,
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "StreamSpecification", Map.of("StreamViewType", "NEW_IMAGE"))));
    }

    @Test
    void tableHasTheRoundIndexTheFunctionQueries() {
        data.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "AttributeDefinitions", Match.arrayWith(List.of(
                        Map.of("AttributeName", "fundRound", "AttributeType", "S"),
                        Map.of("AttributeName", "receivedAt", "AttributeType", "S"))),
                "GlobalSecondaryIndexes", Match.arrayWith(List.of(Map.of(
                        "IndexName", "byFundRound",
                        "KeySchema", List.of(Map.of("AttributeName", "fundRound", "KeyType", "HASH"),
                                Map.of("AttributeName", "receivedAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")))))));
    }

    @Test
    void tableHasTheSparseNeedsEmailIndexTheResendQueries() {
        data.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "AttributeDefinitions", Match.arrayWith(List.of(Map.of("AttributeName", "needsEmail", "AttributeType", "S"))),
                "GlobalSecondaryIndexes", Match.arrayWith(List.of(Map.of(
                        "IndexName", "byNeedsEmail",
                        "KeySchema", List.of(Map.of("AttributeName", "needsEmail", "KeyType", "HASH"),
                                Map.of("AttributeName", "receivedAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "INCLUDE", "NonKeyAttributes",
                                uk.opcc.funding.function.storage.ApplicationTable.NEEDS_EMAIL_PROJECTION)))))));
    }

    @Test
    void theNotifierQueriesNoIndex_theResenderOnlyTheNeedsEmailIndex_thePackAndTheRemindersOnlyTheRoundIndex() {
        intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "uk.opcc.funding.function.ResendHandler::handleRequest", "Timeout", 300,
                "Environment", Map.of("Variables", mailVariables()))));
        List<String> queries = statements(intake).stream().filter(s -> s.contains("\"dynamodb:Query\"")).toList();
        assertThat(queries).as("never a query on the table itself, so never a scan-like read").allSatisfy(s -> assertThat(s).contains("/index/"));
        assertThat(queries.stream().filter(s -> s.contains("/index/byFundRound"))).as("the panel pack and the endorsement reminders only: duplicates are keyed reads").hasSize(2);
        assertThat(queries.stream().filter(s -> s.contains("/index/byNeedsEmail"))).as("the resender only").hasSize(1);
        assertThat(statements(intake)).noneMatch(s -> s.contains("dynamodb:Scan"));
        List<String> resenderActions = new ArrayList<>();
        intake.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
            if (id.startsWith("EmailResenderServiceRole")) {
                resenderActions.addAll(actions(policy));
            }
        });
        assertThat(resenderActions).containsExactlyInAnyOrder("dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:GetItem", "dynamodb:Query",
                "ses:SendEmail", "dynamodb:UpdateItem", "dynamodb:GetItem");
        intake.hasOutput("EmailResenderName", Match.anyValue());
    }

    /** Every IAM policy statement of a stack, as JSON. */
    @SuppressWarnings("unchecked")
    static List<String> statements(Template template) {
        List<String> statements = new java.util.ArrayList<>();
        for (Object resource : ((Map<String, Object>) template.toJSON().get("Resources")).values()) {
            Map<String, Object> r = (Map<String, Object>) resource;
            if ("AWS::IAM::Policy".equals(r.get("Type"))) {
                Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) r.get("Properties")).get("PolicyDocument");
                for (Object statement : (List<Object>) document.get("Statement")) {
                    try {
                        statements.add(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(statement));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return statements;
    }

    @Test
    void lambdasRunJava21OnArmWithTheirHandlersSettingsAndLogRetention() {
        intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "uk.opcc.funding.function.IntakeHandler::handleRequest", "Runtime", "java21",
                "Architectures", List.of("arm64"), "MemorySize", 1024, "Timeout", 10,
                "Environment", Map.of("Variables", Map.of("TABLE_NAME", Match.anyValue(),
                        "CONFIRMATION_KEY_SECRET", Map.of("Ref", logicalId("AWS::SecretsManager::Secret", "ConfirmationKey")),
                        "ORIGIN_SECRET", Map.of("Ref", logicalId("AWS::SecretsManager::Secret", "OriginSecret")))))));
        intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "uk.opcc.funding.function.NotifierHandler::handleRequest", "Runtime", "java21",
                "Architectures", List.of("arm64"), "MemorySize", 512, "Timeout", 30,
                "Environment", Map.of("Variables", mailVariables()))));
        intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "uk.opcc.funding.function.PanelPackHandler::handleRequest", "Runtime", "java21",
                "Architectures", List.of("arm64"), "MemorySize", 512, "Timeout", uk.opcc.funding.function.PanelPackHandler.TIMEOUT_SECONDS,
                "Environment", Map.of("Variables", mailVariables()))));
        intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "uk.opcc.funding.function.OutcomeHandler::handleRequest", "Runtime", "java21",
                "Architectures", List.of("arm64"), "MemorySize", 512, "Timeout", uk.opcc.funding.function.OutcomeHandler.TIMEOUT_SECONDS,
                "Environment", Map.of("Variables", mailVariables()))));
        intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "uk.opcc.funding.function.EndorsementHandler::handleRequest", "Runtime", "java21",
                "Architectures", List.of("arm64"), "MemorySize", 512, "Timeout", uk.opcc.funding.function.EndorsementHandler.TIMEOUT_SECONDS,
                "Environment", Map.of("Variables", mailVariables("ORIGIN_SECRET", Map.of("Ref", logicalId("AWS::SecretsManager::Secret", "OriginSecret")))))));
        intake.resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90), 8);
    }

    @Test
    void endorsersLinksGoToTheSitesOwnDomainAndTheirPagesMayOnlyReadAndAnswerApplications() {
        Template withDomain = new Synth(Map.of("domainName", "funding.example.gov.uk",
                "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc")).template("Intake");
        for (String handler : List.of("NotifierHandler", "ResendHandler", "EndorsementHandler")) {
            withDomain.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", "uk.opcc.funding.function." + handler + "::handleRequest",
                    "Environment", Map.of("Variables", Match.objectLike(Map.of("SITE_ADDRESS", "https://funding.example.gov.uk"))))));
        }
        String role = logicalId("AWS::IAM::Role", "EndorsementsServiceRole");
        List<String> itemActions = new ArrayList<>();
        intake.findResources("AWS::IAM::Policy").values().forEach(policy -> {
            Map<?, ?> properties = (Map<?, ?>) policy.get("Properties");
            if (!String.valueOf(properties.get("Roles")).contains(role)) {
                return;
            }
            for (Object statement : (List<?>) ((Map<?, ?>) properties.get("PolicyDocument")).get("Statement")) {
                Map<?, ?> st = (Map<?, ?>) statement;
                if (String.valueOf(st.get("Action")).contains("dynamodb:")) {
                    itemActions.add(st.get("Action") + " " + st.get("Condition"));
                }
            }
        });
        assertThat(itemActions).singleElement().asString().contains("dynamodb:UpdateItem", "dynamodb:GetItem", "APP#*", "MAILCAP#*")
                .doesNotContain("IDEM#", "DUP#", "PACK#", "Query", "Scan", "Delete", "PutItem");

        // The reminders: every hour, by a scheduler role that may invoke that function alone
        intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "uk.opcc.funding.function.EndorsementReminderHandler::handleRequest",
                "Timeout", uk.opcc.funding.function.EndorsementReminderHandler.TIMEOUT_SECONDS)));
        String reminders = functionId("uk.opcc.funding.function.EndorsementReminderHandler::handleRequest");
        intake.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of("ScheduleExpression", "rate(1 hour)",
                "State", "ENABLED", "Target", Match.objectLike(Map.of("Arn", Map.of("Fn::GetAtt", List.of(reminders, "Arn")))))));
    }

    @Test
    void everyJavaFunctionRunsItsJvmWithTheClientCompilerOnlyAsTheBenchmarkDoes() {
        Map<String, Map<String, Object>> functions = intake.findResources("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("Runtime", "java21")))));

        assertThat(functions).hasSize(7);
        functions.values().forEach(function -> assertThat(function).extracting("Properties.Environment.Variables.JAVA_TOOL_OPTIONS")
                .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIntakeIsToldOnlyWhereItsSecretsAreAndMayReadThoseTwoAlone() {
        intake.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "GenerateSecretString", Match.objectLike(Map.of("PasswordLength", 64, "ExcludePunctuation", true)))));
        Map<String, Map<String, Object>> functions = intake.findResources("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Properties", Match.objectLike(Map.of("Handler", "uk.opcc.funding.function.IntakeHandler::handleRequest")))));
        String function = String.valueOf(functions.values().iterator().next());

        // no value, not even a dynamic reference CloudFormation would resolve into the function's settings
        assertThat(function).doesNotContain("{{resolve:", "CONFIRMATION_KEY=", "SecretString");
        List<String> reads = new ArrayList<>();
        intake.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
            var statements = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) policy.get("Properties"))
                    .get("PolicyDocument")).get("Statement");
            statements.stream().filter(st -> String.valueOf(st.get("Action")).contains("secretsmanager:GetSecretValue"))
                    .forEach(st -> reads.add(id.replaceAll("ServiceRole.*", "") + " " + st.get("Resource")));
        });
        assertThat(reads).hasSize(3).allSatisfy(r -> assertThat(r).doesNotContain("*"));
        assertThat(reads.stream().filter(r -> r.startsWith("Intake "))).hasSize(2);
        // the endorser's pages read CloudFront's secret alone
        assertThat(reads.stream().filter(r -> r.startsWith("Endorsements "))).singleElement().asString()
                .contains(logicalId("AWS::SecretsManager::Secret", "OriginSecret"));
        assertThat(String.join(" ", reads.stream().filter(r -> r.startsWith("Intake ")).toList())).contains(logicalId("AWS::SecretsManager::Secret", "ConfirmationKey"),
                logicalId("AWS::SecretsManager::Secret", "OriginSecret"));
    }

    @Test
    void httpApiHasOnlyTheIntakeRoutesThrottledAndLogged() {
        intake.resourceCountIs("AWS::ApiGatewayV2::Route", 5);
        intake.hasResourceProperties("AWS::ApiGatewayV2::Route", Match.objectLike(Map.of("RouteKey", "GET /api/endorsements")));
        intake.hasResourceProperties("AWS::ApiGatewayV2::Route", Match.objectLike(Map.of("RouteKey", "POST /api/endorsements")));
        intake.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "POST /api/forms/{formId}/submissions", "ApiId", Match.anyValue(), "Target", Match.anyValue(), "AuthorizationType", "NONE"));
        intake.hasResourceProperties("AWS::ApiGatewayV2::Route", Match.objectLike(Map.of("RouteKey", "POST /api/forms/{formId}/sections")));
        intake.hasResourceProperties("AWS::ApiGatewayV2::Route", Match.objectLike(Map.of("RouteKey", "GET /api/forms/{formId}/confirmation")));
        intake.hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
                "StageName", "$default", "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 10, "ThrottlingBurstLimit", 20),
                // a bucket per route: the pages that store nothing cannot use up the send's
                "RouteSettings", Map.of(
                        "POST /api/forms/{formId}/submissions", Map.of("ThrottlingRateLimit", 10, "ThrottlingBurstLimit", 20),
                        "POST /api/forms/{formId}/sections", Map.of("ThrottlingRateLimit", 10, "ThrottlingBurstLimit", 20),
                        "GET /api/forms/{formId}/confirmation", Map.of("ThrottlingRateLimit", 5, "ThrottlingBurstLimit", 10),
                        "GET /api/endorsements", Map.of("ThrottlingRateLimit", 5, "ThrottlingBurstLimit", 10),
                        "POST /api/endorsements", Map.of("ThrottlingRateLimit", 5, "ThrottlingBurstLimit", 10)),
                "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue(), "Format", Match.stringLikeRegexp(".*requestId.*status.*"))))));
    }

    @Test
    void notifierIsFedNewApplicationsWithBatchFailuresBisectionBoundedRetriesAndAFailedRecordsBucket() {
        intake.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "StartingPosition", "TRIM_HORIZON",
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "BisectBatchOnFunctionError", true,
                "MaximumRetryAttempts", 5,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FailedRecords.*"), "Arn")))),
                "FilterCriteria", Map.of("Filters", List.of(Map.of("Pattern",
                        "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[{\"prefix\":\"APP#\"}]}}}}"))))));
        // The whole failed record (answers included) is kept encrypted, private, TLS-only, for 14 days.
        intake.resourceCountIs("AWS::SQS::Queue", 0);
        intake.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of("DeletionPolicy", "Retain", "Properties", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "LifecycleConfiguration", Map.of("Rules", List.of(Map.of("ExpirationInDays", 14, "Status", "Enabled"))))))));
        intake.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void theStreamMappingIsTheOneLocalStackItRunsOnLambdasOwnPoller() throws IOException {
        // function's LocalStackIT creates its mapping from this file: the filter and retries it proves are these.
        Map<String, Object> tested = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of("../function/src/test/resources/stream-mapping.json")));
        assertThat(tested).containsKeys("FilterCriteria", "MaximumRetryAttempts", "FunctionResponseTypes");
        intake.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(tested));
    }

    @Test
    void bothLambdasSnapStartPublishedVersionsThatTheApiAndTheStreamInvokeThroughTheLiveAlias() {
        for (String handler : List.of("IntakeHandler", "NotifierHandler")) {
            intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", "uk.opcc.funding.function." + handler + "::handleRequest",
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
        }
        intake.resourceCountIs("AWS::Lambda::Version", 2);
        // The functions invoked unqualified ($LATEST) have no snapshot to restore: no SnapStart.
        for (String handler : List.of("ResendHandler", "PanelPackHandler", "OutcomeHandler", "EndorsementHandler")) {
            intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", "uk.opcc.funding.function." + handler + "::handleRequest", "SnapStart", Match.absent())));
        }
        String intakeFunction = functionId("uk.opcc.funding.function.IntakeHandler::handleRequest");
        String notifierFunction = functionId("uk.opcc.funding.function.NotifierHandler::handleRequest");
        String intakeAlias = aliasOf(intakeFunction);
        String notifierAlias = aliasOf(notifierFunction);

        // The HTTP API integration invokes the intake's alias, never $LATEST.
        intake.hasResourceProperties("AWS::ApiGatewayV2::Integration", Match.objectLike(Map.of("IntegrationUri", Map.of("Ref", intakeAlias))));
        intake.resourcePropertiesCountIs("AWS::ApiGatewayV2::Integration",
                Match.objectLike(Map.of("IntegrationUri", Map.of("Fn::GetAtt", List.of(intakeFunction, "Arn")))), 0);
        // The stream's event source mapping invokes the notifier's alias.
        Map<String, Map<String, Object>> mappings = intake.findResources("AWS::Lambda::EventSourceMapping");
        assertThat(mappings).hasSize(1);
        String target = String.valueOf(((Map<?, ?>) mappings.values().iterator().next().get("Properties")).get("FunctionName"));
        assertThat(target).contains(notifierAlias, ":live");
    }

    /** The logical id of the function with this handler. */
    static String functionId(String handler) {
        return intake.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Handler", handler))).keySet().iterator().next();
    }

    /** The logical id of the alias "live" on that function's published version. */
    static String aliasOf(String functionId) {
        Map<String, Map<String, Object>> aliases = intake.findResources("AWS::Lambda::Alias",
                Map.of("Properties", Match.objectLike(Map.of("Name", "live", "FunctionName", Map.of("Ref", functionId),
                        "FunctionVersion", Match.anyValue()))));
        assertThat(aliases).as("alias live on " + functionId).hasSize(1);
        return aliases.keySet().iterator().next();
    }

    @Test
    void intakeMayOnlyWriteTheTableAndNotifierOnlyUpdateItAndSendFromTheOneIdentity() {
        List<String> intakeActions = new ArrayList<>();
        List<String> notifierActions = new ArrayList<>();
        intake.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
            List<String> actions = actions(policy);
            if (id.startsWith("IntakeServiceRole")) {
                intakeActions.addAll(actions);
            } else if (id.startsWith("NotifierServiceRole")) {
                notifierActions.addAll(actions);
            }
        });
        assertThat(intakeActions).filteredOn(a -> a.startsWith("dynamodb:"))
                .containsExactlyInAnyOrder("dynamodb:PutItem", "dynamodb:ConditionCheckItem", "dynamodb:GetItem", "dynamodb:UpdateItem");
        assertThat(notifierActions).contains("dynamodb:UpdateItem", "ses:SendEmail", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                        "s3:PutObject", "s3:ListBucket")
                .doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Scan", "dynamodb:*", "ses:*",
                        "s3:GetObject*", "s3:DeleteObject*", "s3:*");
        String sesResource = intake.findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith("NotifierServiceRole"))
                .map(e -> String.valueOf(e.getValue())).findFirst().orElseThrow();
        assertThat(sesResource).contains("ses:SendEmail", ":identity/");
    }

    /** Each role's item actions on the table, by the key prefixes its LeadingKeys condition allows: "action on PREFIX#". */
    @SuppressWarnings("unchecked")
    static List<String> itemRights(String role) {
        List<String> rights = new ArrayList<>();
        intake.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
            if (!id.startsWith(role + "ServiceRole")) {
                return;
            }
            var statements = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) policy.get("Properties"))
                    .get("PolicyDocument")).get("Statement");
            for (Map<String, Object> statement : statements) {
                List<String> actions = statement.get("Action") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(statement.get("Action")));
                List<String> items = actions.stream().filter(a -> a.matches("dynamodb:(Put|Get|Update|Delete|ConditionCheck)Item")).toList();
                if (items.isEmpty()) {
                    continue;
                }
                // every item action is limited to named kinds of item, on the table itself
                assertThat(String.valueOf(statement.get("Resource"))).as(id).doesNotContain("/index/", "*");
                Map<String, Object> condition = (Map<String, Object>) statement.get("Condition");
                assertThat(condition).as(role + " " + items + " needs a LeadingKeys condition").isNotNull().containsOnlyKeys("ForAllValues:StringLike");
                List<String> prefixes = (List<String>) ((Map<String, Object>) condition.get("ForAllValues:StringLike")).get("dynamodb:LeadingKeys");
                for (String action : items) {
                    prefixes.forEach(p -> rights.add(action.substring("dynamodb:".length()) + " on " + p.replace("*", "")));
                }
            }
        });
        return rights;
    }

    @Test
    void everyRoleThatTouchesItemsIsLimitedByLeadingKeysToItsOwnKindsOfItem() {
        assertThat(itemRights("Intake")).containsExactlyInAnyOrder(
                "PutItem on APP#", "PutItem on IDEM#", "ConditionCheckItem on APP#", "ConditionCheckItem on IDEM#",
                "GetItem on APP#", "GetItem on IDEM#", "UpdateItem on DUP#");
        assertThat(itemRights("Notifier")).containsExactlyInAnyOrder(
                "UpdateItem on APP#", "GetItem on APP#", "GetItem on DUP#", "UpdateItem on MAILCAP#", "GetItem on MAILCAP#");
        // the resend sends the outcome emails left too: their decisions' summaries
        assertThat(itemRights("EmailResender")).containsExactlyInAnyOrder(
                "UpdateItem on APP#", "GetItem on APP#", "GetItem on DUP#", "UpdateItem on MAILCAP#", "GetItem on MAILCAP#",
                "UpdateItem on OUTCOMES#", "GetItem on OUTCOMES#");
        assertThat(itemRights("PanelPack")).containsExactly("UpdateItem on PACK#");
        // records the decision on each application and claims its email; claims each decision's summary
        assertThat(itemRights("OutcomeEmails")).containsExactlyInAnyOrder("UpdateItem on APP#", "GetItem on APP#",
                "UpdateItem on OUTCOMES#", "GetItem on OUTCOMES#");
        // the prefixes are the function's own item kinds
        assertThat(List.of(uk.opcc.funding.function.storage.ApplicationTable.APPLICATION_PREFIX,
                uk.opcc.funding.function.storage.ApplicationTable.IDEMPOTENCY_PREFIX, uk.opcc.funding.function.storage.ApplicationTable.DUPLICATE_PREFIX,
                uk.opcc.funding.function.storage.ApplicationTable.MAIL_CAP_PREFIX, uk.opcc.funding.function.storage.ApplicationTable.PACK_PREFIX,
                uk.opcc.funding.function.storage.ApplicationTable.OUTCOMES_PREFIX))
                .containsExactly("APP#", "IDEM#", "DUP#", "MAILCAP#", "PACK#", "OUTCOMES#");
    }

    @Test
    void aOneTimeScheduleInUkTimeInvokesThePanelPackFunctionForEveryRoundStillAhead() {
        Instant from = Instant.parse(Synth.CONTEXT.get("panelPacksFrom").toString());
        Map<String, String> expected = new java.util.TreeMap<>();
        for (Catalogue.FundRound round : roundsPackedAfter(from)) {
            expected.put(packInput(round), "at(" + ukLocalTime(round.round().deadline().plusMinutes(5)) + ")");
        }
        assertThat(expected).as("the baked catalogue has a round still to be packed").isNotEmpty();

        assertThat(schedules(intake)).isEqualTo(expected);
        intake.resourcePropertiesCountIs("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "ScheduleExpressionTimezone", "Europe/London",
                "FlexibleTimeWindow", Map.of("Mode", "OFF"),
                "State", "ENABLED",
                "Target", Match.objectLike(Map.of(
                        "Arn", Map.of("Fn::GetAtt", List.of(logicalId("AWS::Lambda::Function", "PanelPack"), "Arn")),
                        "RoleArn", Match.anyValue())))), expected.size());
    }

    @Test
    void everyQuarterOfAnHourOneScheduleInvokesTheOutcomeEmailFunctionWhichItsRoleAloneMayInvoke() {
        Map<String, Map<String, Object>> outcomes = intake.findResources("AWS::Scheduler::Schedule", Match.objectLike(Map.of("Properties", Match.objectLike(Map.of(
                "Target", Match.objectLike(Map.of("Arn", Map.of("Fn::GetAtt", List.of(logicalId("AWS::Lambda::Function", "OutcomeEmails"), "Arn")))))))));
        assertThat(outcomes).hasSize(1);
        intake.hasResourceProperties("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(15 minutes)", "FlexibleTimeWindow", Map.of("Mode", "OFF"), "State", "ENABLED",
                "Target", Match.objectLike(Map.of("Arn", Map.of("Fn::GetAtt", List.of(logicalId("AWS::Lambda::Function", "OutcomeEmails"), "Arn")),
                        "RoleArn", Map.of("Fn::GetAtt", List.of(logicalId("AWS::IAM::Role", "OutcomeScheduleSchedulerRole"), "Arn")))))));
        List<Map<String, Object>> scheduler = intake.findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith("OutcomeScheduleSchedulerRole")).map(Map.Entry::getValue).toList();
        assertThat(scheduler).hasSize(1);
        assertThat(actions(scheduler.get(0))).containsExactly("lambda:InvokeFunction");
        assertThat(String.valueOf(scheduler.get(0))).contains(logicalId("AWS::Lambda::Function", "OutcomeEmails")).doesNotContain("*");
        // and an error of a run raises an alarm
        intake.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Errors",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", logicalId("AWS::Lambda::Function", "OutcomeEmails")))))));
    }

    @Test
    void aRoundWhosePackTimeHasComeByTheSynthGetsNoSchedule() {
        Instant from = Instant.parse(Synth.CONTEXT.get("panelPacksFrom").toString());
        List<Catalogue.FundRound> ahead = roundsPackedAfter(from);
        Catalogue.FundRound first = ahead.stream()
                .min(java.util.Comparator.comparing((Catalogue.FundRound r) -> r.round().deadline().toInstant())).orElseThrow();
        Instant itsPackTime = first.round().deadline().toInstant().plus(PanelPacks.AFTER_DEADLINE);

        Map<String, String> later = schedules(new Synth(Map.of("panelPacksFrom", itsPackTime.toString())).template("Intake"));

        assertThat(later).doesNotContainKey(packInput(first));
        assertThat(later.keySet()).containsExactlyInAnyOrderElementsOf(
                roundsPackedAfter(itsPackTime).stream().map(FundingAppTest::packInput).toList());
    }

    private static List<Catalogue.FundRound> roundsPackedAfter(Instant from) {
        return Synth.CATALOGUE.packRounds().stream()
                .filter(r -> r.round().deadline().toInstant().plus(PanelPacks.AFTER_DEADLINE).isAfter(from)).toList();
    }

    private static String packInput(Catalogue.FundRound round) {
        return "{\"fundId\":\"" + round.fund().id() + "\",\"roundId\":\"" + round.round().id() + "\"}";
    }

    /** e.g. 2026-12-11T17:05:00 for 17:05 UK time (GMT or BST, whichever it is on that day). */
    private static String ukLocalTime(java.time.ZonedDateTime at) {
        java.time.LocalDateTime uk = at.withZoneSameInstant(java.time.ZoneId.of("Europe/London")).toLocalDateTime();
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d", uk.getYear(), uk.getMonthValue(), uk.getDayOfMonth(),
                uk.getHour(), uk.getMinute(), uk.getSecond());
    }

    /** Each schedule's target input (its fund and round) to its expression. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> schedules(Template template) {
        Map<String, String> schedules = new java.util.TreeMap<>();
        template.findResources("AWS::Scheduler::Schedule").entrySet().stream().filter(e -> e.getKey().startsWith("PanelPacks"))
                .map(Map.Entry::getValue).forEach(resource -> {
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            String input = (String) ((Map<String, Object>) properties.get("Target")).get("Input");
            assertThat(schedules.put(input, (String) properties.get("ScheduleExpression"))).as("one schedule per round: " + input).isNull();
        });
        return schedules;
    }

    @Test
    void theSchedulerMayInvokeOnlyThePanelPackFunction() {
        intake.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Principal", Map.of("Service", "scheduler.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Match.anyValue()))))))))));
        Map<String, Map<String, Object>> policies = intake.findResources("AWS::IAM::Policy");
        List<Map<String, Object>> scheduler = policies.entrySet().stream().filter(e -> e.getKey().startsWith("PanelPacksSchedulerRole"))
                .map(Map.Entry::getValue).toList();
        assertThat(scheduler).hasSize(1);
        assertThat(actions(scheduler.get(0))).containsExactly("lambda:InvokeFunction");
        assertThat(String.valueOf(scheduler.get(0))).contains(logicalId("AWS::Lambda::Function", "PanelPack")).doesNotContain("*");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePanelPackFunctionMayQueryTheRoundIndexWriteOnlyPackItemsAndSendFromTheOneIdentity() {
        Map<String, Object> policy = intake.findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith("PanelPackServiceRole")).map(Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(actions(policy)).containsExactlyInAnyOrder("dynamodb:Query", "dynamodb:UpdateItem", "ses:SendEmail", "ses:SendRawEmail");
        var statements = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument")).get("Statement");
        Map<String, Object> query = statements.stream().filter(s -> "dynamodb:Query".equals(s.get("Action"))).findFirst().orElseThrow();
        assertThat(String.valueOf(query.get("Resource"))).contains("/index/byFundRound");
        Map<String, Object> update = statements.stream().filter(s -> "dynamodb:UpdateItem".equals(s.get("Action"))).findFirst().orElseThrow();
        assertThat(update.get("Condition")).isEqualTo(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("PACK#*"))));
        Map<String, Object> ses = statements.stream().filter(s -> s.get("Action") instanceof List<?>).findFirst().orElseThrow();
        assertThat(String.valueOf(ses.get("Resource"))).contains(":identity/").doesNotContain("*");
    }

    /** The logical id CDK gave the one resource of a type whose id starts with a construct's id. */
    static String logicalId(String type, String construct) {
        return logicalIdIn(intake, type, construct);
    }

    static String logicalIdIn(Template template, String type, String construct) {
        List<String> ids = template.findResources(type).keySet().stream().filter(id -> id.startsWith(construct)).toList();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    @SuppressWarnings("unchecked")
    static List<String> actions(Map<String, Object> policy) {
        List<String> actions = new ArrayList<>();
        var statements = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument")).get("Statement");
        for (Map<String, Object> statement : statements) {
            Object action = statement.get("Action");
            if (action instanceof List<?> list) {
                list.forEach(a -> actions.add(a.toString()));
            } else {
                actions.add(action.toString());
            }
        }
        return actions;
    }

    @Test
    void alarmsWatchErrorsThrottlesServerErrorsTheStreamAndFailedRecordsAndEmailTheOpcc() {
        intake.resourceCountIs("AWS::CloudWatch::Alarm", 16);
        for (String metric : List.of("Errors", "Throttles", "5xx", "DestinationDeliveryFailures")) {
            intake.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", metric,
                    "Threshold", 1, "AlarmActions", List.of(Match.anyValue()), "TreatMissingData", "notBreaching")));
        }
        intake.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "IteratorAge", "Namespace", "AWS/Lambda",
                "Statistic", "Maximum", "Threshold", 900000, "AlarmActions", List.of(Match.anyValue()), "TreatMissingData", "notBreaching")));
        // The mapping publishes its per-mapping counts, and the alarm watches this mapping's.
        intake.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of("MetricsConfig", Map.of("Metrics", List.of("EventCount")))));
        intake.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "OnFailureDestinationDeliveredEventCount",
                "Dimensions", List.of(Map.of("Name", "EventSourceMappingUUID", "Value", Map.of("Ref", Match.stringLikeRegexp("NotifierLiveDynamoDBEventSource.*")))),
                "Threshold", 1, "AlarmActions", List.of(Match.anyValue()))));
        intake.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
        intake.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "alarms@example.gov.uk", "TopicArn", Match.anyValue()));
        intake.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
    }

    @Test
    void cloudWatchMayPublishToTheAlarmTopicsButOnlyForThisAccountsAlarmsAndOnlyOverTls() {
        for (Template template : List.of(intake, edge)) {
            String region = template == edge ? "us-east-1" : FundingApp.DEFAULT_REGION;
            Object thisAccountsAlarms = Map.of("Fn::Join", List.of("", List.of(
                    "arn:", Map.of("Ref", "AWS::Partition"), ":cloudwatch:" + region + ":", Map.of("Ref", "AWS::AccountId"), ":alarm:*")));
            Object allowCloudWatch = Match.objectLike(Map.of("Effect", "Allow", "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                    "Action", "sns:Publish", "Condition", Map.of(
                            "StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")),
                            "ArnLike", Map.of("aws:SourceArn", thisAccountsAlarms))));
            Object denyWithoutTls = Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
            template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument",
                    Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(denyWithoutTls, allowCloudWatch)))))));
        }
    }

    @Test
    void cloudFrontServerErrorsAreWatchedInUsEast1WhereCloudFrontPublishesItsMetrics() {
        assertThat(synth.stack("EdgeAlarms").getRegion()).isEqualTo("us-east-1");
        edge.resourceCountIs("AWS::CloudWatch::Alarm", 1);
        edge.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Namespace", "AWS/CloudFront", "MetricName", "5xxErrorRate",
                // The distribution's id arrives from the site stack's region through CDK's exports reader.
                "Dimensions", List.of(Map.of("Name", "DistributionId", "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ExportsReader.*"),
                                Match.stringLikeRegexp(".*RefDistribution.*")))),
                        Map.of("Name", "Region", "Value", "Global")),
                "Statistic", "Average", "Threshold", 5, "EvaluationPeriods", 2, "AlarmActions", List.of(Match.anyValue()))));
        edge.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "alarms@example.gov.uk", "TopicArn", Match.anyValue()));
    }

    @Test
    void siteBucketIsPrivateEncryptedTlsOnlyAndLogged() {
        site.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Match.anyValue(),
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "s3/")))));
        site.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void cloudFrontServesTheSiteThroughOriginAccessControlAndSendsApiUncachedToTheHttpApi() {
        site.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        site.hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultRootObject", "index.html",
                "Logging", Match.objectLike(Map.of("Prefix", "cloudfront/")),
                "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https",
                        "FunctionAssociations", List.of(Match.objectLike(Map.of("EventType", "viewer-request"))))),
                "CacheBehaviors", List.of(Match.objectLike(Map.of(
                        "PathPattern", "/api/*",
                        "ViewerProtocolPolicy", "https-only",
                        // AWS's managed CachingDisabled policy
                        "CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                        "AllowedMethods", List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE")))),
                // Only the bucket's 403 for a missing page: the intake's own 404s and other errors pass through.
                "CustomErrorResponses", List.of(Match.objectLike(Map.of("ErrorCode", 403, "ResponseCode", 404, "ResponsePagePath", "/404.html"))))))));
    }

    @Test
    void accessLogsAreKeptAsLongAsThePrivacyNoticeSays() throws IOException {
        String privacy = Files.readString(Path.of("../site/src/main/jbake/content/privacy.md"));
        java.util.regex.Matcher stated = java.util.regex.Pattern.compile("deleted after (\\d+) days").matcher(privacy);
        assertThat(stated.find()).as("the privacy notice states the log retention").isTrue();
        int days = Integer.parseInt(stated.group(1));
        assertThat(days).isLessThan(365);
        site.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Map.of("ExpirationInDays", days, "Status", "Enabled"))),
                "OwnershipControls", Match.anyValue())));
        // The functions' and the API's logs carry IP addresses and request ids too: no longer.
        Map<String, Map<String, Object>> logGroups = intake.findResources("AWS::Logs::LogGroup");
        assertThat(logGroups).isNotEmpty();
        logGroups.values().forEach(group -> assertThat(((Map<?, ?>) group.get("Properties")).get("RetentionInDays")).isEqualTo(days));
    }

    @Test
    void responseHeadersPolicySetsCspHstsNosniffReferrerAndNoFraming() {
        site.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Match.objectLike(Map.of("ResponseHeadersPolicyConfig", Match.objectLike(Map.of(
                "SecurityHeadersConfig", Match.objectLike(Map.of(
                        "ContentSecurityPolicy", Map.of("ContentSecurityPolicy", SecurityHeaders.CONTENT_SECURITY_POLICY, "Override", true),
                        "StrictTransportSecurity", Match.objectLike(Map.of("AccessControlMaxAgeSec", 31536000, "IncludeSubdomains", true)),
                        "ContentTypeOptions", Map.of("Override", true),
                        "ReferrerPolicy", Map.of("ReferrerPolicy", "strict-origin-when-cross-origin", "Override", true),
                        "FrameOptions", Map.of("FrameOption", "DENY", "Override", true))))))));
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }

    /** The headers the local run sends (SecurityHeaders, read by LocalRunIT) are the ones this policy makes CloudFront send. */
    @Test
    @SuppressWarnings("unchecked")
    void theSecurityHeadersTheLocalRunSendsAreTheOnesThePolicySynthesises() {
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) site.findResources("AWS::CloudFront::ResponseHeadersPolicy")
                .values().iterator().next().get("Properties")).get("ResponseHeadersPolicyConfig");
        Map<String, Map<String, Object>> security = (Map<String, Map<String, Object>>) config.get("SecurityHeadersConfig");
        Map<String, Object> hsts = security.get("StrictTransportSecurity");
        Map<String, String> synthesised = new java.util.LinkedHashMap<>();
        synthesised.put("Content-Security-Policy", (String) security.get("ContentSecurityPolicy").get("ContentSecurityPolicy"));
        synthesised.put("X-Content-Type-Options", "nosniff"); // the only value CloudFront's ContentTypeOptions sends
        synthesised.put("Referrer-Policy", (String) security.get("ReferrerPolicy").get("ReferrerPolicy"));
        synthesised.put("X-Frame-Options", (String) security.get("FrameOptions").get("FrameOption"));
        synthesised.put("Strict-Transport-Security", "max-age=" + hsts.get("AccessControlMaxAgeSec")
                + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : ""));

        assertThat(security).containsOnlyKeys("ContentSecurityPolicy", "ContentTypeOptions", "ReferrerPolicy", "FrameOptions", "StrictTransportSecurity");
        assertThat(synthesised).isEqualTo(SecurityHeaders.overHttps());
        assertThat(config).doesNotContainKeys("CustomHeadersConfig", "RemoveHeadersConfig");
    }

    @Test
    void theBakedSiteIsPublishedAndTheCacheInvalidated() {
        site.hasResourceProperties("Custom::CDKBucketDeployment", Match.objectLike(Map.of(
                "DistributionPaths", List.of("/*"), "DistributionId", Match.anyValue(), "DestinationBucketName", Match.anyValue())));
    }

    @Test
    void cdkNagAwsSolutionsReportsNoUnsuppressedError() {
        List<String> errors = new ArrayList<>();
        for (String concern : List.of("Data", "Intake", "Site", "EdgeAlarms", "EdgeFirewall")) {
            for (SynthesisMessage message : Annotations.fromStack(synth.stack(concern)).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))) {
                errors.add(concern + " " + message.getId() + ": " + message.getEntry().getData());
            }
        }
        assertThat(errors).isEmpty();
        List<SynthesisMessage> warnings = Annotations.fromStack(synth.stack("Site")).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        System.out.printf("cdk-nag warnings on the site stack: %d%n", warnings.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBootstrapExecutionPolicyCoversEveryServiceTheStacksUseAndNoMore() throws IOException {
        Map<String, Object> policy = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(Path.of("bootstrap-policy.json")));
        List<String> allowed = new ArrayList<>();
        List<String> iamResources = new ArrayList<>();
        for (Map<String, Object> statement : (List<Map<String, Object>>) policy.get("Statement")) {
            if ("Allow".equals(statement.get("Effect"))) {
                List<String> actions = (List<String>) statement.get("Action");
                allowed.addAll(actions);
                if (actions.stream().anyMatch(a -> a.startsWith("iam:"))) {
                    iamResources.add(String.valueOf(statement.get("Resource")));
                }
            }
        }
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (String concern : List.of("Data", "Intake", "Site", "EdgeAlarms", "EdgeFirewall")) {
            Map<String, Object> resources = (Map<String, Object>) synth.template(concern).toJSON().get("Resources");
            for (Object resource : resources.values()) {
                String type = String.valueOf(((Map<String, Object>) resource).get("Type"));
                if (type.startsWith("Custom::")) {
                    used.add("lambda"); // CloudFormation invokes the custom resource's function
                } else if (!type.equals("AWS::CDK::Metadata")) {
                    used.add(type.split("::")[1].toLowerCase(java.util.Locale.ROOT).replace("apigatewayv2", "apigateway"));
                }
            }
        }
        java.util.Set<String> services = new java.util.TreeSet<>();
        allowed.forEach(a -> services.add(a.substring(0, a.indexOf(':'))));
        services.remove("ssm"); // reads the bootstrap version parameter, as CDK's templates do
        assertThat(services).isEqualTo(used);
        // IAM only for the stacks' own roles: never users, policies of other roles, or a wildcard
        assertThat(allowed).filteredOn(a -> a.startsWith("iam:")).doesNotContain("iam:*", "iam:CreateUser", "iam:CreatePolicyVersion");
        assertThat(iamResources).containsExactly("arn:aws:iam::*:role/Funding-*");
    }

    @Test
    void aCustomDomainGetsItsCertificateAndTls12() {
        Template withDomain = new Synth(Map.of("domainName", "funding.example.gov.uk",
                "certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc")).template("Site");
        withDomain.hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Aliases", List.of("funding.example.gov.uk"),
                "ViewerCertificate", Match.objectLike(Map.of("MinimumProtocolVersion", "TLSv1.2_2021", "SslSupportMethod", "sni-only")))))));
    }

    /**
     * Exactly what every mail function is told: the table, the sender, the mailboxes and the set;
     * the site's address too when the deployment has its own domain (a funder asking for endorsement).
     */
    static Map<String, Object> mailVariables(Object... more) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("TABLE_NAME", Match.anyValue(), "SENDER_ADDRESS", "funding@example.gov.uk",
                "STAFF_MAILBOXES", Synth.MAILBOXES, "SES_CONFIGURATION_SET", Map.of("Ref", configurationSetId())));
        if (Synth.CONTEXT.containsKey("domainName")) {
            variables.put("SITE_ADDRESS", "https://" + Synth.CONTEXT.get("domainName"));
        }
        for (int i = 0; i < more.length; i += 2) {
            variables.put((String) more[i], more[i + 1]);
        }
        return variables;
    }

    /** The logical id of the one SES configuration set. */
    static String configurationSetId() {
        return logicalId("AWS::SES::ConfigurationSet", "MailConfigurationSet");
    }

    @Test
    void mailGoesFromADomainIdentitySignedWithEasyDkim2048AndACustomMailFrom() {
        intake.resourceCountIs("AWS::SES::EmailIdentity", 1);
        intake.hasResourceProperties("AWS::SES::EmailIdentity", Map.of(
                "EmailIdentity", "example.gov.uk",
                "DkimAttributes", Map.of("SigningEnabled", true),
                "DkimSigningAttributes", Map.of("NextSigningKeyLength", "RSA_2048_BIT"),
                "MailFromAttributes", Map.of("MailFromDomain", "mail.example.gov.uk", "BehaviorOnMxFailure", "USE_DEFAULT_VALUE"),
                "ConfigurationSetAttributes", Map.of("ConfigurationSetName", Map.of("Ref", configurationSetId()))));
        // The three CNAMEs the OPCC adds to its DNS are printed by the deploy.
        for (int i = 1; i <= 3; i++) {
            intake.hasOutput("DkimCname" + i, Match.objectLike(Map.of("Value", Match.anyValue())));
        }
    }

    @Test
    void theConfigurationSetRequiresTlsSuppressesBouncesAndComplaintsAndPublishesThemToCloudWatch() {
        intake.resourceCountIs("AWS::SES::ConfigurationSet", 1);
        intake.hasResourceProperties("AWS::SES::ConfigurationSet", Match.objectLike(Map.of(
                "Name", "Funding-test-mail",
                "DeliveryOptions", Map.of("TlsPolicy", "REQUIRE"),
                "ReputationOptions", Map.of("ReputationMetricsEnabled", true),
                "SendingOptions", Map.of("SendingEnabled", true),
                "SuppressionOptions", Map.of("SuppressedReasons", List.of("BOUNCE", "COMPLAINT")))));
        intake.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", Map.of(
                "ConfigurationSetName", Map.of("Ref", configurationSetId()),
                "EventDestination", Match.objectLike(Map.of(
                        "Enabled", true,
                        "MatchingEventTypes", List.of("bounce", "complaint", "reject", "deliveryDelay"),
                        "CloudWatchDestination", Map.of("DimensionConfigurations", List.of(Map.of(
                                "DimensionName", "ses:configuration-set", "DimensionValueSource", "messageTag",
                                "DefaultDimensionValue", Map.of("Ref", configurationSetId()))))))));
    }

    @Test
    void bouncesComplaintsAndTheAccountsReputationRaiseAlarmsOnTheAlarmTopic() {
        Object topic = Map.of("Ref", logicalId("AWS::SNS::Topic", "Alarms"));
        Object thisSet = List.of(Map.of("Name", "ses:configuration-set", "Value", Map.of("Ref", configurationSetId())));
        for (String event : List.of("Bounce", "Complaint")) {
            intake.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Namespace", "AWS/SES", "MetricName", event,
                    "Dimensions", thisSet, "Statistic", "Sum", "Threshold", 1, "AlarmActions", List.of(topic), "TreatMissingData", "notBreaching")));
        }
        intake.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Namespace", "AWS/SES",
                "MetricName", "Reputation.BounceRate", "Threshold", 0.04, "Period", 3600, "AlarmActions", List.of(topic))));
        intake.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Namespace", "AWS/SES",
                "MetricName", "Reputation.ComplaintRate", "Threshold", 0.0008, "Period", 3600, "AlarmActions", List.of(topic))));
        // the account-wide rates carry no dimension, as SES publishes them
        intake.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Reputation.BounceRate",
                "Dimensions", Match.anyValue())), 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionThatSendsMaySendOnlyAsTheIdentityThroughTheConfigurationSet() {
        List<String> senders = new ArrayList<>();
        intake.findResources("AWS::IAM::Policy").forEach((id, policy) -> {
            var statements = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) policy.get("Properties"))
                    .get("PolicyDocument")).get("Statement");
            for (Map<String, Object> statement : statements) {
                if (String.valueOf(statement.get("Action")).contains("ses:")) {
                    senders.add(id.replaceAll("ServiceRole.*", ""));
                    List<String> resources = ((List<Object>) statement.get("Resource")).stream().map(String::valueOf).toList();
                    assertThat(resources).as(id).hasSize(2);
                    assertThat(resources.get(0)).contains(":identity/", "Ref=" + logicalId("AWS::SES::EmailIdentity", "MailIdentity"));
                    assertThat(resources.get(1)).contains(":configuration-set/", "Ref=" + configurationSetId());
                    assertThat(resources).noneMatch(r -> r.contains("*"));
                }
            }
        });
        assertThat(senders).containsExactlyInAnyOrder("Notifier", "EmailResender", "PanelPack", "OutcomeEmails", "Endorsements",
                "EndorsementReminders");
        // and each of them is told the set's name
        for (String handler : List.of("NotifierHandler", "ResendHandler", "PanelPackHandler", "OutcomeHandler", "EndorsementHandler",
                "EndorsementReminderHandler")) {
            intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", "uk.opcc.funding.function." + handler + "::handleRequest",
                    "Environment", Map.of("Variables", Match.objectLike(Map.of("SES_CONFIGURATION_SET", Map.of("Ref", configurationSetId())))))));
        }
    }

    @Test
    void theSendingDomainAndMailFromAreConfigurableAndChecked() {
        Template other = new Synth(Map.of("senderAddress", "funding@grants.example.org", "sendingDomain", "example.org",
                "mailFromDomain", "bounces.example.org")).template("Intake");
        other.hasResourceProperties("AWS::SES::EmailIdentity", Match.objectLike(Map.of("EmailIdentity", "example.org",
                "MailFromAttributes", Map.of("MailFromDomain", "bounces.example.org", "BehaviorOnMxFailure", "USE_DEFAULT_VALUE"))));

        assertThatThrownBy(() -> new Synth(Map.of("senderAddress", "funding@example.gov.uk", "sendingDomain", "example.org")))
                .hasMessageContaining("senderAddress funding@example.gov.uk is not at sendingDomain example.org");
        assertThatThrownBy(() -> new Synth(Map.of("mailFromDomain", "mail.example.org")))
                .hasMessageContaining("mailFromDomain mail.example.org must be a subdomain of example.gov.uk");
        assertThatThrownBy(() -> new Synth(Map.of("senderAddress", "funding@mail.example.gov.uk", "sendingDomain", "example.gov.uk")))
                .hasMessageContaining("mailFromDomain mail.example.gov.uk must be a subdomain of example.gov.uk that no address sends from");
    }

    @Test
    void staffMailboxesThatDoNotFitTheCataloguesFundsStopTheSynthNamingTheFund() {
        List<String> funds = Synth.EMAILED_FUNDS;
        String last = funds.get(funds.size() - 1);
        String first = funds.get(0);
        assertThatThrownBy(() -> new Synth(Map.of("staffMailboxes", Synth.mailboxes(funds.subList(0, funds.size() - 1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STAFF_MAILBOXES has no address for " + last + ", which takes applications");
        assertThatThrownBy(() -> new Synth(Map.of("staffMailboxes", Synth.MAILBOXES + ",lottery=lottery@example.gov.uk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STAFF_MAILBOXES names lottery, which is not a fund in the catalogue");
        assertThatThrownBy(() -> new Synth(Map.of("staffMailboxes", Synth.MAILBOXES.replace(first + "@example.gov.uk", first + " at example.gov.uk"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STAFF_MAILBOXES: the address for " + first + " is not an email address");
        assertThatThrownBy(() -> new Synth(Map.of("staffMailboxes", Synth.MAILBOXES + "," + first + "=other@example.gov.uk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STAFF_MAILBOXES gives " + first + " twice");
    }

    @Test
    void mailboxesThatFitAreAcceptedInAnyOrderAndPassedToTheFunctionsAsWritten() {
        List<String> reversed = new ArrayList<>(Synth.EMAILED_FUNDS);
        java.util.Collections.reverse(reversed);
        String mailboxes = Synth.mailboxes(reversed).replace(",", ", ");
        Template other = new Synth(Map.of("staffMailboxes", mailboxes)).template("Intake");
        other.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Environment", Map.of("Variables", Match.objectLike(Map.of("STAFF_MAILBOXES", mailboxes))))), 6);
    }

    @Test
    void missingOrWrongSettingsAreAllNamedBeforeAnythingIsBuilt() {
        assertThatThrownBy(() -> FundingApp.build(App.Builder.create().context(Map.of("domainName", "funding.example.gov.uk",
                "lambdaJar", "nowhere.jar", "siteFolder", "nowhere")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment is not set")
                .hasMessageContaining("senderAddress is not set")
                .hasMessageContaining("alarmEmail is not set")
                .hasMessageContaining("domainName and certificateArn go together")
                .hasMessageContaining("lambdaJar nowhere.jar does not exist");
    }
}
