package uk.opcc.funding.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import uk.opcc.funding.function.http.OriginCheck;

/**
 * What stands between the internet and the intake: WAF on CloudFront (a rate per address on
 * /api/*, AWS's managed rules), and an API that answers only CloudFront.
 */
class EdgeProtectionTest {
    static final Synth synth = Synth.standard();
    static final Template firewall = synth.template("EdgeFirewall");
    static final Template site = synth.template("Site");
    static final Template intake = synth.template("Intake");

    @Test
    void theWebAclIsCloudFrontsInUsEast1AndTheDistributionNamesItFromThere() {
        assertThat(synth.stack("EdgeFirewall").getRegion()).isEqualTo("us-east-1");
        firewall.resourceCountIs("AWS::WAFv2::WebACL", 1);
        firewall.hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of(
                "Scope", "CLOUDFRONT", "DefaultAction", Map.of("Allow", Map.of()),
                "VisibilityConfig", Match.objectLike(Map.of("CloudWatchMetricsEnabled", true, "SampledRequestsEnabled", true)))));
        // the site stack (eu-west-2) reads the ACL's ARN through CDK's cross-region exports reader
        site.hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of("DistributionConfig", Match.objectLike(Map.of(
                "WebACLId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ExportsReader.*"), Match.stringLikeRegexp(".*WebAcl.*"))))))));
        // and it is deployed first: the site depends on the firewall, the edge alarms on the site
        assertThat(synth.stack("Site").getDependencies()).contains(synth.stack("EdgeFirewall"));
        assertThat(synth.stack("EdgeAlarms").getDependencies()).contains(synth.stack("Site"));
    }

    @Test
    void oneAddressMayMakeOnlyANamedNumberOfApiRequestsInFiveMinutesThenGets429() {
        firewall.hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Name", "api-rate-per-ip", "Priority", 0,
                "Statement", Map.of("RateBasedStatement", Map.of(
                        "AggregateKeyType", "IP", "Limit", EdgeFirewallStack.API_REQUESTS_PER_IP, "EvaluationWindowSec", 300,
                        "ScopeDownStatement", Map.of("ByteMatchStatement", Map.of(
                                "FieldToMatch", Map.of("UriPath", Map.of()), "PositionalConstraint", "STARTS_WITH", "SearchString", "/api/",
                                "TextTransformations", List.of(Map.of("Priority", 0, "Type", "NONE")))))),
                "Action", Map.of("Block", Map.of("CustomResponse", Map.of("ResponseCode", 429, "CustomResponseBodyKey", "too-many"))))))),
                "CustomResponseBodies", Map.of("too-many", Match.objectLike(Map.of("ContentType", "TEXT_PLAIN",
                        "Content", Match.stringLikeRegexp("Wait 5 minutes, then try again.*")))))));
        // a whole application is some 25 requests: the limit lets several applicants share an address
        assertThat(EdgeFirewallStack.API_REQUESTS_PER_IP).isBetween(50L, 300L);
    }

    @Test
    void theManagedRuleGroupsThatFitRunAndTheBodySizeRuleOnlyCountsBecauseApplicationsReach64Kb() {
        for (String group : List.of("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet")) {
            firewall.hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                    "Name", group, "OverrideAction", Map.of("None", Map.of()),
                    "Statement", Map.of("ManagedRuleGroupStatement", Match.objectLike(Map.of("VendorName", "AWS", "Name", group))))))))));
        }
        firewall.hasResourceProperties("AWS::WAFv2::WebACL", Match.objectLike(Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Name", "AWSManagedRulesCommonRuleSet",
                "Statement", Map.of("ManagedRuleGroupStatement", Map.of("VendorName", "AWS", "Name", "AWSManagedRulesCommonRuleSet",
                        "RuleActionOverrides", List.of(Map.of("Name", "SizeRestrictions_BODY", "ActionToUse", Map.of("Count", Map.of()))))))))))));
        // and none that would refuse what applicants write or who they are
        String acl = firewall.toJSON().toString();
        assertThat(acl).doesNotContain("AWSManagedRulesSQLiRuleSet", "AWSManagedRulesAnonymousIpList", "AWSManagedRulesBotControlRuleSet");
    }

    @Test
    void wafLogsToItsOwnGroupForThreeMonthsWithoutCookiesOrQueryStrings() {
        firewall.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "aws-waf-logs-funding-test", "RetentionInDays", SiteStack.ACCESS_LOG_DAYS));
        firewall.hasResourceProperties("AWS::WAFv2::LoggingConfiguration", Match.objectLike(Map.of(
                "ResourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("WebAcl.*"), "Arn")),
                "RedactedFields", List.of(Map.of("SingleHeader", Map.of("Name", "cookie")), Map.of("QueryString", Map.of())))));
        // the group's ARN as WAF takes it: without the ":*" of CloudFormation's Arn attribute
        String destination = String.valueOf(firewall.findResources("AWS::WAFv2::LoggingConfiguration").values().iterator().next());
        assertThat(destination).contains(":logs:us-east-1:", ":log-group:", "{Ref=" + FundingAppTest.logicalIdIn(firewall, "AWS::Logs::LogGroup", "WafLogs") + "}").doesNotContain(":*");
    }

    @Test
    void cloudFrontProvesItselfToTheApiWithASecretTheIntakeChecks() {
        String secret = FundingAppTest.logicalIdIn(intake, "AWS::SecretsManager::Secret", "OriginSecret");
        site.hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Origins", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "CustomOriginConfig", Match.objectLike(Map.of("OriginProtocolPolicy", "https-only")),
                        "OriginCustomHeaders", List.of(Map.of("HeaderName", OriginCheck.HEADER,
                                // resolved by CloudFormation from the secret at deploy: no value in the template
                                "HeaderValue", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(
                                        "{{resolve:secretsmanager:", ":SecretString:::}}")))))))))))),
                "Logging", Match.objectLike(Map.of("IncludeCookies", false)))))));
        intake.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", "uk.opcc.funding.function.IntakeHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of("ORIGIN_SECRET", Map.of("Ref", secret)))))));
        // without a domain of its own the execute-api address is CloudFront's origin, guarded by the secret alone
        intake.hasResourceProperties("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("DisableExecuteApiEndpoint", false)));
        intake.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
        assertThat(secret).isNotBlank();
    }

    @Test
    void withADomainOfItsOwnTheApisExecuteApiAddressIsSwitchedOffAndCloudFrontUsesTheDomain() {
        Synth withDomain = new Synth(Map.of("apiDomainName", "api.funding.example.gov.uk",
                "apiCertificateArn", "arn:aws:acm:eu-west-2:123456789012:certificate/abc"));
        Template api = withDomain.template("Intake");

        api.hasResourceProperties("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("DisableExecuteApiEndpoint", true)));
        api.hasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.objectLike(Map.of("DomainName", "api.funding.example.gov.uk",
                "DomainNameConfigurations", List.of(Match.objectLike(Map.of("CertificateArn", "arn:aws:acm:eu-west-2:123456789012:certificate/abc",
                        "EndpointType", "REGIONAL", "SecurityPolicy", "TLS_1_2"))))));
        api.hasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.objectLike(Map.of("Stage", Match.anyValue(), "ApiId", Match.anyValue())));
        api.hasOutput("ApiDomainTarget", Match.anyValue());
        withDomain.template("Site").hasResourceProperties("AWS::CloudFront::Distribution", Match.objectLike(Map.of("DistributionConfig",
                Match.objectLike(Map.of("Origins", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "DomainName", "api.funding.example.gov.uk",
                        "OriginCustomHeaders", List.of(Match.objectLike(Map.of("HeaderName", OriginCheck.HEADER))))))))))));
    }

    @Test
    void anApiCertificateFromAnotherRegionOrWithoutItsDomainStopsTheSynth() {
        assertThatThrownBy(() -> new Synth(Map.of("apiDomainName", "api.funding.example.gov.uk",
                "apiCertificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc")))
                .hasMessageContaining("apiCertificateArn must be an ACM certificate in eu-west-2");
        assertThatThrownBy(() -> new Synth(Map.of("apiDomainName", "api.funding.example.gov.uk")))
                .hasMessageContaining("apiDomainName and apiCertificateArn go together");
    }
}
