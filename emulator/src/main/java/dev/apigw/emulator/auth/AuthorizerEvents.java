package dev.apigw.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.events.ProxyEventV1;
import dev.apigw.emulator.events.ProxyEventV2;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The events Lambda authorizers receive: REST TOKEN and REQUEST, HTTP API payload 1.0 and 2.0. Each reuses the
 * matching Lambda proxy event's rendering of headers, query and requestContext, so the two never disagree.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html and
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
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
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "REQUEST");
        event.put("methodArn", methodArn);
        copyRequestFields(event, ProxyEventV1.build(new Exchange(request, route, context, List.of()), false));
        return bytes(event);
    }

    /**
     * HTTP API payload 1.0: the REQUEST event with {@code version} first and the identity values comma-joined in
     * both {@code identitySource} and {@code authorizationToken}, in the docs' order [D]. The docs' sample
     * requestContext is copied from REST's; we send the HTTP API's own 1.0 requestContext, as its 1.0 Lambda
     * integrations get it (unconfirmed).
     */
    static byte[] httpV1(String routeArn, List<String> identity, Exchange exchange) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "1.0");
        event.put("type", "REQUEST");
        event.put("methodArn", routeArn);
        event.put("identitySource", String.join(",", identity));
        event.put("authorizationToken", String.join(",", identity));
        copyRequestFields(event, ProxyEventV1.build(exchange, true));
        return bytes(event);
    }

    /**
     * HTTP API payload 2.0: the 2.0 proxy event's fields without body, with {@code type}, {@code routeArn} and the
     * identity values as a list, in the docs' order [D][E]. Keys the proxy event leaves out when empty
     * ({@code cookies}, {@code queryStringParameters}, {@code pathParameters}, {@code stageVariables}) are left out
     * here too; the requestContext has no {@code authorizer} because none has run yet.
     */
    static byte[] httpV2(String routeArn, List<String> identity, Exchange exchange) {
        JsonNode proxy = tree(ProxyEventV2.build(exchange));
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", routeArn);
        identity.forEach(event.putArray("identitySource")::add);
        for (String field : List.of("routeKey", "rawPath", "rawQueryString", "cookies", "headers",
                "queryStringParameters", "requestContext", "pathParameters", "stageVariables")) {
            JsonNode value = proxy.get(field);
            if (value != null) {
                event.set(field, value);
            }
        }
        return bytes(event);
    }

    /** The REQUEST event's request fields, REST order, {@code pathParameters} {@code {}} when there are none [D][E]. */
    private static void copyRequestFields(ObjectNode event, byte[] proxyEvent) {
        JsonNode proxy = tree(proxyEvent);
        for (String field : List.of("resource", "path", "httpMethod", "headers", "multiValueHeaders",
                "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
                "requestContext")) {
            JsonNode value = proxy.get(field);
            if (field.equals("pathParameters") && (value == null || value.isNull())) {
                value = JSON.createObjectNode();
            }
            event.set(field, value == null ? JSON.nullNode() : value);
        }
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
