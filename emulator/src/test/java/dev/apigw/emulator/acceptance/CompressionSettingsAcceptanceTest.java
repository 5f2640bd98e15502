package dev.apigw.emulator.acceptance;

import static dev.apigw.emulator.acceptance.CompressionAcceptanceTest.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import dev.apigw.emulator.RequestLimits;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.RawEchoHandler;
import dev.apigw.emulator.handlers.SizedHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fixture's compression settings over the document's, and the payload limit on decompressed bodies. */
class CompressionSettingsAcceptanceTest {

    static ApiGatewayExtension fixture() {
        return ApiGatewayExtension.fromSpec("specs/compression-rest.yaml")
                .withFunction("Sized", new SizedHandler())
                .withFunction("Echo", new EchoHandler())
                .withFunction("Raw", new RawEchoHandler());
    }

    static HttpResponse<byte[]> send(ApiGatewayExtension gateway, HttpRequest request) throws Exception {
        return gateway.httpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Nested
    class MinimumSizeZero {
        @RegisterExtension
        final ApiGatewayExtension gateway = fixture().withMinimumCompressionSize(0);

        @Test
        void compresses_a_small_response_and_a_gateway_response() throws Exception {
            HttpResponse<byte[]> small = send(gateway, HttpRequest.newBuilder(gateway.uri("/sized?size=1"))
                    .header("Accept-Encoding", "gzip").build());
            HttpResponse<byte[]> missing = send(gateway, HttpRequest.newBuilder(gateway.uri("/no-such-path"))
                    .header("Accept-Encoding", "gzip").build());

            assertThat(small.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(CompressionAcceptanceTest.gunzip(small.body())).isEqualTo("a");
            assertThat(missing.statusCode()).isEqualTo(403);
            assertThat(missing.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(CompressionAcceptanceTest.gunzip(missing.body()))
                    .isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        }
    }

    @Nested
    class CompressionOff {
        @RegisterExtension
        final ApiGatewayExtension gateway = fixture().withoutCompression();

        @Test
        void leaves_every_response_uncompressed_but_still_decodes_requests() throws Exception {
            HttpResponse<byte[]> large = send(gateway, HttpRequest.newBuilder(gateway.uri("/sized?size=5000"))
                    .header("Accept-Encoding", "gzip").build());
            HttpResponse<byte[]> posted = send(gateway, HttpRequest.newBuilder(gateway.uri("/template"))
                    .headers("Content-Type", "application/json", "Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzip("{\"name\":\"a\"}".getBytes(
                            StandardCharsets.UTF_8)))).build());

            assertThat(large.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(large.body()).hasSize(5000);
            assertThat(new String(posted.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\": \"a\", \"length\": 12}");
        }
    }

    @Nested
    class ZipBomb {
        @RegisterExtension
        final ApiGatewayExtension gateway = fixture().withRequestLimits(RequestLimits.aws().withPayloadBytes(64 * 1024));

        @Test
        void a_small_body_that_expands_past_the_payload_limit_is_refused_with_413() throws Exception {
            // 50 MB of zeros compress to about 50 KB: under the 64 KB limit on the wire, far over it decoded.
            byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
            assertThat(bomb.length).isLessThan(64 * 1024);

            HttpResponse<byte[]> response = send(gateway, HttpRequest.newBuilder(gateway.uri("/echo"))
                    .headers("Content-Type", "application/json", "Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bomb)).build());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo("HTTP content length exceeded 65536 bytes.");
            assertThat(gateway.invocations("Echo")).isEmpty();
        }

        @Test
        void a_compressed_body_that_decodes_to_exactly_the_limit_is_served() throws Exception {
            byte[] body = new byte[64 * 1024];
            java.util.Arrays.fill(body, (byte) 'a');
            body[0] = '"';
            body[body.length - 1] = '"';

            HttpResponse<byte[]> response = send(gateway, HttpRequest.newBuilder(gateway.uri("/echo"))
                    .headers("Content-Type", "application/json", "Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(body))).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(gateway.invocations("Echo")).hasSize(1);
        }
    }
}
