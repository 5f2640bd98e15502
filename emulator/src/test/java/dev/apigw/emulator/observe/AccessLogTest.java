package dev.apigw.emulator.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.FunctionRef;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.PayloadFormatVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessLogTest {
    private static final Instant TIME = Instant.parse("2026-03-04T19:15:17Z");
    private static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    private static final Integration LAMBDA = new Integration.LambdaProxy(new FunctionRef("Echo", "Echo"),
            PayloadFormatVersion.V2_0, IntegrationOptions.defaults(IntegrationOptions.DEFAULT_REST_TIMEOUT_MILLIS));

    private static final MatchedRoute REST_ROUTE = new MatchedRoute("dev", "/pets/7", "/pets/{id}", null, "abc123",
            "GET", LAMBDA, Map.of("id", "7"), null);
    private static final MatchedRoute HTTP_ROUTE = new MatchedRoute("$default", "/pets/7", "/pets/{id}",
            "GET /pets/{id}", "r1", "GET", LAMBDA, Map.of("id", "7"), null);

    private static RequestContext context(String requestId) {
        return new RequestContext(requestId, "BQGo1GkXoAMEbXw=", TIME, "000000000000", "a1b2c3d4e5", "dep123",
                "localhost:8080", "localhost", "HTTP/1.1", "203.0.113.9", "curl/8.4.0", null);
    }

    private static ObservedRequest answered(@Nullable MatchedRoute route, Caller caller, int status, String body) {
        return new ObservedRequest(GatewayRequest.of("GET", "/dev/pets/7"), route, context(REQUEST_ID), caller,
                new GatewayResponse(status, Headers.empty(), body.getBytes(StandardCharsets.UTF_8)), null, null,
                Duration.ofMillis(42), route == null ? null : Duration.ofMillis(17));
    }

    private static ObservedRequest ok(MatchedRoute route) {
        return answered(route, Caller.ANONYMOUS, 200, "hello");
    }

    private static ObservedRequest refused(String responseType, String message, int status) {
        String body = "{\"message\":\"" + message + "\"}";
        return new ObservedRequest(GatewayRequest.of("GET", "/dev/pets/7"), REST_ROUTE, context(REQUEST_ID),
                Caller.ANONYMOUS, new GatewayResponse(status, Headers.empty(), body.getBytes(StandardCharsets.UTF_8)),
                responseType, message, Duration.ofMillis(3), null);
    }

    private static String line(String format, boolean httpApi, ObservedRequest request) {
        return AccessLog.writingTo(new PrintStream(new ByteArrayOutputStream()), format, httpApi).line(request);
    }

    @Nested
    class Presets {
        @Test
        void rest_clf_is_the_console_example_with_a_dash_for_the_unset_caller_and_user() {
            assertThat(line("clf", false, ok(REST_ROUTE))).isEqualTo("203.0.113.9 - - [04/Mar/2026:19:15:17 +0000]"
                    + "\"GET /pets/{id} HTTP/1.1\" 200 5 " + REQUEST_ID + " BQGo1GkXoAMEbXw=");
        }

        @Test
        void http_clf_names_the_route_key() {
            assertThat(line("clf", true, ok(HTTP_ROUTE))).isEqualTo("203.0.113.9 - - [04/Mar/2026:19:15:17 +0000]"
                    + " \"GET GET /pets/{id} HTTP/1.1\" 200 5 " + REQUEST_ID + " BQGo1GkXoAMEbXw=");
        }

        @Test
        void rest_json_is_the_console_example() {
            assertThat(line("json", false, ok(REST_ROUTE))).isEqualTo("{ \"requestId\":\"" + REQUEST_ID + "\","
                    + " \"extendedRequestId\":\"BQGo1GkXoAMEbXw=\",\"ip\": \"203.0.113.9\", \"caller\":\"-\","
                    + " \"user\":\"-\", \"requestTime\":\"04/Mar/2026:19:15:17 +0000\", \"httpMethod\":\"GET\","
                    + " \"resourcePath\":\"/pets/{id}\", \"status\":\"200\", \"protocol\":\"HTTP/1.1\","
                    + " \"responseLength\":\"5\" }");
        }

        @Test
        void http_json_is_the_console_example() {
            assertThat(line("json", true, ok(HTTP_ROUTE))).isEqualTo("{ \"requestId\":\"" + REQUEST_ID + "\","
                    + " \"ip\": \"203.0.113.9\", \"requestTime\":\"04/Mar/2026:19:15:17 +0000\","
                    + " \"httpMethod\":\"GET\",\"routeKey\":\"GET /pets/{id}\", \"status\":\"200\","
                    + "\"protocol\":\"HTTP/1.1\", \"responseLength\":\"5\","
                    + " \"extendedRequestId\": \"BQGo1GkXoAMEbXw=\" }");
        }

        @Test
        void rest_xml_and_csv_are_the_console_examples() {
            assertThat(line("xml", false, ok(REST_ROUTE))).isEqualTo("<request id=\"" + REQUEST_ID + "\">"
                    + " <extendedRequestId>BQGo1GkXoAMEbXw=</extendedRequestId> <ip>203.0.113.9</ip>"
                    + " <caller>-</caller> <user>-</user> <requestTime>04/Mar/2026:19:15:17 +0000</requestTime>"
                    + " <httpMethod>GET</httpMethod> <resourcePath>/pets/{id}</resourcePath> <status>200</status>"
                    + " <protocol>HTTP/1.1</protocol> <responseLength>5</responseLength> </request>");
            assertThat(line("csv", false, ok(REST_ROUTE))).isEqualTo("203.0.113.9,-,-,04/Mar/2026:19:15:17 +0000,"
                    + "GET,/pets/{id},HTTP/1.1,200,5," + REQUEST_ID + ",BQGo1GkXoAMEbXw=");
        }

        @Test
        void http_xml_and_csv_are_the_console_examples() {
            assertThat(line("xml", true, ok(HTTP_ROUTE))).isEqualTo("<request id=\"" + REQUEST_ID + "\">"
                    + " <ip>203.0.113.9</ip> <requestTime>04/Mar/2026:19:15:17 +0000</requestTime>"
                    + " <httpMethod>GET</httpMethod> <routeKey>GET /pets/{id}</routeKey> <status>200</status>"
                    + " <protocol>HTTP/1.1</protocol> <responseLength>5</responseLength>"
                    + " <extendedRequestId>BQGo1GkXoAMEbXw=</extendedRequestId> </request>");
            assertThat(line("csv", true, ok(HTTP_ROUTE))).isEqualTo("203.0.113.9,04/Mar/2026:19:15:17 +0000,GET,"
                    + "GET /pets/{id},HTTP/1.1,200,5," + REQUEST_ID + ",BQGo1GkXoAMEbXw=");
        }

        @ParameterizedTest
        @ValueSource(strings = {"CLF", "Json", " xml "})
        void preset_names_ignore_case_and_spaces(String name) {
            assertThat(line(name, false, ok(REST_ROUTE))).doesNotContain("$context").contains(REQUEST_ID);
        }
    }

    @Nested
    class Variables {
        @Test
        void an_unrouted_request_logs_dashes_for_route_facts_and_integration() {
            String format = "$context.requestId $context.resourcePath $context.stage $context.integrationLatency"
                    + " $context.integrationStatus $context.path";
            assertThat(line(format, false, answered(null, Caller.ANONYMOUS, 403, "{}")))
                    .isEqualTo(REQUEST_ID + " - - - - /dev/pets/7");
            assertThat(line("$context.requestId $context.routeKey", true, answered(null, Caller.ANONYMOUS, 404, "{}")))
                    .isEqualTo(REQUEST_ID + " -");
        }

        @Test
        void latencies_are_whole_milliseconds_and_lambda_answers_200_for_the_integration() {
            String format = "$context.requestId $context.responseLatency $context.integrationLatency"
                    + " $context.integration.latency $context.integrationStatus $context.integration.status";
            assertThat(line(format, false, answered(REST_ROUTE, Caller.ANONYMOUS, 201, "")))
                    .isEqualTo(REQUEST_ID + " 42 17 17 200 201");
        }

        @Test
        void gateway_errors_fill_the_error_variables_and_quote_the_message_string() {
            String format = "$context.requestId $context.status $context.error.responseType $context.error.message"
                    + " $context.error.messageString";
            assertThat(line(format, false, refused("UNAUTHORIZED", "Unauthorized", 401)))
                    .isEqualTo(REQUEST_ID + " 401 UNAUTHORIZED Unauthorized \"Unauthorized\"");
        }

        @Test
        void an_integration_timeout_leaves_the_integration_status_unset() {
            ObservedRequest timedOut = new ObservedRequest(GatewayRequest.of("GET", "/dev/pets/7"), REST_ROUTE,
                    context(REQUEST_ID), Caller.ANONYMOUS, new GatewayResponse(504, Headers.empty(), new byte[0]),
                    "INTEGRATION_TIMEOUT", "Endpoint request timed out", Duration.ofMillis(300),
                    Duration.ofMillis(290));
            assertThat(line("$context.requestId $context.integrationStatus $context.integration.status", false,
                    timedOut)).isEqualTo(REQUEST_ID + " - -");
        }

        @Test
        void without_an_error_the_error_variables_are_dashes() {
            assertThat(line("$context.requestId $context.error.message $context.error.messageString", false,
                    ok(REST_ROUTE))).isEqualTo(REQUEST_ID + " - -");
        }

        @Test
        void a_lambda_authorizer_principal_and_context_entries_are_logged_as_text() {
            Caller caller = new Caller(new Principal.Lambda("alice", Map.of("tier", 3, "admin", false)), null, null);
            String format = "$context.requestId $context.authorizer.principalId $context.authorizer.tier"
                    + " $context.authorizer.admin $context.authorizer.missing $context.authorizer.latency";
            assertThat(line(format, false, answered(REST_ROUTE, caller, 200, "")))
                    .isEqualTo(REQUEST_ID + " alice 3 false - -");
        }

        @Test
        void jwt_claims_are_logged_by_name() {
            Caller caller = new Caller(new Principal.Jwt(Map.of("sub", "u-1", "email", "a@example.com"), null),
                    null, null);
            assertThat(line("$context.requestId $context.authorizer.claims.email $context.authorizer.principalId",
                    true, answered(HTTP_ROUTE, caller, 200, ""))).isEqualTo(REQUEST_ID + " a@example.com -");
        }

        @Test
        void a_sigv4_caller_and_an_api_key_fill_the_identity() {
            Caller caller = new Caller(new Principal.Iam("AKIDEXAMPLE", "000000000000", "AIDAEXAMPLE",
                    "arn:aws:iam::000000000000:user/alice"), "key-1", "kid1");
            String format = "$context.requestId $context.identity.caller $context.identity.user"
                    + " $context.identity.userArn $context.identity.apiKey $context.identity.apiKeyId"
                    + " $context.identity.userAgent";
            assertThat(line(format, false, answered(REST_ROUTE, caller, 200, ""))).isEqualTo(REQUEST_ID
                    + " AIDAEXAMPLE AIDAEXAMPLE arn:aws:iam::000000000000:user/alice key-1 kid1 curl/8.4.0");
        }

        @Test
        void a_dot_after_a_variable_is_punctuation() {
            assertThat(line("Request $context.requestId answered $context.status.", false, ok(REST_ROUTE)))
                    .isEqualTo("Request " + REQUEST_ID + " answered 200.");
        }

        @Test
        void the_request_time_epoch_is_in_milliseconds() {
            assertThat(line("$context.requestId $context.requestTimeEpoch", true, ok(HTTP_ROUTE)))
                    .isEqualTo(REQUEST_ID + " " + TIME.toEpochMilli());
        }
    }

    @Nested
    class BadFormats {
        @Test
        void an_unknown_variable_is_a_startup_error_naming_it() {
            assertThatThrownBy(() -> AccessLog.create("$context.requestId $context.reqestTime", null, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the access log format uses $context.reqestTime, which API Gateway does not log for"
                            + " REST APIs; see the access logging variables in the API Gateway developer guide, or"
                            + " use a preset: clf, json, xml or csv");
        }

        @ParameterizedTest
        @CsvSource({"resourcePath, true, only REST APIs log it", "routeKey, false, only HTTP APIs log it",
                "identity.apiKey, true, only REST APIs log it"})
        void a_variable_of_the_other_api_type_says_so(String variable, boolean httpApi, String hint) {
            assertThatThrownBy(() -> AccessLog.create("$context.requestId $context." + variable, null, httpApi))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("$context." + variable).hasMessageContaining(hint);
        }

        @Test
        void a_format_without_a_request_id_is_refused_as_aws_refuses_it() {
            assertThatThrownBy(() -> AccessLog.create("$context.status", null, true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must include $context.requestId or $context.extendedRequestId");
        }
    }

    @Nested
    class Writing {
        @Test
        void each_request_is_one_flushed_line_on_the_given_stream() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            AccessLog log = AccessLog.writingTo(new PrintStream(bytes), "$context.requestId $context.status", false);

            log.observed(ok(REST_ROUTE));
            log.observed(refused("UNAUTHORIZED", "Unauthorized", 401));

            assertThat(bytes.toString(StandardCharsets.UTF_8))
                    .isEqualTo(REQUEST_ID + " 200\n" + REQUEST_ID + " 401\n");
        }

        @Test
        void concurrent_requests_never_interleave_their_lines() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            AccessLog log = AccessLog.writingTo(new PrintStream(bytes), "clf", false);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    writes.add(pool.submit(() -> log.observed(ok(REST_ROUTE))));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
            } finally {
                pool.shutdownNow();
            }
            String expected = line("clf", false, ok(REST_ROUTE));
            assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\n");
            assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(400).allMatch(expected::equals);
        }

        @Test
        void a_file_is_created_then_appended_to(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("access.log");
            try (AccessLog first = AccessLog.create("$context.requestId first", file, false)) {
                first.observed(ok(REST_ROUTE));
            }
            try (AccessLog second = AccessLog.create("$context.requestId second", file, false)) {
                second.observed(ok(REST_ROUTE));
            }

            assertThat(Files.readAllLines(file)).containsExactly(REQUEST_ID + " first", REQUEST_ID + " second");
        }

        @Test
        void a_missing_directory_is_created(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("logs").resolve("prod").resolve("access.log");
            try (AccessLog log = AccessLog.create("$context.requestId", file, false)) {
                log.observed(ok(REST_ROUTE));
            }

            assertThat(Files.readAllLines(file)).containsExactly(REQUEST_ID);
        }

        @Test
        void a_file_that_cannot_be_opened_is_a_startup_error(@TempDir Path dir) throws Exception {
            // A directory where the file should be cannot be opened for appending.
            Path file = Files.createDirectories(dir.resolve("access.log"));
            assertThatThrownBy(() -> AccessLog.create("clf", file, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot open the access log file " + file)
                    .hasMessageEndingWith("check that its directory can be created and written");
        }
    }
}
