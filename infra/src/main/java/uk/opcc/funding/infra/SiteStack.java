package uk.opcc.funding.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.ErrorResponse;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import uk.opcc.funding.function.http.OriginCheck;
import uk.opcc.funding.function.http.SecurityHeaders;

/**
 * The public site: a private bucket behind CloudFront, with {@code /api/*} sent to the intake's
 * HTTP API on the same domain (so the forms need no CORS), and the baked site published on
 * every deploy.
 */
public final class SiteStack extends Stack {
    /** How long access logs (viewers' IP addresses) are kept: the privacy notice says the same. */
    static final int ACCESS_LOG_DAYS = 90;

    /**
     * How CloudFront reaches the intake's API: by this name, adding the secret the intake checks
     * ({@link OriginCheck#HEADER}) to every request, so only requests through CloudFront (its WAF,
     * its headers) are served.
     */
    public record ApiOrigin(String domainName, ISecret secret) {
    }

    public final Distribution distribution;
    public final Bucket site;

    /** @param webAclArn the CloudFront web ACL (EdgeFirewallStack, us-east-1) */
    public SiteStack(Construct scope, String id, StackProps props, FundingConfig config, ApiOrigin api, String webAclArn) {
        super(scope, id, props);
        Bucket logs = Bucket.Builder.create(this, "Logs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                // CloudFront's standard logs are written with ACLs.
                .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                // They hold viewers' IP addresses: kept as long as the privacy notice says, long enough
                // to look into a fault or misuse reported within a quarter, as long as the API's logs.
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(ACCESS_LOG_DAYS)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Nag.suppress(logs, "S1", "This is the access-log bucket; logging it into itself would loop.");

        site = Bucket.Builder.create(this, "Site")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("s3/")
                // Everything in it is rebuilt from the repository on every deploy.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        // The one definition the local run sends too (SecurityHeaders), so the browser tests see this policy.
        ResponseHeadersPolicy headers = ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder().contentSecurityPolicy(SecurityHeaders.CONTENT_SECURITY_POLICY).override(true).build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.seconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS)).includeSubdomains(SecurityHeaders.HSTS_INCLUDE_SUBDOMAINS).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.valueOf(SecurityHeaders.REFERRER_POLICY.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))).override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder().frameOption(HeadersFrameOption.valueOf(SecurityHeaders.FRAME_OPTIONS)).override(true).build())
                        .build())
                .build();

        // S3 has no folder index pages: /calls/ must fetch /calls/index.html.
        software.amazon.awscdk.services.cloudfront.Function folderIndex = software.amazon.awscdk.services.cloudfront.Function.Builder
                .create(this, "FolderIndex")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline("function handler(event) { var r = event.request; "
                        + "if (r.uri.endsWith('/')) { r.uri += 'index.html'; } return r; }"))
                .build();

        Distribution.Builder distribution = Distribution.Builder.create(this, "Distribution")
                .defaultRootObject("index.html")
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                .webAclId(webAclArn)
                .enableLogging(true)
                // Never the viewers' cookies (the confirmation cookie is a bearer token): the default, said out loud.
                .logIncludesCookies(false)
                .logBucket(logs)
                .logFilePrefix("cloudfront/")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(site))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .compress(true)
                        .responseHeadersPolicy(headers)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .function(folderIndex).eventType(FunctionEventType.VIEWER_REQUEST).build()))
                        .build())
                .additionalBehaviors(Map.of("/api/*", BehaviorOptions.builder()
                        .origin(HttpOrigin.Builder.create(api.domainName()).protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                                // Resolved by CloudFormation at deploy from the intake stack's secret.
                                .customHeaders(Map.of(OriginCheck.HEADER, api.secret().getSecretValue().unsafeUnwrap()))
                                .build())
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_ALL)
                        // Every application and confirmation is its own: never cached.
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                        .responseHeadersPolicy(headers)
                        .build()))
                // Error responses apply to every behaviour, /api/* included, so only 403 is mapped:
                // it is what the private bucket answers for a missing page (CloudFront may not list
                // it), and the intake never answers 403, so its own 404, 410, 413, 422 and 5xx pages
                // and problem+json reach the applicant unchanged.
                .errorResponses(List.of(
                        ErrorResponse.builder().httpStatus(403).responseHttpStatus(404).responsePagePath("/404.html").ttl(Duration.minutes(5)).build()));
        if (config.domainName() != null) {
            distribution.domainNames(List.of(config.domainName()))
                    .certificate(Certificate.fromCertificateArn(this, "Certificate", config.certificateArn()));
        }
        this.distribution = distribution.build();
        Nag.suppress(this.distribution, "CFR1", "A public information site for anyone, wherever they are reading from.");
        if (config.domainName() == null) {
            Nag.suppress(this.distribution, "CFR4", "Without a custom domain CloudFront's own certificate is used, which allows older TLS; set domainName and certificateArn for TLS 1.2+.");
        }

        BucketDeployment.Builder.create(this, "Publish")
                .sources(List.of(Source.asset(config.siteFolder().toString())))
                .destinationBucket(site)
                .distribution(this.distribution)
                .distributionPaths(List.of("/*"))
                .memoryLimit(512)
                .build();
        // CDK adds its deployment function once per stack, beside the construct: suppress on it alone.
        software.constructs.IConstruct deployer = getNode().getChildren().stream()
                .filter(c -> c.getNode().getId().startsWith("Custom::CDKBucketDeployment")).findFirst().orElseThrow();
        Nag.suppress(deployer, "IAM4", "CDK's own bucket-deployment function uses the basic Lambda execution role for its logs.");
        Nag.suppress(deployer, "IAM5", "CDK's bucket-deployment function copies every object of the site, so its S3 grant covers the bucket's objects.");
        Nag.suppress(deployer, "L1", "CDK's bucket-deployment function's runtime is chosen by CDK.");
    }
}
