package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static net.javacrumbs.jsonunit.assertj.JsonAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP API Lambda authorizers over HTTP (specs/http-lambda-authorizer.yaml): the 2.0 and 1.0 events the function
 * gets, simple and IAM-policy answers, HTTP APIs' bare 401/403/500 answers, and result caching on the fixture clock.
 */
class HttpApiLambdaAuthorizerAcceptanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The token decides: allow, deny, fail, unauthorized, or garbage (output API Gateway cannot read). */
    static final LambdaFunction SIMPLE_AUTH = (payload, options) -> {
        String token = token(payload);
        return switch (token) {
            case "fail" -> failure("Error", "boom");
            case "unauthorized" -> failure("Error", "Unauthorized");
            case "garbage" -> success("{\"statusCode\":200,\"body\":\"yes\"}");
            case "deny" -> success("{\"isAuthorized\":false,\"context\":{\"user\":\"mallory\"}}");
            default -> success("{\"isAuthorized\":true,\"context\":{\"user\":\"" + token
                    + "\",\"tier\":3,\"admin\":false,\"roles\":[\"a\",\"b\"],\"org\":{\"id\":7}}}");
        };
    };

    /**
     * Answers an IAM policy for the event's route ARN (2.0 routeArn, 1.0 methodArn); only 2.0 may put an array in
     * the context.
     */
    static final LambdaFunction POLICY_AUTH = (payload, options) -> {
        JsonNode event = tree(payload);
        boolean v2 = event.has("routeArn");
        String arn = v2 ? event.get("routeArn").asText() : event.get("methodArn").asText();
        String effect = token(payload).startsWith("deny") ? "Deny" : "Allow";
        return success("{\"principalId\":\"alice\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Action\":\"execute-api:Invoke\",\"Effect\":\"" + effect + "\",\"Resource\":\"" + arn + "\"}]},"
                + "\"context\":{\"tier\":3,\"admin\":true" + (v2 ? ",\"tags\":[\"x\"]" : "") + "}}");
    };

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/http-lambda-authorizer.yaml")
            .withFunction("SimpleAuth", SIMPLE_AUTH)
            .withFunction("PolicyAuth", POLICY_AUTH)
            .withFunction("Echo", new EchoHandler());

    private static String token(byte[] payload) {
        JsonNode event = tree(payload);
        JsonNode headers = event.get("headers");
        // 2.0 headers are lower-cased; 1.0 keeps the client's spelling.
        JsonNode token = headers.has("authorization") ? headers.get("authorization") : headers.get("Authorization");
        return token.asText();
    }

    private static JsonNode tree(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static InvocationResult success(String json) {
        return new InvocationResult.Success(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InvocationResult failure(String type, String message) {
        return new InvocationResult.FunctionError(type, message, List.of(),
                ("{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(pathAndQuery));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode onlyEvent(String function) throws Exception {
        assertThat(gateway.invocations(function)).hasSize(1);
        return JSON.readTree(gateway.invocations(function).get(0).event());
    }

    private static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertBare(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        // HTTP APIs send no x-amzn-ErrorType, unlike REST APIs.
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).isEmpty();
    }

    @Nested
    class Payload2Event {
        @Test
        void carries_the_2_0_fields_in_the_documented_order() throws Exception {
            get("/simple/42?x=1&x=2", "Authorization", "alice", "Cookie", "a=1; b=2", "X-Custom", "v");

            JsonNode event = onlyEvent("SimpleAuth");
            assertThat(keys(event)).containsExactly("version", "type", "routeArn", "identitySource", "routeKey",
                    "rawPath", "rawQueryString", "cookies", "headers", "queryStringParameters", "requestContext",
                    "pathParameters");
            JsonNode requestContext = event.get("requestContext");
            String apiId = requestContext.get("apiId").asText();
            assertThatJson(event).isObject()
                    .containsEntry("version", "2.0")
                    .containsEntry("type", "REQUEST")
                    .containsEntry("routeArn", "arn:aws:execute-api:us-east-1:000000000000:" + apiId
                            + "/$default/GET/simple/42")
                    .containsEntry("identitySource", json("[\"alice\"]"))
                    .containsEntry("routeKey", "GET /simple/{id}")
                    .containsEntry("rawPath", "/simple/42")
                    .containsEntry("rawQueryString", "x=1&x=2")
                    .containsEntry("cookies", json("[\"a=1\",\"b=2\"]"))
                    .containsEntry("queryStringParameters", json("{\"x\":\"1,2\"}"))
                    .containsEntry("pathParameters", json("{\"id\":\"42\"}"));
            assertThatJson(event).node("headers").isObject()
                    .containsEntry("authorization", "alice")
                    .containsEntry("x-custom", "v")
                    .doesNotContainKey("cookie");
            assertThat(keys(requestContext)).containsExactly("accountId", "apiId", "domainName", "domainPrefix",
                    "http", "requestId", "routeKey", "stage", "time", "timeEpoch");
            assertThatJson(requestContext).isObject()
                    .containsEntry("accountId", "000000000000")
                    .containsEntry("routeKey", "GET /simple/{id}")
                    .containsEntry("stage", "$default");
            assertThatJson(requestContext).node("http").isObject()
                    .containsEntry("method", "GET")
                    .containsEntry("path", "/simple/42")
                    .containsEntry("protocol", "HTTP/1.1")
                    .containsEntry("sourceIp", "127.0.0.1");
            assertThatJson(requestContext).node("timeEpoch").isNumber();
        }

        @Test
        void has_no_body_and_leaves_out_empty_collections() throws Exception {
            get("/simple-other", "Authorization", "alice");

            JsonNode event = onlyEvent("SimpleAuth");
            assertThat(keys(event)).doesNotContain("body", "isBase64Encoded", "cookies", "queryStringParameters",
                    "pathParameters", "stageVariables");
            assertThatJson(event).node("rawQueryString").isEqualTo("");
        }
    }

    @Nested
    class SimpleResponses {
        @Test
        void is_authorized_true_passes_the_context_with_its_json_types_to_the_integration() throws Exception {
            HttpResponse<String> response = get("/simple/1", "Authorization", "alice");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("requestContext.authorizer").isEqualTo(json(
                    "{\"lambda\":{\"user\":\"alice\",\"tier\":3,\"admin\":false,\"roles\":[\"a\",\"b\"],"
                            + "\"org\":{\"id\":7}}}"));
        }

        @Test
        void is_authorized_false_is_403_forbidden_without_calling_the_integration() throws Exception {
            assertBare(get("/simple/1", "Authorization", "deny"), 403, "{\"message\":\"Forbidden\"}");
            assertThat(gateway.invocations("Echo")).isEmpty();
        }

        @Test
        void a_missing_identity_source_is_401_without_calling_the_authorizer() throws Exception {
            assertBare(get("/simple/1"), 401, "{\"message\":\"Unauthorized\"}");
            assertBare(get("/simple/1", "Authorization", ""), 401, "{\"message\":\"Unauthorized\"}");
            assertThat(gateway.invocations("SimpleAuth")).isEmpty();
        }

        @Test
        void a_function_error_is_500_and_unauthorized_is_401() throws Exception {
            assertBare(get("/simple/1", "Authorization", "fail"), 500, "{\"message\":\"Internal Server Error\"}");
            assertBare(get("/simple/1", "Authorization", "unauthorized"), 401, "{\"message\":\"Unauthorized\"}");
            assertThat(gateway.invocations("Echo")).isEmpty();
        }

        @Test
        void output_that_is_not_a_simple_response_is_500() throws Exception {
            assertBare(get("/simple/1", "Authorization", "garbage"), 500, "{\"message\":\"Internal Server Error\"}");
        }

        @Test
        void a_route_without_security_does_not_call_the_authorizer() throws Exception {
            HttpResponse<String> response = get("/open");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("requestContext").isObject().doesNotContainKey("authorizer");
            assertThat(gateway.invocations("SimpleAuth")).isEmpty();
        }
    }

    @Nested
    class Caching {
        @Test
        void the_answer_is_reused_within_the_ttl_for_every_route_then_asked_again() throws Exception {
            assertThat(get("/simple/1", "Authorization", "alice").statusCode()).isEqualTo(200);
            assertThat(get("/simple/2", "Authorization", "alice").statusCode()).isEqualTo(200);
            // A simple response applies to every route of the authorizer with the same identity [D].
            assertThat(get("/simple-other", "Authorization", "alice").statusCode()).isEqualTo(200);
            assertThat(gateway.invocations("SimpleAuth")).hasSize(1);

            gateway.clock().advance(Duration.ofSeconds(301));
            assertThat(get("/simple/1", "Authorization", "alice").statusCode()).isEqualTo(200);
            assertThat(gateway.invocations("SimpleAuth")).hasSize(2);
        }

        @Test
        void a_different_identity_asks_the_function_again() throws Exception {
            get("/simple/1", "Authorization", "alice");
            HttpResponse<String> bob = get("/simple/1", "Authorization", "bob");

            assertThat(gateway.invocations("SimpleAuth")).hasSize(2);
            assertThatJson(bob.body()).node("requestContext.authorizer.lambda.user").isEqualTo("bob");
        }

        @Test
        void a_refusal_is_cached_too() throws Exception {
            assertThat(get("/simple/1", "Authorization", "deny").statusCode()).isEqualTo(403);
            assertThat(get("/simple-other", "Authorization", "deny").statusCode()).isEqualTo(403);

            assertThat(gateway.invocations("SimpleAuth")).hasSize(1);
        }

        @Test
        void ttl_zero_asks_every_time() throws Exception {
            get("/policy", "Authorization", "alice");
            get("/policy", "Authorization", "alice");

            assertThat(gateway.invocations("PolicyAuth")).hasSize(2);
        }
    }

    @Nested
    class PolicyResponses {
        @Test
        void an_allow_passes_principal_less_context_with_json_types_to_a_2_0_integration() throws Exception {
            HttpResponse<String> response = get("/policy", "Authorization", "alice");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("requestContext.authorizer")
                    .isEqualTo(json("{\"lambda\":{\"tier\":3,\"admin\":true,\"tags\":[\"x\"]}}"));
        }

        @Test
        void a_deny_is_403_forbidden() throws Exception {
            assertBare(get("/policy", "Authorization", "deny"), 403, "{\"message\":\"Forbidden\"}");
            assertThat(gateway.invocations("Echo")).isEmpty();
        }
    }

    @Nested
    class Payload1Event {
        @Test
        void carries_the_rest_request_fields_with_version_and_joined_identity() throws Exception {
            get("/v1?tenant=acme", "Authorization", "alice");

            JsonNode event = JSON.readTree(gateway.invocations("PolicyAuth").get(0).event());
            assertThat(keys(event)).containsExactly("version", "type", "methodArn", "identitySource",
                    "authorizationToken", "resource", "path", "httpMethod", "headers", "multiValueHeaders",
                    "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
                    "requestContext");
            String apiId = event.get("requestContext").get("apiId").asText();
            assertThatJson(event).isObject()
                    .containsEntry("version", "1.0")
                    .containsEntry("type", "REQUEST")
                    .containsEntry("methodArn", "arn:aws:execute-api:us-east-1:000000000000:" + apiId
                            + "/$default/GET/v1")
                    .containsEntry("identitySource", "alice,acme")
                    .containsEntry("authorizationToken", "alice,acme")
                    .containsEntry("resource", "/v1")
                    .containsEntry("path", "/v1")
                    .containsEntry("httpMethod", "GET")
                    .containsEntry("queryStringParameters", json("{\"tenant\":\"acme\"}"))
                    .containsEntry("multiValueQueryStringParameters", json("{\"tenant\":[\"acme\"]}"))
                    .containsEntry("pathParameters", json("{}"))
                    .containsEntry("stageVariables", null);
            assertThatJson(event).node("headers.Authorization").isEqualTo("alice");
            assertThatJson(event).node("requestContext").isObject()
                    .doesNotContainKey("authorizer")
                    .containsEntry("resourcePath", "/v1")
                    .containsEntry("stage", "$default");
        }

        @Test
        void every_identity_source_is_required() throws Exception {
            assertBare(get("/v1", "Authorization", "alice"), 401, "{\"message\":\"Unauthorized\"}");
            assertBare(get("/v1?tenant=acme"), 401, "{\"message\":\"Unauthorized\"}");
            assertThat(gateway.invocations("PolicyAuth")).isEmpty();
        }

        @Test
        void an_allow_reaches_a_1_0_integration_as_principal_and_string_context() throws Exception {
            HttpResponse<String> response = get("/v1?tenant=acme", "Authorization", "alice");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(response.body()).node("requestContext.authorizer").isObject()
                    .containsEntry("principalId", "alice")
                    .containsEntry("tier", "3")
                    .containsEntry("admin", "true");
        }
    }
}
