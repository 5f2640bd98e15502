package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** API keys on apiKeyRequired methods and the stage throttle, with the fixture's controllable clock. */
class UsageAcceptanceTest {
    static final LambdaFunction ORDERS = (payload, options) ->
            new InvocationResult.Success("{\"statusCode\":200,\"body\":\"ok\"}".getBytes());

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api-keys.yaml")
            .withFunction("Orders", ORDERS)
            .withApiKey("local-key")
            .withThrottle(1, 2)
            .withRouteThrottle("/orders/POST", 1, 1);

    private static HttpResponse<String> send(String method, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/orders"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("x-api-key", key);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_missing_or_unknown_key_is_403_forbidden() throws Exception {
        HttpResponse<String> missing = send("POST", null);
        HttpResponse<String> unknown = send("POST", "guess");

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(gateway.invocations("Orders")).isEmpty();
    }

    @Test
    void a_known_key_is_admitted_and_reaches_the_event_identity() throws Exception {
        assertThat(send("POST", "local-key").statusCode()).isEqualTo(200);

        assertThat(gateway.invocations("Orders")).singleElement().satisfies(call -> {
            assertThatJson(call.event()).node("requestContext.identity.apiKey").isEqualTo("local-key");
            assertThatJson(call.event()).node("requestContext.identity.apiKeyId").isString().matches("[a-z0-9]{10}");
        });
    }

    @Test
    void a_methods_own_stage_throttle_replaces_the_default_for_that_method_only() throws Exception {
        HttpResponse<String> first = send("POST", "local-key");
        HttpResponse<String> second = send("POST", "local-key");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(send("GET", null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_method_without_api_key_required_has_no_api_key_in_its_identity() throws Exception {
        assertThat(send("GET", "local-key").statusCode()).isEqualTo(200);

        assertThat(gateway.invocations("Orders")).singleElement().satisfies(call ->
                assertThatJson(call.event()).node("requestContext.identity").isObject().doesNotContainKey("apiKey"));
    }

    @Test
    void the_stage_throttle_allows_the_burst_then_429_until_the_clock_moves() throws Exception {
        assertThat(send("GET", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", null).statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = send("GET", null);
        gateway.clock().advance(Duration.ofSeconds(1));
        HttpResponse<String> afterASecond = send("GET", null);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(afterASecond.statusCode()).isEqualTo(200);
    }
}
