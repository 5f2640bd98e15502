package dev.apigw.emulator.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.emulator.mapping.ContextVariable;
import dev.apigw.emulator.mapping.TemplateException;
import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aws} (Lambda custom): the request template renders the payload from the message ({@code $input.body}) and
 * {@code $context} — without one the message itself is the payload ({@code {}} when there is none); the function's
 * result goes through the integration responses (the raw result without a template). A function error that no
 * selection pattern matches, a timeout or a payload that is not JSON is an integration failure.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-integration-requests.html
 */
record WebSocketLambdaRoute(String functionName, Duration timeout, Functions functions, WebSocketMapping mapping)
        implements WebSocketRouteHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketLambdaRoute.class);
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public WebSocketRouteResult invoke(WebSocketRouteCall call) {
        ContextVariable context = mapping.context(call);
        try {
            String message = call.body() == null || call.body().isEmpty() ? "{}" : call.body();
            String payload = mapping.request(call, context).orElse(message);
            if (!isJson(payload)) {
                LOG.warn("[{}] Execution failed: the payload for {} is not JSON", call.requestId(), functionName);
                return WebSocketRouteResult.failure();
            }
            InvocationResult result = functions.invoke(functionName, payload.getBytes(StandardCharsets.UTF_8),
                    new InvocationOptions(call.requestId(), functionName, timeout));
            if (result instanceof InvocationResult.FunctionError error) {
                if (!mapping.matchesError(error.errorMessage())) {
                    LOG.warn("[{}] Lambda execution failed due to customer function error in {}: {}: {}",
                            call.requestId(), functionName, error.errorType(), error.errorMessage());
                    return WebSocketRouteResult.failure();
                }
                return WebSocketRouteResult.of(200, mapping.response(error.errorMessage(), error.payloadAsString(),
                        call, context).orElse(null));
            }
            String body = result.payloadAsString();
            return WebSocketRouteResult.of(200, mapping.response(null, body, call, context).orElse(body));
        } catch (DeadlineExceededException e) {
            LOG.warn("[{}] {}", call.requestId(), e.getMessage());
            return WebSocketRouteResult.failure();
        } catch (TooManyRequestsException e) {
            // Lambda's 429 is an integration failure, as on REST APIs (unconfirmed for WebSocket APIs).
            LOG.warn("[{}] Lambda invocation failed with status: 429 (function {} throttled)", call.requestId(),
                    functionName);
            return WebSocketRouteResult.failure();
        } catch (TemplateException e) {
            LOG.warn("[{}] Execution failed due to a mapping template error: {}", call.requestId(), e.getMessage());
            return WebSocketRouteResult.failure();
        }
    }

    private static boolean isJson(String payload) {
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
