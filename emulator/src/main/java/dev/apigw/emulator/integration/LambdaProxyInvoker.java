package dev.apigw.emulator.integration;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AWS_PROXY} to a Lambda function: the request becomes a proxy event (payload 1.0 or 2.0), the
 * function's result is read as AWS reads it. A function error is a 502 on REST APIs and a 500 on HTTP
 * APIs; the integration timeout a 504 / 503.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
final class LambdaProxyInvoker implements IntegrationInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaProxyInvoker.class);

    private final String functionName;
    private final Functions functions;
    private final Duration timeout;
    private final int payloadLimitBytes;
    private final Function<Exchange, byte[]> eventFormat;
    private final BiFunction<byte[], Exchange, GatewayResponse> resultFormat;

    LambdaProxyInvoker(String functionName, Functions functions, Duration timeout, int payloadLimitBytes,
            Function<Exchange, byte[]> eventFormat, BiFunction<byte[], Exchange, GatewayResponse> resultFormat) {
        this.functionName = functionName;
        this.functions = functions;
        this.timeout = timeout;
        this.payloadLimitBytes = payloadLimitBytes;
        this.eventFormat = eventFormat;
        this.resultFormat = resultFormat;
    }

    @Override
    public CompletableFuture<GatewayResponse> invoke(Exchange exchange, Executor runner) {
        byte[] event = eventFormat.apply(exchange);
        if (event.length > payloadLimitBytes) {
            // The event, not the body, is what Lambda limits: headers, the request context and a base64-encoded
            // binary body all count, so a body well under API Gateway's 10 MB can still be refused here.
            LOG.warn("[{}] the proxy event for {} is {} bytes, over Lambda's {}-byte request payload limit;"
                    + " send a smaller body (or upload large files elsewhere, e.g. to S3, and pass a reference)",
                    exchange.context().requestId(), functionName, event.length, payloadLimitBytes);
            throw new GatewayException(GatewayError.LAMBDA_REQUEST_TOO_LONG, "Lambda request payload of "
                    + event.length + " bytes is over the limit of " + payloadLimitBytes + " bytes");
        }
        exchange.trace().lambdaRequest(functionName, event);
        return functions.invokeAsync(functionName, event,
                        exchange.trace().withLogLines(
                                new InvocationOptions(exchange.context().requestId(), functionName, timeout)),
                        runner)
                .handle((result, failure) -> answer(exchange, result, failure));
    }

    private GatewayResponse answer(Exchange exchange, @Nullable InvocationResult result, @Nullable Throwable failure) {
        String requestId = exchange.context().requestId();
        if (failure != null || result == null) {
            throw failed(requestId, failure);
        }
        exchange.trace().lambdaResponse(result.payload(),
                result instanceof InvocationResult.FunctionError error ? error.errorType() : null);
        if (result instanceof InvocationResult.FunctionError error) {
            LOG.warn("[{}] Lambda execution failed due to customer function error in {}: {}: {}",
                    requestId, functionName, error.errorType(), error.errorMessage());
            throw new GatewayException(GatewayError.LAMBDA_PROXY_FAILURE,
                    "Lambda execution failed with status 200 due to customer function error");
        }
        try {
            return resultFormat.apply(result.payload(), exchange);
        } catch (GatewayException e) {
            // AWS's execution log: "Execution failed due to configuration error: Malformed Lambda proxy response".
            LOG.warn("[{}] Execution failed due to configuration error in function {}: {}", requestId, functionName,
                    e.detail());
            throw e;
        }
    }

    private RuntimeException failed(String requestId, @Nullable Throwable failure) {
        return FunctionCallFailures.answer(functionName, failure, tooMany -> {
            // Lambda's 429 is an integration failure, never passed on: REST 500 {"message": "Internal server error"}
            // [K stackoverflow 36363280, repost.aws QUfI6bsdd0SOiPeyimzxSkfQ]; HTTP APIs 500 likewise (unconfirmed).
            LOG.warn("[{}] Lambda invocation failed with status: 429 (function {} throttled: {})",
                    requestId, functionName, tooMany.getMessage());
            return new GatewayException(GatewayError.INTEGRATION_FAILURE, "function " + functionName + " throttled");
        });
    }
}
