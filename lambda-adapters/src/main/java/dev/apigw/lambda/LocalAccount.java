package dev.apigw.lambda;

/**
 * The AWS identity everything local lives in: one account and one region, as ARNs, events, contexts and
 * environment variables show them. One place, so that a method ARN, a function ARN and {@code AWS_REGION} agree.
 */
public final class LocalAccount {
    public static final String ID = "000000000000";
    public static final String REGION = "us-east-1";

    private LocalAccount() {}
}
