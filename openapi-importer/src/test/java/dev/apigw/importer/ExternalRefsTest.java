package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A {@code $ref} reaches neither the network nor files outside the directory references are read from. */
class ExternalRefsTest {

    private static ImportResult importWithRef(String ref) {
        return OpenApiImporter.importFrom("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '%s'}
                """.formatted(ref), "refs.yaml", null);
    }

    @Test
    void a_url_is_refused_without_a_request() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/pet.yaml#/Pet";
            AtomicBoolean contacted = new AtomicBoolean();
            server.setSoTimeout(200);
            ImportResult result = importWithRef(url);
            try (Socket ignored = server.accept()) {
                contacted.set(true);
            } catch (IOException timeout) {
                // nobody came: what should happen
            }
            assertThat(contacted).isFalse();
            assertThat(result.problems()).extracting(Problem::toString).containsExactly("ERROR paths./pets.get"
                    + ".responses.200.content.application/json.schema.$ref (line 11): `$ref: " + url + "` refers to"
                    + " a URL; apigw reads no remote or `file:` references. Save the document next to the spec and"
                    + " refer to it by a relative path.");
        }
    }

    @Test
    void a_file_url_is_refused() {
        assertThat(importWithRef("file:///etc/passwd").problems())
                .anySatisfy(p -> assertThat(p.message()).contains("refers to a URL"));
    }

    @Test
    void a_path_out_of_the_directory_is_refused() {
        assertThat(importWithRef("../../../../../../etc/passwd#/x").problems())
                .anySatisfy(p -> assertThat(p.message()).startsWith("`$ref: ../../../../../../etc/passwd#/x` leaves"
                        + " the directory references are read from"));
    }

    @Test
    void local_cycles_and_self_references_end() {
        ImportResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> OpenApiImporter.importFrom("""
                openapi: 3.0.1
                info: {title: t, version: '1'}
                paths:
                  /pets:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/A'}
                      x-amazon-apigateway-integration: {type: mock}
                components:
                  schemas:
                    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
                    B: {$ref: '#/components/schemas/A'}
                    C: {$ref: '#/components/schemas/C'}
                """, "cycle.yaml", null));
        assertThat(result.api()).isNotNull();
    }
}
