package dev.apigw.emulator.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import dev.apigw.emulator.RecordedInvocation;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request journal of a running gateway, read through {@code journal()} and {@code GET /_apigw/journal}. */
class JournalAcceptanceTest {
    private static HttpServer backend;

    @BeforeAll
    static void startBackend() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = ("backend saw " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Backend", "yes");
            exchange.sendResponseHeaders(207, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
    }

    @AfterAll
    static void stopBackend() {
        backend.stop(0);
    }

    private static String backendUrl() {
        return "http://127.0.0.1:" + backend.getAddress().getPort();
    }

    private static HttpResponse<String> send(ApiGatewayExtension gateway, String method, String path,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class UnreachableBackend {
        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
                .withFunction("Echo", new EchoHandler())
                .withFunction("Result", new ResultHandler())
                .withFunction("Slow", new SlowHandler())
                .withStageVariable("backend", "http://127.0.0.1:9");

        @Test
        void keeps_the_backend_request_and_the_network_error() throws Exception {
            HttpResponse<String> response = send(gateway, "GET", "/backend/pets");

            assertThat(response.statusCode()).isEqualTo(500);
            JournalEntry entry = gateway.journal().entries().get(0);
            JournalEntry.BackendCall call = (JournalEntry.BackendCall) entry.integration();
            assertThat(call.url()).startsWith("http://127.0.0.1:9/api/pets");
            assertThat(call.status()).isNull();
            assertThat(call.failure()).startsWith("network error communicating with http://127.0.0.1:9/api/pets")
                    .contains("ConnectException");
            assertThat(entry.errorType()).isEqualTo("INTEGRATION_FAILURE");
        }
    }

    @Nested
    class RestApi {
        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
                .withFunction("Echo", new EchoHandler())
                .withFunction("Result", new ResultHandler())
                .withFunction("Slow", new SlowHandler())
                .withStageVariable("backend", backendUrl());

        @Test
        void a_lambda_proxy_request_keeps_the_event_the_payload_the_log_lines_and_the_timings() throws Exception {
            HttpResponse<String> response = send(gateway, "GET", "/items/7?color=red", "X-Test", "journal");

            List<JournalEntry> entries = gateway.journal().entries();
            assertThat(entries).hasSize(1);
            JournalEntry entry = entries.get(0);
            assertThat(entry.requestId()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
            assertThat(entry.request().method()).isEqualTo("GET");
            assertThat(entry.request().rawPath()).isEqualTo("/dev/items/7");
            assertThat(entry.request().query()).isEqualTo("color=red");
            assertThat(entry.request().headers()).contains(new JournalEntry.HeaderLine("X-Test", "journal"));
            assertThat(entry.route()).isEqualTo("GET /items/{id}");
            assertThat(entry.caller().kind()).isEqualTo("anonymous");
            assertThat(entry.errorType()).isNull();

            RecordedInvocation invocation = gateway.invocations("Echo").get(0);
            JournalEntry.LambdaCall call = (JournalEntry.LambdaCall) entry.integration();
            assertThat(call.functionName()).isEqualTo("Echo");
            assertThat(call.event().text()).isEqualTo(invocation.event());
            assertThat(call.event().base64()).isFalse();
            assertThat(call.payload().text()).isEqualTo(invocation.response());
            assertThat(call.functionErrorType()).isNull();
            assertThat(entry.logLines()).anySatisfy(line -> assertThat(line).startsWith("START RequestId:"));
            assertThat(entry.logLines()).anySatisfy(line -> assertThat(line).startsWith("REPORT RequestId:"));

            assertThat(entry.response().status()).isEqualTo(response.statusCode());
            assertThat(entry.response().body().text()).isEqualTo(response.body());
            assertThat(entry.integrationLatencyMillis()).isNotNull().isPositive();
            assertThat(entry.latencyMillis()).isGreaterThanOrEqualTo(entry.integrationLatencyMillis());
            assertThat(entry.authorization()).isNull();
        }

        @Test
        void an_answered_request_times_every_stage_within_its_latency() throws Exception {
            send(gateway, "GET", "/items/7");

            JournalEntry entry = gateway.journal().entries().get(0);
            StageTimings stages = entry.stages();
            List<Double> all = Arrays.asList(stages.route(), stages.authorize(), stages.meter(),
                    stages.validate(), stages.integration(), stages.respond());
            assertThat(all).doesNotContainNull().allSatisfy(millis -> assertThat(millis).isNotNegative());
            // Each stage runs from the end of the one before: together they are the whole latency (up to rounding).
            assertThat(all.stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(entry.latencyMillis(), offset(0.01));
            assertThat(stages.integration()).isGreaterThanOrEqualTo(entry.integrationLatencyMillis());
        }

        @Test
        void an_http_proxy_request_keeps_the_backend_request_and_response() throws Exception {
            HttpResponse<String> response = send(gateway, "PUT", "/backend/pets/7?sort=asc", "X-Test", "passed");

            assertThat(response.statusCode()).isEqualTo(207);
            JournalEntry entry = gateway.journal().entries().get(0);
            JournalEntry.BackendCall call = (JournalEntry.BackendCall) entry.integration();
            assertThat(call.type()).isEqualTo("http");
            assertThat(call.method()).isEqualTo("PUT");
            assertThat(call.url()).startsWith(backendUrl() + "/api/pets/7?sort=asc");
            assertThat(call.requestHeaders()).contains(new JournalEntry.HeaderLine("X-Test", "passed"));
            assertThat(call.status()).isEqualTo(207);
            assertThat(call.responseHeaders()).anySatisfy(header -> {
                assertThat(header.name()).isEqualToIgnoringCase("X-Backend");
                assertThat(header.value()).isEqualTo("yes");
            });
            assertThat(call.responseBody().text()).isEqualTo(response.body());
            assertThat(entry.logLines()).isEmpty();
        }

        @Test
        void a_function_that_times_out_keeps_the_event_and_says_why_there_is_no_payload() throws Exception {
            HttpResponse<String> response = send(gateway, "GET", "/slow");

            assertThat(response.statusCode()).isEqualTo(504);
            JournalEntry entry = gateway.journal().entries().get(0);
            JournalEntry.LambdaCall call = (JournalEntry.LambdaCall) entry.integration();
            assertThat(call.functionName()).isEqualTo("Slow");
            assertThat(call.event().text()).contains("\"path\":\"/slow\"");
            assertThat(call.payload()).isNull();
            assertThat(call.failure()).isEqualTo("function Slow did not answer within 200 ms");
            assertThat(entry.errorType()).isEqualTo("INTEGRATION_TIMEOUT");
        }

        @Test
        void a_gateway_error_keeps_its_response_type() throws Exception {
            HttpResponse<String> response = send(gateway, "GET", "/nowhere");

            assertThat(response.statusCode()).isEqualTo(403);
            JournalEntry entry = gateway.journal().entries().get(0);
            assertThat(entry.errorType()).isEqualTo("MISSING_AUTHENTICATION_TOKEN");
            assertThat(entry.errorMessage()).isEqualTo("Missing Authentication Token");
            assertThat(entry.route()).isNull();
            assertThat(entry.integration()).isNull();
            assertThat(entry.integrationLatencyMillis()).isNull();
            assertThat(entry.response().status()).isEqualTo(403);
            assertThat(entry.authorization()).isNull();
            assertThat(entry.stages().route()).isNotNull();
            assertThat(entry.stages().authorize()).isNull();
            assertThat(entry.stages().integration()).isNull();
            assertThat(entry.stages().respond()).isNotNull();
        }

        @Test
        void the_journal_endpoint_serves_the_newest_entries_first() throws Exception {
            send(gateway, "GET", "/items/1");
            send(gateway, "GET", "/items/2");
            send(gateway, "GET", "/items/3");

            HttpResponse<String> journal = gateway.httpClient().send(HttpRequest.newBuilder(
                    gateway.uri("/").resolve("/_apigw/journal?limit=2")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(journal.statusCode()).isEqualTo(200);
            assertThat(journal.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode entries = new ObjectMapper().readTree(journal.body());
            assertThat(entries).hasSize(2);
            assertThat(entries.get(0).path("request").path("rawPath").asText()).isEqualTo("/dev/items/3");
            assertThat(entries.get(1).path("request").path("rawPath").asText()).isEqualTo("/dev/items/2");
            assertThat(entries.get(0).path("integration").path("type").asText()).isEqualTo("lambda");
        }

        @Test
        void a_bad_limit_is_a_400_that_says_what_to_send() throws Exception {
            HttpResponse<String> journal = gateway.httpClient().send(HttpRequest.newBuilder(
                    gateway.uri("/").resolve("/_apigw/journal?limit=lots")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(journal.statusCode()).isEqualTo(400);
            assertThat(journal.body()).contains("limit=lots").contains("?limit=10");
        }
    }

    @Nested
    class RestLambdaAuthorizer {
        /** Allows the token {@code allow-token}, denies {@code deny-token}, as a TOKEN authorizer's policy. */
        private static final LambdaFunction AUTH = (payload, options) -> {
            String event = new String(payload, StandardCharsets.UTF_8);
            String effect = event.contains("\"authorizationToken\":\"allow-token\"") ? "Allow" : "Deny";
            return new InvocationResult.Success(("{\"principalId\":\"alice\",\"policyDocument\":{\"Version\":"
                    + "\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"" + effect
                    + "\",\"Resource\":\"*\"}]}}").getBytes(StandardCharsets.UTF_8));
        };

        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-authorizer.yaml")
                .withFunction("Auth", AUTH)
                .withFunction("Echo", new EchoHandler());

        private HttpResponse<String> get(String token) throws Exception {
            return send(gateway, "GET", "/secret", "Authorization", token);
        }

        @Test
        void an_allowing_authorizer_keeps_its_event_and_answer_then_a_cached_answer_has_neither() throws Exception {
            assertThat(get("allow-token").statusCode()).isEqualTo(200);

            JournalEntry.Authorization first = gateway.journal().entries().get(0).authorization();
            assertThat(first).isNotNull();
            assertThat(first.mechanism()).isEqualTo("lambda");
            assertThat(first.name()).isEqualTo("TokenAuth");
            assertThat(first.outcome()).isEqualTo("allowed");
            assertThat(first.status()).isNull();
            assertThat(first.detail()).isNull();
            assertThat(first.cached()).isFalse();
            // The event carries the token, which is a credential: the journal keeps it masked.
            assertThat(first.event().text()).contains("\"type\":\"TOKEN\"")
                    .contains("\"authorizationToken\":\"****\"").doesNotContain("allow-token");
            assertThat(first.response().text()).isEqualTo(gateway.invocations("Auth").get(0).response());
            assertThat(first.latencyMillis()).isNotNegative();

            assertThat(get("allow-token").statusCode()).isEqualTo(200);

            assertThat(gateway.invocations("Auth")).hasSize(1);
            JournalEntry.Authorization second = gateway.journal().entries().get(0).authorization();
            assertThat(second.mechanism()).isEqualTo("lambda");
            assertThat(second.name()).isEqualTo("TokenAuth");
            assertThat(second.outcome()).isEqualTo("allowed");
            assertThat(second.cached()).isTrue();
            assertThat(second.event()).isNull();
            assertThat(second.response()).isNull();
        }

        @Test
        void a_denying_authorizer_keeps_the_refusal_and_why() throws Exception {
            HttpResponse<String> response = get("deny-token");

            assertThat(response.statusCode()).isEqualTo(403);
            JournalEntry entry = gateway.journal().entries().get(0);
            JournalEntry.Authorization authorization = entry.authorization();
            assertThat(authorization.mechanism()).isEqualTo("lambda");
            assertThat(authorization.outcome()).isEqualTo("denied");
            assertThat(authorization.status()).isEqualTo(403);
            assertThat(authorization.responseType()).isEqualTo("ACCESS_DENIED");
            assertThat(authorization.detail()).startsWith("policy denies arn:aws:execute-api:")
                    .endsWith("/dev/GET/secret");
            assertThat(authorization.event().text()).contains("\"methodArn\"");
            assertThat(authorization.response().text()).contains("\"Effect\":\"Deny\"");
            assertThat(entry.errorType()).isEqualTo("ACCESS_DENIED");
        }

        @Test
        void a_refused_request_has_no_meter_validate_or_integration_time() throws Exception {
            get("deny-token");

            StageTimings stages = gateway.journal().entries().get(0).stages();
            assertThat(stages.route()).isNotNull().isNotNegative();
            assertThat(stages.authorize()).isNotNull().isNotNegative();
            assertThat(stages.meter()).isNull();
            assertThat(stages.validate()).isNull();
            assertThat(stages.integration()).isNull();
            assertThat(stages.respond()).isNotNull().isNotNegative();
        }

        @Test
        void the_journal_endpoint_serves_the_authorization_and_the_stages() throws Exception {
            get("allow-token");

            HttpResponse<String> journal = gateway.httpClient().send(HttpRequest.newBuilder(
                    gateway.uri("/").resolve("/_apigw/journal?limit=1")).build(), HttpResponse.BodyHandlers.ofString());

            JsonNode entry = new ObjectMapper().readTree(journal.body()).get(0);
            assertThat(entry.path("authorization").path("mechanism").asText()).isEqualTo("lambda");
            assertThat(entry.path("authorization").path("name").asText()).isEqualTo("TokenAuth");
            assertThat(entry.path("authorization").path("outcome").asText()).isEqualTo("allowed");
            assertThat(entry.path("authorization").path("event").path("text").asText()).contains("TOKEN");
            assertThat(entry.path("stages").path("integration").isNumber()).isTrue();
            assertThat(entry.path("stages").path("route").isNumber()).isTrue();
        }
    }

    @Nested
    class JwtAuthorizer {
        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/local-issuer-http.yaml")
                .withFunction("Echo", new EchoHandler());

        @Test
        void a_jwt_route_names_its_authorizer_without_an_event() throws Exception {
            String token = gateway.tokens().subject("alice").scopes("read").sign();

            assertThat(send(gateway, "GET", "/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

            JournalEntry entry = gateway.journal().entries().get(0);
            JournalEntry.Authorization authorization = entry.authorization();
            assertThat(authorization.mechanism()).isEqualTo("jwt");
            assertThat(authorization.name()).isEqualTo("CognitoJwt");
            assertThat(authorization.outcome()).isEqualTo("allowed");
            assertThat(authorization.cached()).isFalse();
            assertThat(authorization.event()).isNull();
            assertThat(authorization.response()).isNull();
            assertThat(JournalJson.json(entry)).doesNotContain(token);
        }

        @Test
        void a_jwt_route_without_a_token_is_denied_with_401() throws Exception {
            assertThat(send(gateway, "GET", "/me").statusCode()).isEqualTo(401);

            JournalEntry.Authorization authorization = gateway.journal().entries().get(0).authorization();
            assertThat(authorization.mechanism()).isEqualTo("jwt");
            assertThat(authorization.outcome()).isEqualTo("denied");
            assertThat(authorization.status()).isEqualTo(401);
            assertThat(authorization.responseType()).isEqualTo("UNAUTHORIZED");
            assertThat(authorization.detail()).contains("no token");
        }
    }

    @Nested
    class ResourcePolicy {
        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-policy.yaml");

        @Test
        void a_resource_policy_decides_without_an_authorizer_name() throws Exception {
            assertThat(send(gateway, "GET", "/blocked").statusCode()).isEqualTo(403);
            JournalEntry.Authorization denied = gateway.journal().entries().get(0).authorization();
            assertThat(denied.mechanism()).isEqualTo("resource-policy");
            assertThat(denied.name()).isNull();
            assertThat(denied.outcome()).isEqualTo("denied");
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.responseType()).isEqualTo("ACCESS_DENIED");

            assertThat(send(gateway, "GET", "/open").statusCode()).isEqualTo(200);
            JournalEntry.Authorization allowed = gateway.journal().entries().get(0).authorization();
            assertThat(allowed.mechanism()).isEqualTo("resource-policy");
            assertThat(allowed.outcome()).isEqualTo("allowed");
            assertThat(allowed.detail()).isNull();
        }
    }

    @Nested
    class SmallJournal {
        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
                .withFunction("Echo", new EchoHandler())
                .withFunction("Result", new ResultHandler())
                .withFunction("Slow", new SlowHandler())
                .withStageVariable("backend", backendUrl())
                .withJournalSize(3);

        @Test
        void the_ring_keeps_only_the_last_n_requests() throws Exception {
            for (int item = 1; item <= 5; item++) {
                send(gateway, "GET", "/items/" + item);
            }

            assertThat(gateway.journal().entries()).extracting(entry -> entry.request().rawPath())
                    .containsExactly("/dev/items/5", "/dev/items/4", "/dev/items/3");
            assertThat(gateway.journal().entries()).extracting(JournalEntry::sequence).containsExactly(4L, 3L, 2L);

            gateway.journal().clear();
            assertThat(gateway.journal().entries()).isEmpty();
        }
    }

    @Nested
    class NoJournal {
        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
                .withFunction("Echo", new EchoHandler())
                .withFunction("Result", new ResultHandler())
                .withFunction("Slow", new SlowHandler())
                .withStageVariable("backend", backendUrl())
                .withJournalSize(0);

        @Test
        void size_zero_records_nothing() throws Exception {
            send(gateway, "GET", "/items/1");

            assertThat(gateway.journal().enabled()).isFalse();
            assertThat(gateway.journal().entries()).isEmpty();
        }
    }

    @Nested
    class Credentials {
        private static final LambdaFunction ORDERS = (payload, options) -> new InvocationResult.Success(
                "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
        private static final String KEY = "journal-secret-key-123";
        private static final String TOKEN = "token-that-must-not-be-kept";

        @RegisterExtension
        final ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api-keys.yaml")
                .withFunction("Orders", ORDERS)
                .withApiKey(KEY);

        @Test
        void the_api_key_and_the_authorization_token_are_masked_everywhere() throws Exception {
            HttpResponse<String> response = send(gateway, "POST", "/orders", "x-api-key", KEY,
                    "Authorization", "Bearer " + TOKEN);

            assertThat(response.statusCode()).isEqualTo(200);
            JournalEntry entry = gateway.journal().entries().get(0);
            assertThat(entry.request().headers())
                    .contains(new JournalEntry.HeaderLine("x-api-key", "****"))
                    .contains(new JournalEntry.HeaderLine("Authorization", "Bearer ****"));
            assertThat(entry.caller().apiKeyId()).isNotNull().isNotEqualTo(KEY);
            // The proxy event carries both headers and identity.apiKey; none of them survives in the journal.
            assertThat(gateway.invocations("Orders").get(0).event()).contains(KEY);
            String everything = JournalJson.json(gateway.journal().entries());
            assertThat(everything).doesNotContain(KEY).doesNotContain(TOKEN).contains("****");
        }
    }
}
