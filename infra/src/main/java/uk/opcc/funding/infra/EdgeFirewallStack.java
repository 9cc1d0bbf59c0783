package uk.opcc.funding.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ManagedRuleGroupStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleActionOverrideProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.StatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.VisibilityConfigProperty;
import software.constructs.Construct;

/**
 * AWS WAF in front of CloudFront. A web ACL for a distribution has scope CLOUDFRONT and must be
 * created in us-east-1, and it must exist before the distribution that names it: so it has this
 * stack of its own, deployed before the site stack, which reads the ACL's ARN through CDK's
 * cross-region references (the opposite direction to EdgeAlarmsStack, which needs the
 * distribution and so comes after it). Order: EdgeFirewall, Site, EdgeAlarms.
 */
public final class EdgeFirewallStack extends Stack {
    public static final String REGION = "us-east-1";

    /**
     * Requests to {@code /api/*} one IP address may make in {@link #RATE_WINDOW_SECONDS} before
     * WAF answers 429 until its rate falls. A whole application without JavaScript is about one
     * request a page: a section post per page, Change and Continue on the check page, the send and
     * the confirmation, some 10 to 25 in all, spread over many minutes of reading and typing. 100
     * in five minutes lets several applicants share one address (an office, a library, a mobile
     * network's NAT) even while clicking quickly, and holds one address to a third of a request a
     * second: under 4% of the submissions route's throttle, so no one client can use it up.
     */
    static final long API_REQUESTS_PER_IP = 100;
    static final long RATE_WINDOW_SECONDS = 300;
    /** Kept as long as the other logs of viewers' addresses (SiteStack.ACCESS_LOG_DAYS, the privacy notice). */
    static final RetentionDays LOG_RETENTION = RetentionDays.THREE_MONTHS;

    public final CfnWebACL webAcl;

    public EdgeFirewallStack(Construct scope, String id, StackProps props, FundingConfig config) {
        super(scope, id, props);
        String name = "Funding-" + config.environment();
        webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .name(name + "-site")
                .scope("CLOUDFRONT")
                .description("The public site and its /api/*: a rate limit per address on the API and AWS's managed rules")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(name + "-site"))
                .customResponseBodies(Map.of("too-many", CfnWebACL.CustomResponseBodyProperty.builder()
                        .contentType("TEXT_PLAIN")
                        .content("You have sent a lot of requests in a short time. Wait 5 minutes, then try again. "
                                + "If you were sending an application, it has not been sent yet.")
                        .build()))
                .rules(List.of(apiRatePerIp(), ipReputation(), commonRules(), knownBadInputs()))
                .build();

        // Logged, so a blocked applicant's complaint can be traced to the rule that blocked them.
        // A log group whose name WAF accepts (aws-waf-logs-*), in this region as WAF requires.
        LogGroup logs = LogGroup.Builder.create(this, "WafLogs")
                .logGroupName("aws-waf-logs-" + name.toLowerCase(java.util.Locale.ROOT))
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        CfnLoggingConfiguration.Builder.create(this, "WafLogging")
                .resourceArn(webAcl.getAttrArn())
                // WAF takes the group's ARN without the ":*" CloudFormation's Arn attribute ends in.
                .logDestinationConfigs(List.of(formatArn(ArnComponents.builder().service("logs").resource("log-group")
                        .resourceName(logs.getLogGroupName()).arnFormat(ArnFormat.COLON_RESOURCE_NAME).build())))
                // The confirmation cookie is a bearer token, and the query string may carry what a
                // visitor typed: neither goes into a log.
                .redactedFields(List.of(
                        CfnLoggingConfiguration.FieldToMatchProperty.builder()
                                .singleHeader(Map.of("Name", "cookie")).build(),
                        CfnLoggingConfiguration.FieldToMatchProperty.builder().queryString(Map.of()).build()))
                .build()
                .addDependency((software.amazon.awscdk.CfnResource) logs.getNode().getDefaultChild());
    }

    /** Only /api/*: the static pages are cached by CloudFront and cost nothing to serve again. */
    private static RuleProperty apiRatePerIp() {
        return RuleProperty.builder()
                .name("api-rate-per-ip")
                .priority(0)
                .statement(StatementProperty.builder().rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                        .aggregateKeyType("IP")
                        .limit(API_REQUESTS_PER_IP)
                        .evaluationWindowSec(RATE_WINDOW_SECONDS)
                        .scopeDownStatement(StatementProperty.builder().byteMatchStatement(CfnWebACL.ByteMatchStatementProperty.builder()
                                .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder().uriPath(Map.of()).build())
                                .positionalConstraint("STARTS_WITH")
                                .searchString("/api/")
                                .textTransformations(List.of(CfnWebACL.TextTransformationProperty.builder().priority(0).type("NONE").build()))
                                .build()).build())
                        .build()).build())
                // 429 and a sentence, not the 403 that CloudFront would turn into the "page not found" page.
                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder()
                        .customResponse(CfnWebACL.CustomResponseProperty.builder().responseCode(429).customResponseBodyKey("too-many").build())
                        .build()).build())
                .visibilityConfig(visibility("api-rate-per-ip"))
                .build();
    }

    /** Addresses AWS's threat intelligence has seen in botnets and reconnaissance: few false positives, 25 WCUs. */
    private static RuleProperty ipReputation() {
        return managed("AWSManagedRulesAmazonIpReputationList", 1, List.of());
    }

    /**
     * OWASP-style checks of headers, URI, query and body (cross-site scripting, path traversal,
     * SSRF to instance metadata…). SizeRestrictions_BODY blocks bodies over 8 KB, but an
     * application may be up to 64 KB (the intake refuses more with 413 and a page saying so),
     * so it only counts. Answers are free text, yet these rules look for markup and exploit
     * shapes, not for words like "select" or an apostrophe, so the SQL rule group is left out.
     */
    private static RuleProperty commonRules() {
        return managed("AWSManagedRulesCommonRuleSet", 2, List.of(RuleActionOverrideProperty.builder()
                .name("SizeRestrictions_BODY")
                .actionToUse(CfnWebACL.RuleActionProperty.builder().count(CfnWebACL.CountActionProperty.builder().build()).build())
                .build()));
    }

    /** Request shapes of known exploits, Log4Shell and Java deserialisation among them: the intake is Java. */
    private static RuleProperty knownBadInputs() {
        return managed("AWSManagedRulesKnownBadInputsRuleSet", 3, List.of());
    }

    /*
     * Left out, each for a reason: SQL database (no SQL behind the API; free text would trip it);
     * Linux, POSIX, Windows, PHP and WordPress (none of them runs here); anonymous IP list (it
     * would block applicants on VPNs, Tor or a charity's hosted desktop, who have every right to
     * apply); Bot Control, account takeover and account creation fraud (paid per request, and
     * there are no accounts or logins).
     */

    private static RuleProperty managed(String group, int priority, List<RuleActionOverrideProperty> overrides) {
        ManagedRuleGroupStatementProperty.Builder statement = ManagedRuleGroupStatementProperty.builder().vendorName("AWS").name(group);
        if (!overrides.isEmpty()) {
            statement.ruleActionOverrides(overrides);
        }
        return RuleProperty.builder()
                .name(group)
                .priority(priority)
                .statement(StatementProperty.builder().managedRuleGroupStatement(statement.build()).build())
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                .visibilityConfig(visibility(group))
                .build();
    }

    private static VisibilityConfigProperty visibility(String metric) {
        return VisibilityConfigProperty.builder().cloudWatchMetricsEnabled(true).metricName(metric).sampledRequestsEnabled(true).build();
    }
}
