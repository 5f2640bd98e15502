package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Javalin transport: requests reach the pipeline as received, responses go back as produced. */
class TransportAcceptanceTest {

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
            .withFunction("Echo", new EchoHandler())
            .withFunction("Result", new ResultHandler())
            .withFunction("Slow", new SlowHandler())
            .withStageVariable("backend", "http://127.0.0.1:9");

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_endpoint_answers_200_under_the_reserved_prefix() throws Exception {
        URI health = URI.create("http://127.0.0.1:" + gateway.port() + "/_apigw/health");

        assertThat(send(HttpRequest.newBuilder(health)).statusCode()).isEqualTo(200);
    }

    @Test
    void encoded_characters_and_double_slashes_reach_the_event_raw() throws Exception {
        URI uri = URI.create(gateway.baseUri() + "/files/user/test%2Balias@x.com//deep/");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("pathParameters.proxy").isEqualTo("user/test%2Balias@x.com//deep");
        assertThatJson(response.body()).node("path").isEqualTo("/files/user/test%2Balias@x.com//deep/");
    }

    @Test
    void request_headers_body_and_query_reach_the_event() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/echo?q=a+b&q=%2B"))
                .header("tEsT-HEADeR", "v1").POST(HttpRequest.BodyPublishers.ofString("héllo")));

        assertThatJson(response.body()).node("httpMethod").isEqualTo("POST");
        assertThatJson(response.body()).node("headers.tEsT-HEADeR").isEqualTo("v1");
        assertThatJson(response.body()).node("multiValueQueryStringParameters.q").isEqualTo("[\"a b\",\"+\"]");
        assertThatJson(response.body()).node("body").isEqualTo("héllo");
        assertThatJson(response.body()).node("requestContext.identity.sourceIp").isEqualTo("127.0.0.1");
    }

    @Test
    void response_status_headers_and_body_are_written_back() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/result")).POST(
                HttpRequest.BodyPublishers.ofString("{\"statusCode\":203,\"headers\":{\"X-One\":\"1\"},"
                        + "\"multiValueHeaders\":{\"X-Many\":[\"a\",\"b\"]},\"body\":\"text\"}")));

        assertThat(response.statusCode()).isEqualTo(203);
        assertThat(response.headers().firstValue("X-One")).hasValue("1");
        assertThat(response.headers().firstValue("X-Many")).hasValue("a, b");
        assertThat(response.body()).isEqualTo("text");
    }

    @Test
    void body_over_10_mb_is_refused_as_aws_edge_refuses_it_even_when_chunked() throws Exception {
        byte[] chunk = new byte[1024 * 1024];
        // ofInputStream has no known length, so the JDK client sends the body chunked.
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> nChunks(chunk, 11));
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/echo")).POST(chunked));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("HTTP content length exceeded 10485760 bytes.");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text; charset=utf-8");
        assertThat(gateway.invocations("Echo")).isEmpty();
    }

    private static InputStream nChunks(byte[] chunk, int count) {
        List<InputStream> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new ByteArrayInputStream(chunk));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "FOO"})
    void methods_api_gateway_does_not_know_are_403_too(String method) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/echo"))
                .method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void the_reserved_prefix_never_reaches_the_api() throws Exception {
        URI other = URI.create("http://127.0.0.1:" + gateway.port() + "/_apigw/nothing/here");
        HttpResponse<String> response = send(HttpRequest.newBuilder(other));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no apigw endpoint GET /_apigw/nothing/here");
    }

    @Test
    void unknown_path_is_403_over_http() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/nowhere")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    }
}
