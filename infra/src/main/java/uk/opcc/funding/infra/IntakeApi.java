package uk.opcc.funding.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.ApiMapping;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.SecurityPolicy;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import uk.opcc.funding.function.http.OriginCheck;

/**
 * The HTTP API in front of the intake: its three routes, each with its own throttle, its
 * access log, and how CloudFront reaches it.
 *
 * <p>Callers must come through CloudFront (WAF, the security headers, the one address). An HTTP
 * API can have neither a resource policy nor a WAF web ACL of its own, and its execute-api
 * address can be switched off only when the API has a custom domain, which is itself public: so
 * the guarantee is a secret CloudFront adds to every request it sends to the API
 * ({@link OriginCheck#HEADER}), which the intake checks before anything else and refuses
 * without (403, nothing read, stored or sent). With {@code apiDomainName} the execute-api
 * address is switched off as well, so the API has one public name, the one CloudFront uses.
 * What neither closes: a direct caller's requests still count against the routes' throttles
 * (API Gateway throttles before any check can run); see the README ("Deploy").
 */
final class IntakeApi {
    /**
     * Each route has its own token bucket, so the two that store nothing can never use up the
     * send's. Submissions: a community form takes a few a minute at its busiest, the hour before a
     * call closes; 10 a second with a burst of 20 protects the table and the budget. Sections: a
     * page turn for each section of every form, so several times the submissions; the same
     * ceiling, which a flood of page turns fills without touching the send's. Confirmation: one
     * page per application and a reload or two.
     */
    static final ThrottleSettings SUBMISSIONS = ThrottleSettings.builder().rateLimit(10).burstLimit(20).build();
    static final ThrottleSettings SECTIONS = ThrottleSettings.builder().rateLimit(10).burstLimit(20).build();
    static final ThrottleSettings CONFIRMATION = ThrottleSettings.builder().rateLimit(5).burstLimit(10).build();
    static final String SUBMISSIONS_ROUTE = "POST /api/forms/{formId}/submissions";
    static final String SECTIONS_ROUTE = "POST /api/forms/{formId}/sections";
    static final String CONFIRMATION_ROUTE = "GET /api/forms/{formId}/confirmation";
    /** An endorser's page and their answer: a few per application, by people with the link. */
    static final ThrottleSettings ENDORSEMENTS = ThrottleSettings.builder().rateLimit(5).burstLimit(10).build();
    static final String ENDORSEMENT_PAGE_ROUTE = "GET /api/endorsements";
    static final String ENDORSEMENT_ANSWER_ROUTE = "POST /api/endorsements";

    final HttpApi api;
    /** The name CloudFront's /api/* origin reaches the API by: its custom domain, or its execute-api address. */
    final String originDomain;
    /** The value CloudFront sends as {@link OriginCheck#HEADER}; generated, never in a template. */
    final Secret originSecret;

    /** Built straight into the stack, not a construct of its own: the API's logical ids stay as they were, so it is not replaced. */
    IntakeApi(Stack scope, FundingConfig config, Alias intake, software.amazon.awscdk.services.lambda.IFunction endorsements) {
        originSecret = Secret.Builder.create(scope, "OriginSecret")
                .description("Sent by CloudFront to the intake API as " + OriginCheck.HEADER + "; the intake refuses requests without it")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(48).excludePunctuation(true).build())
                .build();
        Nag.suppress(originSecret, "SMG4", "Rotating it means a deploy of the site stack (CloudFront's header) and a new intake "
                + "version at once; without a rotation Lambda that would turn applicants away while the two differ.");

        api = HttpApi.Builder.create(scope, "Api").createDefaultStage(false)
                .disableExecuteApiEndpoint(config.apiDomainName() != null).build();
        HttpLambdaIntegration integration = new HttpLambdaIntegration("IntakeIntegration", intake);
        for (String route : List.of(SUBMISSIONS_ROUTE, SECTIONS_ROUTE, CONFIRMATION_ROUTE)) {
            String[] methodAndPath = route.split(" ");
            api.addRoutes(AddRoutesOptions.builder().path(methodAndPath[1]).methods(List.of(HttpMethod.valueOf(methodAndPath[0])))
                    .integration(integration).build());
        }
        HttpLambdaIntegration endorsing = new HttpLambdaIntegration("EndorsementIntegration", endorsements);
        for (String route : List.of(ENDORSEMENT_PAGE_ROUTE, ENDORSEMENT_ANSWER_ROUTE)) {
            String[] methodAndPath = route.split(" ");
            api.addRoutes(AddRoutesOptions.builder().path(methodAndPath[1]).methods(List.of(HttpMethod.valueOf(methodAndPath[0])))
                    .integration(endorsing).build());
        }
        HttpStage stage = HttpStage.Builder.create(scope, "DefaultStage").httpApi(api).stageName("$default").autoDeploy(true)
                // The ceiling for any route without a throttle of its own (there is none today).
                .throttle(SUBMISSIONS)
                .build();
        CfnStage cfnStage = (CfnStage) stage.getNode().getDefaultChild();
        cfnStage.setRouteSettings(Map.of(
                SUBMISSIONS_ROUTE, routeThrottle(SUBMISSIONS),
                SECTIONS_ROUTE, routeThrottle(SECTIONS),
                CONFIRMATION_ROUTE, routeThrottle(CONFIRMATION),
                ENDORSEMENT_PAGE_ROUTE, routeThrottle(ENDORSEMENTS),
                ENDORSEMENT_ANSWER_ROUTE, routeThrottle(ENDORSEMENTS)));
        LogGroup accessLogs = LogGroup.Builder.create(scope, "ApiAccessLogs")
                .retention(RetentionDays.THREE_MONTHS).removalPolicy(RemovalPolicy.DESTROY).build();
        cfnStage.setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                // No query strings, cookies or bodies: those can carry personal data or a confirmation token.
                .format("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"time\":\"$context.requestTime\","
                        + "\"route\":\"$context.routeKey\",\"status\":\"$context.status\",\"latency\":\"$context.integrationLatency\"}")
                .build());
        Nag.suppress(api, "APIG4", "A public application form: anyone may submit. Input is validated, throttled, and replays are idempotent; "
                + "the intake refuses any request that did not come through CloudFront (" + OriginCheck.HEADER + ").");

        if (config.apiDomainName() == null) {
            originDomain = Fn.select(2, Fn.split("/", api.getApiEndpoint()));
        } else {
            String region = scope.getRegion();
            if (!config.apiCertificateArn().startsWith("arn:aws:acm:" + region + ":")) {
                throw new IllegalArgumentException("apiCertificateArn must be an ACM certificate in " + region + ", the API's region");
            }
            DomainName domain = DomainName.Builder.create(scope, "ApiDomain")
                    .domainName(config.apiDomainName())
                    .certificate(Certificate.fromCertificateArn(scope, "ApiCertificate", config.apiCertificateArn()))
                    .securityPolicy(SecurityPolicy.TLS_1_2)
                    .build();
            ApiMapping.Builder.create(scope, "ApiMapping").api(api).domainName(domain).stage(stage).build();
            originDomain = config.apiDomainName();
            CfnOutput.Builder.create(scope, "ApiDomainTarget").value(domain.getRegionalDomainName())
                    .description("Add a CNAME record: " + config.apiDomainName() + " -> this value (CloudFront reaches the API by that name)").build();
        }
    }

    /** RouteSettings is free-form JSON in CloudFormation, keyed by route: written in its own casing. */
    private static Map<String, Object> routeThrottle(ThrottleSettings throttle) {
        return Map.of("ThrottlingRateLimit", throttle.getRateLimit(), "ThrottlingBurstLimit", throttle.getBurstLimit());
    }
}
