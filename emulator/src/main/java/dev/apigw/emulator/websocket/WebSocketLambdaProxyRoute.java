package dev.apigw.emulator.websocket;

import java.io.IOException;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aws_proxy}: the function gets AWS's WebSocket event; its {@code statusCode} decides {@code $connect} (with
 * {@code headers.Sec-WebSocket-Protocol} selecting a subprotocol) and its {@code body} is the route response's frame,
 * not the whole result object (AWS-REFERENCE 3.2, 3.4).
 */
record WebSocketLambdaProxyRoute(String functionName, Duration timeout, Functions functions)
        implements WebSocketRouteHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketLambdaProxyRoute.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public WebSocketRouteResult invoke(WebSocketRouteCall call) {
        InvocationResult result;
        try {
            result = functions.invoke(functionName, call.proxyEvent(),
                    new InvocationOptions(call.requestId(), functionName, timeout));
        } catch (DeadlineExceededException e) {
            LOG.warn("[{}] {}", call.requestId(), e.getMessage());
            return WebSocketRouteResult.failure();
        } catch (TooManyRequestsException e) {
            // Lambda's 429 is an integration failure, as on REST APIs (unconfirmed for WebSocket APIs).
            LOG.warn("[{}] Lambda invocation failed with status: 429 (function {} throttled)", call.requestId(),
                    functionName);
            return WebSocketRouteResult.failure();
        }
        if (result instanceof InvocationResult.FunctionError error) {
            LOG.warn("[{}] Lambda execution failed due to customer function error in {}: {}: {}", call.requestId(),
                    functionName, error.errorType(), error.errorMessage());
            return WebSocketRouteResult.failure();
        }
        JsonNode answer = parse(result.payload());
        String frame = answer.hasNonNull("body") ? answer.get("body").asText() : null;
        return new WebSocketRouteResult(false, answer.path("statusCode").asInt(200), frame,
                answer.path("headers").path("Sec-WebSocket-Protocol").asText(null));
    }

    private static JsonNode parse(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
