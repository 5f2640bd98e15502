package dev.apigw.emulator.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.Template;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AWS} (non-proxy) to a Lambda function: the request template (or the passthrough body) is the function's
 * payload; its result — or its error, matched by {@code errorMessage} — goes through the integration responses.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-custom-integrations.html
 */
final class LambdaInvoker implements IntegrationInvoker {
    /** A body-less request passed through reaches the function as {@code {}} [S TestApiGatewayHeaderRemapping]. */
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final JsonFactory JSON = new JsonFactory();
    private static final Logger LOG = LoggerFactory.getLogger(LambdaInvoker.class);

    private final String functionName;
    private final Functions functions;
    private final Duration timeout;
    private final MappingTemplates engine;
    private final NonProxyParts parts;

    LambdaInvoker(String functionName, Functions functions, Duration timeout, MappingTemplates engine,
            NonProxyParts parts) {
        this.functionName = functionName;
        this.functions = functions;
        this.timeout = timeout;
        this.engine = engine;
        this.parts = parts;
    }

    @Override
    public CompletableFuture<GatewayResponse> invoke(Exchange exchange, Executor runner) {
        GatewayRequest request = exchange.request();
        MappingState state = MappingState.of(engine, exchange);
        Optional<Template> template = parts.requestTemplates().select(request);
        byte[] payload = template.isEmpty() && !request.hasBody() ? EMPTY_OBJECT
                : parts.requestBody().of(request, template, state);
        requireJson(payload);
        exchange.trace().lambdaRequest(functionName, payload);
        return functions.invokeAsync(functionName, payload, exchange.trace().withLogLines(
                        new InvocationOptions(exchange.context().requestId(), functionName, timeout)), runner)
                .handle((result, failure) -> answer(exchange, state, result, failure));
    }

    private GatewayResponse answer(Exchange exchange, MappingState state, @Nullable InvocationResult result,
            @Nullable Throwable failure) {
        if (failure != null || result == null) {
            throw failed(failure);
        }
        exchange.trace().lambdaResponse(result.payload(),
                result instanceof InvocationResult.FunctionError error ? error.errorType() : null);
        if (result instanceof InvocationResult.FunctionError error) {
            // Integration responses may map it (by errorMessage), often on purpose (a 404 for "not found"), and the
            // function's own log already has the error at WARN: this line says which function failed, as AWS's does.
            LOG.info("[{}] Lambda execution failed with status 200 due to customer function error in {}: {}: {}",
                    exchange.context().requestId(), functionName, error.errorType(), error.errorMessage());
        }
        IntegrationOutput output = result instanceof InvocationResult.FunctionError error
                ? IntegrationOutput.lambdaError(error.payload(), error.errorMessage())
                : IntegrationOutput.lambdaResult(result.payload());
        return parts.responses().respond(output, state, IntegrationResponses.accept(exchange.request()));
    }

    private RuntimeException failed(@Nullable Throwable failure) {
        // No integration response can select Lambda's 429: the client always gets the INTEGRATION_FAILURE answer,
        // 500 {"message": "Internal server error"} [K stackoverflow 36363280].
        return FunctionCallFailures.answer(functionName, failure, tooMany -> new GatewayException(
                GatewayError.INTEGRATION_FAILURE, "function " + functionName + " throttled: " + tooMany.getMessage()));
    }

    /** Lambda takes JSON; AWS refuses anything else before invoking, with the parser's reason [K serverless#2270]. */
    private static void requireJson(byte[] payload) {
        try (JsonParser parser = JSON.createParser(payload)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new GatewayException(GatewayError.LAMBDA_PAYLOAD_NOT_JSON, "payload is not JSON: " + reason,
                    GatewayError.LAMBDA_PAYLOAD_NOT_JSON.restMessage() + ": " + reason);
        }
    }
}
