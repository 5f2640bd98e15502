package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import dev.apigw.emulator.handlers.OrdersHandler;
import dev.apigw.emulator.handlers.RawEchoHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Non-proxy integrations (Lambda custom, HTTP, MOCK) with mapping templates, over HTTP. */
class NonProxyAcceptanceTest {
    static final TestBackend BACKEND = TestBackend.start();

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/non-proxy.yaml")
            .withFunction("Orders", new OrdersHandler())
            .withFunction("Raw", new RawEchoHandler())
            .withStageVariable("table", "orders-test")
            .withStageVariable("backend", BACKEND.url());

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body));
    }

    @Nested
    class LambdaCustom {
        @Test
        void request_template_builds_the_payload_from_body_params_context_and_stage_variables() throws Exception {
            HttpResponse<String> response = send(post("/orders/o-1", "application/json", "{\"items\":[\"a\",\"b\"]}"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(gateway.invocations("Orders").get(0).event()).isEqualTo(
                    "{\"id\":\"o-1\",\"items\":[\"a\",\"b\"],\"count\":2,\"stage\":\"dev\",\"table\":\"orders-test\"}");
        }

        @Test
        void response_template_and_parameters_shape_the_answer() throws Exception {
            HttpResponse<String> response = send(post("/orders/o-2", "application/json", "{\"items\":[1]}"));

            assertThat(response.body()).isEqualTo("{\"order\": \"o-2\", \"items\": 1}");
            assertThat(response.headers().firstValue("X-Order-Id")).hasValue("o-2");
            assertThat(response.headers().firstValue("X-Static")).hasValue("fixed");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }

        @Test
        void function_error_matching_a_selection_pattern_takes_that_response() throws Exception {
            HttpResponse<String> response = send(post("/orders/o-3", "application/json", "{\"items\":[]}"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\": \"Invalid order: \\\"o-3\\\" has no items\"}");
        }

        @Test
        void passthrough_never_refuses_a_content_type_without_template_with_415() throws Exception {
            HttpResponse<String> response = send(post("/orders/o-4", "text/plain", "hello"));

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        }

        @Test
        void when_no_match_passes_an_unmatched_body_through_and_an_empty_one_as_an_empty_object() throws Exception {
            assertThat(send(post("/echo-raw", "application/json", "{\"raw\":true}")).body()).isEqualTo("{\"raw\":true}");
            assertThat(send(HttpRequest.newBuilder(gateway.uri("/echo-raw")).POST(BodyPublishers.noBody())).body())
                    .isEqualTo("{}");
        }

        @Test
        void a_payload_that_is_not_json_is_refused_before_the_function_is_called() throws Exception {
            int callsBefore = gateway.invocations("Raw").size();
            HttpResponse<String> response = send(post("/echo-raw", "text/plain", "hello"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("{\"message\": \"Could not parse request body into json: ");
            assertThat(gateway.invocations("Raw")).hasSize(callsBefore);
        }

        @Test
        void matching_content_type_uses_its_template() throws Exception {
            assertThat(send(post("/echo-raw", "application/xml; charset=utf-8", "<a/>")).body())
                    .isEqualTo("{\"xml\": \"<a\\/>\"}");
        }

        @Test
        void response_overrides_set_in_the_request_template_apply_and_are_readable_later() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/override")));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.headers().firstValue("X-Overridden")).hasValue("yes");
            assertThat(response.body()).isEqualTo("{\"status\": \"202\"}");
        }
    }

    @Nested
    class Http {
        @Test
        void parameters_are_mapped_and_the_default_response_template_wraps_the_backend_body() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/backend/42?verbose=yes")));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"backend\": \"backend saw \\/items\\/42?detail=yes\"}");
            assertThat(response.headers().firstValue("X-Backend")).hasValue("yes");
            assertThat(BACKEND.received).last().satisfies(r -> assertThat(r.header()).isEqualTo("mapped"));
            // API Gateway sends its trace header to HTTP integrations (AWS-REFERENCE 5.6).
            assertThat(BACKEND.traceIds).last().asString().matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        }

        @Test
        void backend_status_selects_the_integration_response() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/backend/missing")));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"missing\": \"missing\"}");
        }
    }

    @Nested
    class Mapping {
        @Test
        void an_empty_response_template_passes_the_integration_body_through() throws Exception {
            HttpResponse<String> json = send(post("/passthrough-template", "application/json", "{\"kept\":1}"));
            HttpResponse<String> xml = send(post("/passthrough-template", "application/json", "{\"kept\":1}")
                    .header("Accept", "application/xml"));

            assertThat(json.body()).isEqualTo("{\"kept\":1}");
            assertThat(xml.body()).isEqualTo("<wrapped/>");
        }

        @Test
        void a_mapped_path_value_cannot_change_the_backend_path_or_query() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/lookup?p=a%2Fb%3Fz%3D1%20x")));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(BACKEND.received).last().satisfies(r -> assertThat(r.uri()).isEqualTo("/items/a/b%3Fz=1%20x"));
        }

        @Test
        void a_mapped_header_value_the_client_made_unsendable_is_a_500_not_a_crash() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/lookup?p=x&h=bad%0Avalue")));
            HttpResponse<String> next = send(HttpRequest.newBuilder(gateway.uri("/lookup?p=y&h=fine")));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(next.statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Mock {
        @Test
        void cors_preflight_mock_answers_with_static_headers_and_request_data() throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/preflight"))
                    .header("Origin", "https://example.com").method("OPTIONS", BodyPublishers.noBody()));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(response.body()).isEqualTo("{\"origin\": \"https://example.com\"}");
        }

        @Test
        void a_template_failing_at_runtime_is_a_500_and_the_gateway_keeps_serving() throws Exception {
            HttpResponse<String> failed = send(HttpRequest.newBuilder(gateway.uri("/broken-at-runtime")));
            HttpResponse<String> next = send(HttpRequest.newBuilder(gateway.uri("/preflight"))
                    .method("OPTIONS", BodyPublishers.noBody()));

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("{\"message\": \"Internal server error\"}");
            assertThat(next.statusCode()).isEqualTo(200);
        }
    }
}
