package uk.opcc.funding.infra;

import java.util.List;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.DlqDestinationConfig;
import software.amazon.awscdk.services.lambda.IEventSourceDlq;
import software.amazon.awscdk.services.lambda.IEventSourceMapping;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * An S3 bucket as a stream mapping's on-failure destination, granting the function's role only
 * what Lambda needs to write there (s3:PutObject on the objects, s3:ListBucket on the bucket).
 * CDK's own S3OnFailureDestination grants read, write and delete on every object.
 */
final class OnFailureBucket implements IEventSourceDlq {
    private final IBucket bucket;

    OnFailureBucket(IBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public DlqDestinationConfig bind(IEventSourceMapping target, IFunction function) {
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject")).resources(List.of(bucket.arnForObjects("*"))).build());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket")).resources(List.of(bucket.getBucketArn())).build());
        return DlqDestinationConfig.builder().destination(bucket.getBucketArn()).build();
    }
}
