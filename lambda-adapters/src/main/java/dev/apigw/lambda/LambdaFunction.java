package dev.apigw.lambda;

/**
 * A Lambda function as the gateway sees it: bytes in, bytes out, exactly like the Lambda Invoke API.
 * A handler's failure is an {@link InvocationResult.FunctionError}, never an exception.
 *
 * <pre>{@code
 * LambdaFunction echo = (payload, options) -> new InvocationResult.Success(payload);
 * }</pre>
 */
@FunctionalInterface
public interface LambdaFunction {

    InvocationResult invoke(byte[] payload, InvocationOptions options);
}
