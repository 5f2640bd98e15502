package dev.apigw.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.events.ProxyEventV1;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The events REST API Lambda authorizers receive.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
final class AuthorizerEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthorizerEvents() {}

    /** Key order of real log captures: type, methodArn, authorizationToken. */
    static byte[] token(String methodArn, String token) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "TOKEN");
        event.put("methodArn", methodArn);
        event.put("authorizationToken", token);
        return bytes(event);
    }

    /**
     * The REQUEST event: the proxy event's request fields (same header, query and requestContext rendering) without
     * the body, {@code pathParameters} {@code {}} when there are none [D][E].
     */
    static byte[] request(String methodArn, GatewayRequest request, MatchedRoute route, RequestContext context) {
        JsonNode proxy;
        try {
            proxy = JSON.readTree(ProxyEventV1.build(new Exchange(request, route, context, List.of()), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "REQUEST");
        event.put("methodArn", methodArn);
        for (String field : List.of("resource", "path", "httpMethod", "headers", "multiValueHeaders",
                "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
                "requestContext")) {
            JsonNode value = proxy.get(field);
            if (field.equals("pathParameters") && (value == null || value.isNull())) {
                value = JSON.createObjectNode();
            }
            event.set(field, value == null ? JSON.nullNode() : value);
        }
        return bytes(event);
    }

    private static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
