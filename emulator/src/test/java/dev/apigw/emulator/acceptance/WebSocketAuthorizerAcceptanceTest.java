package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.handlers.WebSocketHandlers;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * A WebSocket API whose {@code $connect} has a Lambda REQUEST authorizer reading {@code route.request.header.Authorization}
 * and {@code route.request.querystring.tenant}: refusals are the handshake's status, and an allowed connection
 * carries the authorizer's output in every event.
 */
class WebSocketAuthorizerAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers by the Authorization header: allow, deny, elsewhere (an Allow for another ARN), fail, or Unauthorized. */
    static final LambdaFunction AUTHORIZE = (payload, options) -> {
        JsonNode event = json(new String(payload, StandardCharsets.UTF_8));
        String token = event.path("headers").path("Authorization").asText();
        String resource = event.path("methodArn").asText();
        return switch (token) {
            case "allow" -> policy("Allow", resource);
            case "deny" -> policy("Deny", resource);
            case "elsewhere" -> policy("Allow", resource.replace("$connect", "$default"));
            case "garbage" -> new InvocationResult.Success("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));
            case "fail" -> error("boom");
            default -> error("Unauthorized");
        };
    };

    private static final LambdaFunction CONNECT = (payload, options) ->
            new InvocationResult.Success("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/ws-authorizer.yaml")
            .withFunction("Authorize", AUTHORIZE)
            .withFunction("Connect", CONNECT)
            .withFunction("Disconnect", new WebSocketHandlers.Disconnect())
            .withFunction("Echo", new WebSocketHandlers.Echo());

    private static InvocationResult policy(String effect, String resource) {
        String output = "{\"principalId\":\"alice\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"" + effect + "\",\"Resource\":\"" + resource
                + "\"}]},\"context\":{\"tenant\":\"acme\",\"tier\":3,\"admin\":false}}";
        return new InvocationResult.Success(output.getBytes(StandardCharsets.UTF_8));
    }

    private static InvocationResult error(String message) {
        return new InvocationResult.FunctionError("Error", message, List.of(),
                ("{\"errorMessage\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static URI withTenant() {
        return URI.create(gateway.webSocketUri() + "?tenant=acme");
    }

    private static WebSocketClient connect(URI uri, String token) throws Exception {
        return WebSocketClient.connect(uri, Map.of("Authorization", token));
    }

    /** The HTTP status the client saw when the handshake was refused. */
    private static int refusal(URI uri, Map<String, String> headers) {
        Throwable thrown = catchThrowable(() -> WebSocketClient.connect(uri, headers));
        assertThat(thrown).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) thrown.getCause()).getResponse().statusCode();
    }

    /**
     * The event of one connection: a connection the previous test closed may run its {@code $disconnect} after the
     * per-test reset, so Disconnect invocations are picked by connection id.
     */
    private static JsonNode eventOf(String function, String connectionId) {
        return gateway.invocations(function).stream().map(call -> json(call.event()))
                .filter(event -> event.path("requestContext").path("connectionId").asText().equals(connectionId))
                .reduce((first, second) -> {
                    throw new AssertionError(function + " ran twice for connection " + connectionId);
                })
                .orElseThrow(() -> new AssertionError(function + " did not run for connection " + connectionId));
    }

    private static JsonNode onlyEvent(String function) {
        assertThat(gateway.invocations(function)).hasSize(1);
        return json(gateway.invocations(function).get(0).event());
    }

    @Test
    void an_allowed_connection_carries_the_authorizer_output_into_connect_message_and_disconnect_events()
            throws Exception {
        String connectionId;
        try (WebSocketClient client = connect(withTenant(), "allow");
                ApiGatewayManagementApiClient management = WebSocketHandlers.managementClient(gateway.baseUri())) {
            client.send("hello");
            assertThat(client.nextFrame()).isEqualTo("echo: hello");
            connectionId = onlyEvent("Connect").path("requestContext").path("connectionId").asText();
            // DeleteConnection runs $disconnect before it returns.
            management.deleteConnection(b -> b.connectionId(connectionId));
        }

        JsonNode connect = onlyEvent("Connect").path("requestContext");
        assertThat(fieldNames(connect).subList(0, 3)).containsExactly("routeKey", "authorizer", "eventType");
        assertThatJson(connect.path("authorizer").toString()).isEqualTo(
                "{\"tenant\":\"acme\",\"tier\":\"3\",\"admin\":\"false\",\"principalId\":\"alice\","
                        + "\"integrationLatency\":0}");
        assertThat(fieldNames(connect.path("authorizer")))
                .containsExactly("tenant", "tier", "admin", "principalId", "integrationLatency");
        JsonNode message = onlyEvent("Echo").path("requestContext");
        assertThat(fieldNames(message).subList(0, 3)).containsExactly("routeKey", "authorizer", "messageId");
        assertThatJson(message.path("authorizer").toString())
                .isEqualTo("{\"tenant\":\"acme\",\"tier\":\"3\",\"admin\":\"false\",\"principalId\":\"alice\"}");
        JsonNode disconnect = eventOf("Disconnect", connectionId).path("requestContext");
        assertThat(disconnect.path("authorizer").path("principalId").asText()).isEqualTo("alice");
    }

    @Test
    void the_authorizer_event_is_the_websocket_request_event_key_by_key() throws Exception {
        try (WebSocketClient client = connect(withTenant(), "allow")) {
            client.send("sync");
            client.nextFrame();
        }

        JsonNode event = onlyEvent("Authorize");
        JsonNode connect = onlyEvent("Connect");
        JsonNode context = event.path("requestContext");
        String stage = gateway.webSocketUri().getPath().substring(1);
        assertThat(fieldNames(event)).containsExactly("type", "methodArn", "headers", "multiValueHeaders",
                "queryStringParameters", "multiValueQueryStringParameters", "stageVariables", "requestContext");
        assertThat(event.path("type").asText()).isEqualTo("REQUEST");
        assertThat(event.path("methodArn").asText()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:"
                + context.path("apiId").asText() + "/" + stage + "/$connect");
        assertThat(event.path("headers").path("Authorization").asText()).isEqualTo("allow");
        assertThat(event.path("headers").path("content-length").asText()).isEqualTo("0");
        assertThat(event.path("headers").path("Upgrade").asText()).isEqualToIgnoringCase("websocket");
        assertThat(event.path("headers").has("Connection")).isTrue();
        assertThat(event.path("headers").path("X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
        assertThat(fieldNames(event.path("headers"))).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThatJson(event.path("multiValueHeaders").path("Authorization").toString()).isEqualTo("[\"allow\"]");
        assertThatJson(event.path("queryStringParameters").toString()).isEqualTo("{\"tenant\":\"acme\"}");
        assertThatJson(event.path("multiValueQueryStringParameters").toString()).isEqualTo("{\"tenant\":[\"acme\"]}");
        assertThatJson(event.path("stageVariables").toString()).isEqualTo("{}");
        assertThat(fieldNames(context)).containsExactly("routeKey", "eventType", "extendedRequestId", "requestTime",
                "messageDirection", "stage", "connectedAt", "requestTimeEpoch", "identity", "requestId", "domainName",
                "connectionId", "apiId");
        assertThat(context.path("routeKey").asText()).isEqualTo("$connect");
        assertThat(context.path("eventType").asText()).isEqualTo("CONNECT");
        assertThat(context.path("stage").asText()).isEqualTo(stage);
        // The authorizer and the $connect integration serve one request: same ids and times.
        for (String key : List.of("requestId", "extendedRequestId", "connectionId", "connectedAt",
                "requestTimeEpoch")) {
            assertThat(context.path(key)).as(key).isEqualTo(connect.path("requestContext").path(key));
        }
        // The $connect proxy event keeps its own header set: no Connection, Upgrade or content-length.
        assertThat(connect.path("headers").has("content-length")).isFalse();
        assertThat(connect.path("headers").has("Upgrade")).isFalse();
    }

    @Test
    void a_missing_header_refuses_the_handshake_with_401_without_calling_the_authorizer() {
        assertThat(refusal(withTenant(), Map.of())).isEqualTo(401);

        assertThat(gateway.invocations("Authorize")).isEmpty();
        assertThat(gateway.invocations("Connect")).isEmpty();
    }

    @Test
    void a_missing_query_string_source_refuses_the_handshake_with_401_without_calling_the_authorizer() {
        assertThat(refusal(gateway.webSocketUri(), Map.of("Authorization", "allow"))).isEqualTo(401);
        assertThat(refusal(URI.create(gateway.webSocketUri() + "?tenant="), Map.of("Authorization", "allow")))
                .isEqualTo(401);

        assertThat(gateway.invocations("Authorize")).isEmpty();
    }

    @Test
    void a_deny_policy_refuses_the_handshake_with_403_and_connect_is_not_called() {
        assertThat(refusal(withTenant(), Map.of("Authorization", "deny"))).isEqualTo(403);

        assertThat(gateway.invocations("Authorize")).hasSize(1);
        assertThat(gateway.invocations("Connect")).isEmpty();
        assertThat(gateway.webSocketConnections()).isEmpty();
    }

    @Test
    void an_allow_for_another_arn_is_an_implicit_deny_403() {
        assertThat(refusal(withTenant(), Map.of("Authorization", "elsewhere"))).isEqualTo(403);
    }

    @Test
    void an_authorizer_failing_with_unauthorized_is_401() {
        assertThat(refusal(withTenant(), Map.of("Authorization", "who-knows"))).isEqualTo(401);

        assertThat(gateway.invocations("Authorize")).hasSize(1);
    }

    @Test
    void a_failing_authorizer_or_an_output_without_policy_is_500() {
        assertThat(refusal(withTenant(), Map.of("Authorization", "fail"))).isEqualTo(500);
        assertThat(refusal(withTenant(), Map.of("Authorization", "garbage"))).isEqualTo(500);

        assertThat(gateway.invocations("Connect")).isEmpty();
    }

    @Test
    void the_stored_connection_keeps_the_principal() throws Exception {
        try (WebSocketClient client = connect(withTenant(), "allow")) {
            client.send("sync");
            client.nextFrame();

            assertThat(gateway.webSocketConnections()).singleElement()
                    .satisfies(c -> assertThat(c.info().principal().restAuthorizer())
                            .containsEntry("principalId", "alice").containsEntry("tenant", "acme"));
        }
    }

    @Test
    void an_empty_header_counts_as_missing() {
        assertThat(refusal(withTenant(), Map.of("Authorization", ""))).isEqualTo(401);

        assertThat(gateway.invocations("Authorize")).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
