package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No request path reaches a file outside what apigw means to serve. The dashboard's files are the only files apigw
 * serves; requests are sent over a raw socket so that no client normalises the path first.
 */
class PathTraversalTest {
    private static GatewayServer server;

    @BeforeAll
    static void start() {
        GatewayConfig.Builder config = GatewayConfig.builder().spec(TestSpecs.spec("rest-api.yaml")).port(0);
        for (String function : new String[] {"Echo", "Result", "Slow"}) {
            config.function(function, new FunctionDefinition.Instance(new EchoHandler(), null));
        }
        server = GatewayServer.start(config.build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/_apigw/dashboard/../../../../../../etc/passwd",
        "/_apigw/dashboard/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/_apigw/dashboard/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/_apigw/dashboard/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/_apigw/dashboard/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
        "/_apigw/dashboard//etc/passwd",
        "/_apigw/dashboard/%2fetc%2fpasswd",
        "/_apigw/dashboard/..%5c..%5c..%5c..%5cetc%5cpasswd",
        "/_apigw/dashboard/index.html%00.css",
        "/_apigw/dashboard/..%2fdashboard%2findex.html",
        "/_apigw/dashboard/../../../../../../../../proc/self/environ",
        "/_apigw/dashboard/..%2f..%2f..%2fdev%2fapigw%2femulator%2fGatewayServer.class",
        "/_apigw/../../../../etc/passwd",
        "/_apigw/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
        "/etc/passwd",
    })
    void no_path_serves_a_file_outside_the_dashboards_three(String path) {
        String answer = rawGet(path);

        assertThat(statusOf(answer)).as(answer).isNotEqualTo(200);
        assertThat(answer).doesNotContain("root:x:0:0").doesNotContain("PATH=").doesNotContain("<html")
                .doesNotContain("\u00ca\u00fe\u00ba\u00be");
    }

    @Test
    void an_encoded_traversal_under_an_api_proxy_route_is_the_functions_path_not_a_file() {
        String answer = rawGet("/dev/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd");

        assertThat(answer).contains("\"resource\":\"/files/{proxy+}\"").doesNotContain("root:x:0:0");
    }

    @Test
    void the_dashboards_files_are_served_by_name() {
        assertThat(statusOf(rawGet("/_apigw/dashboard/dashboard.js"))).isEqualTo(200);
        assertThat(statusOf(rawGet("/_apigw/dashboard/index.html"))).isEqualTo(200);
    }

    /** The status of a raw HTTP/1.1 answer, or 0 when the server closed without one. */
    private static int statusOf(String answer) {
        return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : 0;
    }

    private static String rawGet(String path) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
