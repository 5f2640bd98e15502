package dev.apigw.emulator.acceptance;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.RawEchoHandler;
import dev.apigw.emulator.handlers.SizedHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * REST API payload compression over HTTP: the document's minimum compression size of 100 bytes, responses compressed
 * as the client's Accept-Encoding asks, and compressed request bodies decoded before proxy events and templates. The
 * JDK's HTTP client neither sends Accept-Encoding nor decompresses on its own, so the test sees the bytes on the wire.
 */
class CompressionAcceptanceTest {

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/compression-rest.yaml")
            .withFunction("Sized", new SizedHandler())
            .withFunction("Echo", new EchoHandler())
            .withFunction("Raw", new RawEchoHandler());

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.uri(path)).headers(headers)
                .POST(BodyPublishers.ofByteArray(body)).build();
        return gateway.httpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String inflate(byte[] data) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Nested
    class ResponseSize {
        @Test
        void a_response_below_the_minimum_size_is_not_compressed() throws Exception {
            HttpResponse<byte[]> response = get("/sized?size=99", "Accept-Encoding", "gzip");

            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(text(response)).isEqualTo("a".repeat(99));
        }

        @Test
        void a_response_of_exactly_the_minimum_size_is_compressed() throws Exception {
            HttpResponse<byte[]> response = get("/sized?size=100", "Accept-Encoding", "gzip");

            assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(gunzip(response.body())).isEqualTo("a".repeat(100));
            assertThat(response.headers().firstValue("Content-Length")).hasValue(
                    String.valueOf(response.body().length));
        }

        @Test
        void a_response_above_the_minimum_size_is_compressed_and_keeps_its_other_headers() throws Exception {
            HttpResponse<byte[]> response = get("/sized?size=5000", "Accept-Encoding", "gzip");

            assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(response.body().length).isLessThan(5000);
            assertThat(gunzip(response.body())).isEqualTo("a".repeat(5000));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        }

        @Test
        void a_response_the_integration_encoded_itself_is_left_as_it_is() throws Exception {
            HttpResponse<byte[]> response = get("/sized?size=500&encoding=identity", "Accept-Encoding", "gzip");

            assertThat(response.headers().allValues("Content-Encoding")).containsExactly("identity");
            assertThat(text(response)).isEqualTo("a".repeat(500));
        }

        @Test
        void a_gateway_response_under_the_minimum_size_is_not_compressed() throws Exception {
            // The gateway's own 403 (42 bytes) is under the document's 100; CompressionSettingsAcceptanceTest shows
            // it compressed with a minimum size of 0.
            HttpResponse<byte[]> response = get("/no-such-path", "Accept-Encoding", "gzip");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        }
    }

    @Nested
    class AcceptEncodingHeader {
        @ParameterizedTest(name = "Accept-Encoding: {0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "gzip | gzip",
                "deflate | deflate",
                "GZIP | gzip",
                "'gzip, deflate, br' | gzip",
                "'deflate, gzip' | deflate",
                "'deflate;q=0.5, gzip;q=1.0' | gzip",
                "'gzip;q=1.0, identity;q=0.5, *;q=0' | gzip",
                "'gzip;q=0, deflate' | deflate",
                "'br, gzip;q=0.8' | gzip",
                "'br, gzip' | gzip",
                "'br;q=1.0, deflate;q=0.3, gzip;q=0.2' | deflate",
                "'gzip;q=0.5, identity' | none",
                "br | none",
                "identity | none",
                "'*' | none",
                "'gzip;q=0' | none",
                "'' | none"})
        void the_highest_ranked_supported_coding_decides(String acceptEncoding, String expected) throws Exception {
            HttpResponse<byte[]> response = get("/sized?size=300", "Accept-Encoding", acceptEncoding);

            if (expected.equals("none")) {
                assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
                assertThat(text(response)).isEqualTo("a".repeat(300));
            } else {
                assertThat(response.headers().firstValue("Content-Encoding")).hasValue(expected);
                assertThat(expected.equals("gzip") ? gunzip(response.body()) : inflate(response.body()))
                        .isEqualTo("a".repeat(300));
            }
        }

        @Test
        void without_accept_encoding_nothing_is_compressed() throws Exception {
            HttpResponse<byte[]> response = get("/sized?size=300");

            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(text(response)).isEqualTo("a".repeat(300));
        }
    }

    @Nested
    class CompressedRequestBodies {
        private final byte[] json = "{\"name\":\"rex\",\"type\":\"dog\"}".getBytes(StandardCharsets.UTF_8);

        @Test
        void a_gzip_body_reaches_the_proxy_event_decompressed() throws Exception {
            HttpResponse<byte[]> response = post("/echo", gzip(json),
                    "Content-Type", "application/json", "Content-Encoding", "gzip");

            assertThat(response.statusCode()).isEqualTo(200);
            String event = gateway.invocations("Echo").get(0).event();
            assertThatJson(event).node("body").isEqualTo("\"{\\\"name\\\":\\\"rex\\\",\\\"type\\\":\\\"dog\\\"}\"");
            assertThatJson(event).node("isBase64Encoded").isEqualTo(false);
            // As on AWS: the body is decoded, the client's headers are passed on as sent.
            assertThatJson(event).node("headers.Content-Encoding").isEqualTo("gzip");
        }

        @Test
        void a_deflate_body_reaches_the_proxy_event_decompressed() throws Exception {
            post("/echo", deflate(json), "Content-Type", "application/json", "Content-Encoding", "deflate");

            assertThatJson(gateway.invocations("Echo").get(0).event()).node("body")
                    .isEqualTo("\"{\\\"name\\\":\\\"rex\\\",\\\"type\\\":\\\"dog\\\"}\"");
        }

        @Test
        void a_mapping_template_reads_the_decompressed_body() throws Exception {
            HttpResponse<byte[]> response = post("/template", gzip(json),
                    "Content-Type", "application/json", "Content-Encoding", "gzip");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThatJson(text(response)).isEqualTo("{\"name\":\"rex\",\"length\":" + json.length + "}");
        }

        @Test
        void a_body_that_is_not_in_its_coding_is_refused_with_415() throws Exception {
            HttpResponse<byte[]> response = post("/echo", json,
                    "Content-Type", "application/json", "Content-Encoding", "gzip");

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(text(response)).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
            assertThat(gateway.invocations("Echo")).isEmpty();
        }

        @Test
        void a_truncated_gzip_body_is_refused_with_415() throws Exception {
            byte[] compressed = gzip(json);
            byte[] truncated = java.util.Arrays.copyOf(compressed, compressed.length - 6);

            HttpResponse<byte[]> response = post("/echo", truncated,
                    "Content-Type", "application/json", "Content-Encoding", "gzip");

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(gateway.invocations("Echo")).isEmpty();
        }

        @Test
        void a_coding_api_gateway_does_not_support_is_refused_with_415() throws Exception {
            HttpResponse<byte[]> response = post("/echo", json,
                    "Content-Type", "application/json", "Content-Encoding", "br");

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        }

        @Test
        void an_identity_body_is_passed_as_it_is() throws Exception {
            post("/echo", json, "Content-Type", "application/json", "Content-Encoding", "identity");

            assertThatJson(gateway.invocations("Echo").get(0).event()).node("body")
                    .isEqualTo("\"{\\\"name\\\":\\\"rex\\\",\\\"type\\\":\\\"dog\\\"}\"");
        }

        @Test
        void the_gateway_serves_on_after_a_corrupt_body() throws Exception {
            post("/echo", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0}, "Content-Type", "application/json",
                    "Content-Encoding", "gzip");

            assertThat(get("/sized?size=3").statusCode()).isEqualTo(200);
        }
    }
}
