package dev.apigw.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.lambda.java.FunctionSettings;
import dev.apigw.lambda.java.JavaHandlerFunction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A Lambda function as the gateway sees it: bytes in, bytes out, exactly like the Lambda Invoke API.
 * A handler's failure is an {@link InvocationResult.FunctionError}, never an exception.
 *
 * <p>Build one from a handler object, which then runs as the AWS Lambda Java runtime runs it (same serialization, a
 * real {@code Context}, the default 3 second timeout):
 *
 * <pre>{@code
 * LambdaFunction getPet = LambdaFunction.of(new GetPetHandler());   // a RequestHandler<APIGatewayProxyRequestEvent, …>
 * InvocationResult result = getPet.invoke(eventJson, InvocationOptions.of("request-1", "GetPet"));
 *
 * LambdaFunction echo = (payload, options) -> new InvocationResult.Success(payload);   // or any lambda
 * }</pre>
 */
@FunctionalInterface
public interface LambdaFunction {

    InvocationResult invoke(byte[] payload, InvocationOptions options);

    /**
     * Invokes the function with its work handed to {@code runner}, which may run it on the caller's own thread once
     * the caller has attached what follows the result: an in-process handler then costs no thread hand-off, while its
     * timeout and the caller's deadline still complete the result on time from another thread. The result completes
     * exceptionally with {@link DeadlineExceededException} or {@link TooManyRequestsException} where {@link #invoke}
     * would throw them. By default {@link #invoke} runs in the runner, bounded by its own timeouts.
     */
    default CompletableFuture<InvocationResult> invokeAsync(byte[] payload, InvocationOptions options, Executor runner) {
        return CompletableFuture.supplyAsync(() -> invoke(payload, options), runner);
    }

    /**
     * A function that runs {@code handler} with Lambda's default settings. Its input type comes from the class's
     * {@code RequestHandler<I, O>} declaration; a lambda expression has none, so it receives the event as a
     * {@code Map} (or {@code List}, {@code String}, number). The {@code Context} shows the function name the
     * invocation is made with.
     */
    static LambdaFunction of(RequestHandler<?, ?> handler) {
        return JavaHandlerFunction.forInstance(FunctionSettings.defaults(nameOf(handler)), handler);
    }

    /** A function that runs {@code handler} on the raw payload with Lambda's default settings. */
    static LambdaFunction ofStream(RequestStreamHandler handler) {
        return JavaHandlerFunction.forInstance(FunctionSettings.defaults(nameOf(handler)), handler);
    }

    private static String nameOf(Object handler) {
        String name = handler.getClass().getSimpleName();
        return name.isEmpty() ? "anonymous" : name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
