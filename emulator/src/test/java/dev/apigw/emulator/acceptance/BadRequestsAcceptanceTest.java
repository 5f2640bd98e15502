package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import dev.apigw.emulator.RequestLimits;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests no well-behaved client sends, on a plain socket: each gets an answer or a closed connection, and after
 * each a normal request from another client is served.
 */
class BadRequestsAcceptanceTest {

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
            .withFunction("Echo", new EchoHandler())
            .withFunction("Result", new ResultHandler())
            .withFunction("Slow", new SlowHandler())
            .withStageVariable("backend", "http://127.0.0.1:9")
            .withRequestLimits(RequestLimits.aws().withIdleTimeout(Duration.ofMillis(500)));

    /** Another client, on its own connection, is served as if nothing had happened. */
    @AfterEach
    void the_server_still_serves_other_clients() throws Exception {
        HttpResponse<String> response = gateway.httpClient().send(
                HttpRequest.newBuilder(gateway.uri("/echo?after=bad")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static RawHttp.Response exchange(String request) throws Exception {
        try (RawHttp client = RawHttp.connect(gateway.port())) {
            return client.send(request).response();
        }
    }

    private static String get(String target) {
        return "GET " + gateway.baseUri().getPath() + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    @Test
    void a_garbage_request_line_is_400() throws Exception {
        RawHttp.Response response = exchange("THIS IS NOT HTTP\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Bad Request\"}");
    }

    @Test
    void a_header_line_without_a_colon_is_400() throws Exception {
        RawHttp.Response response = exchange("GET /dev/echo HTTP/1.1\r\nHost: localhost\r\nNoColonHere\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Bad Request\"}");
    }

    @Test
    void invalid_percent_encoding_in_the_path_is_400() throws Exception {
        RawHttp.Response response = exchange(get("/items/%zz"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Bad Request\"}");
        assertThat(gateway.invocations("Echo")).isEmpty();
    }

    @Test
    void invalid_percent_encoding_in_the_query_string_is_400() throws Exception {
        RawHttp.Response response = exchange(get("/echo?q=%zz"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Bad Request\"}");
    }

    @Test
    void invalid_utf8_in_the_path_is_400() throws Exception {
        RawHttp.Response response = exchange(get("/items/%C3%28"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Bad Request\"}");
    }

    @Test
    void invalid_utf8_in_a_header_value_is_answered() throws Exception {
        // 0xC3 0x28: a UTF-8 lead byte followed by a byte that cannot continue it.
        RawHttp.Response response = exchange("GET /dev/echo HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u00c3(b\r\n\r\n");

        // Jetty reads header bytes as ISO-8859-1, so the value arrives as two characters, not as broken UTF-8;
        // the function is called as with any other value.
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void ten_thousand_tiny_headers_are_refused_and_the_server_stays_up() throws Exception {
        StringBuilder request = new StringBuilder("GET /dev/echo HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 10_000; i++) {
            request.append("X-H").append(i).append(": v\r\n");
        }
        RawHttp.Response response = exchange(request.append("\r\n").toString());

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.body()).isEqualTo("HTTP header is larger than 10240 bytes.");
    }

    @Test
    void a_client_sending_a_byte_a_second_is_cut_off_by_the_idle_timeout() throws Exception {
        try (RawHttp client = RawHttp.connect(gateway.port())) {
            client.send("GET /dev/echo HTTP/1.1\r\nHost: localhost\r\n");
            boolean closed = false;
            for (int second = 0; second < 20 && !closed; second++) {
                Thread.sleep(1000);
                try {
                    client.send("X");
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            assertThat(closed || client.closedByServer()).as("the server closed the stalled connection").isTrue();
        }
    }

    @Test
    void a_client_that_leaves_mid_body_does_not_disturb_the_server() throws Exception {
        try (RawHttp client = RawHttp.connect(gateway.port())) {
            client.send("POST /dev/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\nonly a part");
        }
        assertThat(gateway.invocations("Echo")).isEmpty();
    }

    @Test
    void a_client_that_leaves_mid_response_does_not_disturb_the_server() throws Exception {
        // The function echoes its 3 MB event back; the client reads a few bytes of it and hangs up.
        String body = "x".repeat(3 * 1024 * 1024);
        try (RawHttp client = RawHttp.connect(gateway.port())) {
            client.send("POST /dev/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body);
            assertThat(new String(client.readSome(12), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 200");
        }
    }
}
