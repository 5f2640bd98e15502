package dev.apigw.lambda.remote;

import dev.apigw.lambda.LocalAccount;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where remote functions ({@link SdkLambdaFunction}) are invoked: a Lambda endpoint the AWS SDK v2
 * {@code LambdaClient} talks to — LocalStack, real AWS, or another apigw.
 *
 * @param endpoint null = the SDK's default endpoint for the region (real AWS)
 * @param accessKeyId null = the SDK's default credentials chain
 */
public record RemoteLambda(@Nullable URI endpoint, String region, @Nullable String accessKeyId,
        @Nullable String secretAccessKey) {

    public static final String DEFAULT_REGION = LocalAccount.REGION;

    public RemoteLambda {
        requireNonNull(region, "region");
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("give both the access key id and the secret, or neither");
        }
    }

    /**
     * From the command line's pieces.
     *
     * @param region null = {@link #DEFAULT_REGION}
     * @param credentials {@code ACCESS_KEY:SECRET}, or null for the SDK's default credentials chain
     */
    public static RemoteLambda of(@Nullable URI endpoint, @Nullable String region, @Nullable String credentials) {
        if (credentials == null) {
            return new RemoteLambda(endpoint, region == null ? DEFAULT_REGION : region, null, null);
        }
        int colon = credentials.indexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            throw new IllegalArgumentException("expected ACCESS_KEY:SECRET, e.g. test:test for LocalStack");
        }
        return new RemoteLambda(endpoint, region == null ? DEFAULT_REGION : region, credentials.substring(0, colon),
                credentials.substring(colon + 1));
    }

    /** Secrets stay out of logs and test reports. */
    @Override
    public String toString() {
        return "RemoteLambda[" + (endpoint == null ? "AWS" : endpoint) + ", " + region + "]";
    }
}
