package dev.apigw.emulator.integration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Exchange;

/**
 * One integration, compiled: calls the backend for a request and completes with the method response, or
 * exceptionally with the {@code GatewayException} of a failure AWS answers with a gateway response.
 */
public interface IntegrationInvoker {

    /**
     * Calls the backend. A function call is handed to {@code runner} instead of being made here (see
     * {@link dev.apigw.lambda.LambdaFunction#invokeAsync}): the gateway runs it once the rest of the pipeline is
     * attached to the result, so a handler can run on the request's own thread and still be answered for on time.
     */
    CompletableFuture<GatewayResponse> invoke(Exchange exchange, Executor runner);

    /** What a failed invoker future carries: the exception itself, not the wrapper dependent stages add. */
    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
    }

    /** An integration that answers on the calling thread: HTTP backends and mocks, bounded by their own timeouts. */
    @FunctionalInterface
    interface Synchronous extends IntegrationInvoker {

        GatewayResponse invoke(Exchange exchange);

        @Override
        default CompletableFuture<GatewayResponse> invoke(Exchange exchange, Executor runner) {
            try {
                return CompletableFuture.completedFuture(invoke(exchange));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }
}
