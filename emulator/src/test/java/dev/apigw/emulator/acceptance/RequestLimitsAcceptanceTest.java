package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.apigw.emulator.RequestLimits;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API Gateway's request limits, lowered so that the tests are quick, through the running gateway: the URL, the header
 * bytes, the body and the Lambda proxy event, each refused with AWS's answer before the function is called.
 */
class RequestLimitsAcceptanceTest {
    private static final RequestLimits SMALL = new RequestLimits(64 * 1024, 8 * 1024, 2048, 1024);

    @RegisterExtension
    static ApiGatewayExtension rest = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
            .withFunction("Echo", new EchoHandler())
            .withFunction("Result", new ResultHandler())
            .withFunction("Slow", new SlowHandler())
            .withStageVariable("backend", "http://127.0.0.1:9")
            .withRequestLimits(SMALL);

    @RegisterExtension
    static ApiGatewayExtension http = ApiGatewayExtension.fromSpec("specs/http-api.yaml")
            .withFunction("Echo", new EchoHandler())
            .withFunction("Result", new ResultHandler())
            .withFunction("Slow", new SlowHandler())
            .withStageVariable("backend", "http://127.0.0.1:9")
            .withRequestLimits(SMALL);

    private static HttpResponse<String> send(ApiGatewayExtension gateway, HttpRequest.Builder request)
            throws Exception {
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String path(ApiGatewayExtension gateway, String path) {
        return gateway.baseUri().getPath() + path;
    }

    @Test
    void requests_within_the_limits_reach_the_function() throws Exception {
        HttpResponse<String> response = send(rest, HttpRequest.newBuilder(rest.uri("/echo?q=" + "a".repeat(300)))
                .header("X-Big", "b".repeat(1000)).POST(HttpRequest.BodyPublishers.ofString("c".repeat(1000))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rest.invocations("Echo")).hasSize(1);
    }

    @Test
    void rest_body_over_the_limit_is_refused_by_its_content_length_before_it_is_read() throws Exception {
        try (RawHttp client = RawHttp.connect(rest.port())) {
            // Only the head and a few bytes are sent: the answer must not wait for the 100,000 bytes declared.
            RawHttp.Response response = client.send("POST " + path(rest, "/echo") + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 100000\r\n\r\nabc").response();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Content-Type")).isEqualTo("text; charset=utf-8");
            assertThat(response.body()).isEqualTo("HTTP content length exceeded 65536 bytes.");
            assertThat(response.header("Connection")).isEqualTo("close");
        }
        assertThat(rest.invocations("Echo")).isEmpty();
    }

    @Test
    void rest_chunked_body_over_the_limit_is_refused_once_the_limit_is_passed() throws Exception {
        byte[] body = new byte[70 * 1024];
        // ofInputStream has no known length, so the JDK client sends the body chunked.
        HttpResponse<String> response = send(rest, HttpRequest.newBuilder(rest.uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("HTTP content length exceeded 65536 bytes.");
        assertThat(rest.invocations("Echo")).isEmpty();
    }

    @Test
    void rest_proxy_event_over_lambdas_limit_is_413_request_too_long() throws Exception {
        // 7 KB of body is within the 64 KB payload limit, but the event around it is over the 8 KB Lambda limit.
        HttpResponse<String> response = send(rest, HttpRequest.newBuilder(rest.uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("d".repeat(7 * 1024))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"message\": \"Request Too Long\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(rest.invocations("Echo")).isEmpty();
    }

    @Test
    void rest_header_values_over_the_limit_are_431() throws Exception {
        HttpResponse<String> response = send(rest, HttpRequest.newBuilder(rest.uri("/echo"))
                .header("X-One", "e".repeat(1100)).header("X-Two", "f".repeat(1100)));

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).isEqualTo("HTTP header is larger than 2048 bytes.");
        assertThat(rest.invocations("Echo")).isEmpty();
    }

    @Test
    void rest_url_over_the_limit_is_414() throws Exception {
        HttpResponse<String> response = send(rest, HttpRequest.newBuilder(rest.uri("/echo?q=" + "g".repeat(1100))));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.body()).isEqualTo("An HTTP line is larger than 1024 bytes.");
        assertThat(rest.invocations("Echo")).isEmpty();
    }

    @Test
    void headers_past_jettys_own_buffer_get_the_same_answer_and_the_server_serves_on() throws Exception {
        try (RawHttp client = RawHttp.connect(rest.port())) {
            RawHttp.Response response = client.send("GET " + path(rest, "/echo") + " HTTP/1.1\r\nHost: x\r\n"
                    + "X-Huge: " + "h".repeat(100_000) + "\r\n\r\n").response();

            assertThat(response.status()).isEqualTo(431);
            assertThat(response.body()).isEqualTo("HTTP header is larger than 2048 bytes.");
        }
        assertThat(send(rest, HttpRequest.newBuilder(rest.uri("/echo"))).statusCode()).isEqualTo(200);
    }

    @Test
    void http_api_body_over_the_limit_is_413_request_entity_too_large() throws Exception {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(http.uri("/echo/1"))
                .method("GET", HttpRequest.BodyPublishers.ofByteArray(new byte[70 * 1024])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        assertThat(http.invocations("Echo")).isEmpty();
    }

    @Test
    void http_api_proxy_event_over_lambdas_limit_is_413() throws Exception {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(http.uri("/echo/1"))
                .method("GET", HttpRequest.BodyPublishers.ofString("i".repeat(8 * 1024))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
        assertThat(http.invocations("Echo")).isEmpty();
    }

    @Test
    void http_api_counts_the_request_line_among_the_header_bytes() throws Exception {
        // 1,500 characters of URL: over a REST API's 1,024-character URL limit, but HTTP APIs have none; with the
        // 600-byte header the request line and header values pass the 2,048-byte header limit instead.
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(http.uri("/echo/1?q=" + "j".repeat(1500)))
                .header("X-Extra", "k".repeat(600)));

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.body()).isEqualTo("HTTP header is larger than 2048 bytes.");
        assertThat(send(http, HttpRequest.newBuilder(http.uri("/echo/1?q=" + "j".repeat(1500)))).statusCode())
                .isEqualTo(200);
    }
}
