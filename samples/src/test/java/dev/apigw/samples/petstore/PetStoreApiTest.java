package dev.apigw.samples.petstore;

import static net.javacrumbs.jsonunit.assertj.JsonAssertions.assertThatJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import com.sun.net.httpserver.HttpServer;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.emulator.observe.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pet store REST API, served by apigw with the real handlers, called over HTTP. */
class PetStoreApiTest {

    /** Stands in for the legacy service behind the HTTP proxy route. */
    static final HttpServer LEGACY = legacyService();

    // tag::fixture[]
    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("petstore/openapi.yaml")
            .withFunction("ListPets", new ListPetsHandler())
            .withFunction("GetPet", new GetPetHandler())
            .withFunction("CreatePet", new CreatePetHandler())
            .withFunction("PetSummary", new PetSummaryHandler())
            .withFunction("DeletePet", new DeletePetHandler())
            .withApiKey("test-key")
            .withMethodCache("/pets/GET", Duration.ofSeconds(300))
            .withStageVariable("legacyBaseUrl", "http://127.0.0.1:" + LEGACY.getAddress().getPort());

    @Test
    void get_pet_returns_the_pet_and_the_handler_sees_the_path_parameter() throws Exception {
        HttpResponse<String> response = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/pets/1")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).isEqualTo("{\"id\":\"1\",\"name\":\"Rex\",\"type\":\"dog\"}");
        assertThat(gateway.invocations("GetPet")).singleElement()
                .satisfies(call -> assertThatJson(call.event()).node("pathParameters.id").isString().isEqualTo("1"));
    }
    // end::fixture[]

    @Test
    void list_pets_honours_the_limit_query_parameter() throws Exception {
        HttpResponse<String> response = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/pets?limit=2")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).isArray().hasSize(2);
    }

    @Test
    void the_list_is_answered_from_the_stage_cache_one_entry_per_limit() throws Exception {
        for (String pathAndQuery : new String[] {"/pets?limit=2", "/pets?limit=2", "/pets?limit=3"}) {
            assertThat(gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri(pathAndQuery)).build(),
                    BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }

        assertThat(gateway.invocations("ListPets")).hasSize(2);
        // Newest first: the limit=3 miss, then the second limit=2 request, answered from the cache.
        assertThat(gateway.journal().entries().get(1).integration())
                .isEqualTo(new JournalEntry.StageCacheHit("cache", 200));
    }

    @Test
    void create_pet_answers_201_with_a_location_in_the_stage() throws Exception {
        HttpResponse<String> response = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri("/pets"))
                .header("Content-Type", "application/json").header("x-api-key", "test-key")
                .POST(BodyPublishers.ofString("{\"name\":\"Kiwi\",\"type\":\"bird\"}")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).get().asString().startsWith("/dev/pets/");
        assertThatJson(response.body()).node("name").isEqualTo("Kiwi");
    }

    @Test
    void writes_without_an_api_key_are_forbidden_before_the_handler_runs() throws Exception {
        HttpResponse<String> response = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri("/pets"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"name\":\"Kiwi\",\"type\":\"bird\"}")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(gateway.invocations("CreatePet")).isEmpty();
    }

    // tag::token[]
    @Test
    void deleting_a_pet_needs_a_user_pool_token_with_the_admin_scope() throws Exception {
        String token = gateway.tokens().subject("alice").scopes("petstore/admin").sign();

        HttpResponse<String> response = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri("/pets/3"))
                .header("x-api-key", "test-key").header("Authorization", token).DELETE().build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("deletedBy").isEqualTo("alice");
    }
    // end::token[]

    @Test
    void deleting_a_pet_without_a_token_or_without_the_scope_is_unauthorized() throws Exception {
        String readOnly = gateway.tokens().subject("bob").scopes("petstore/read").sign();

        HttpResponse<String> noToken = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri("/pets/2"))
                .header("x-api-key", "test-key").DELETE().build(), BodyHandlers.ofString());
        HttpResponse<String> wrongScope = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri("/pets/2"))
                .header("x-api-key", "test-key").header("Authorization", readOnly).DELETE().build(),
                BodyHandlers.ofString());

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(wrongScope.statusCode()).isEqualTo(401);
        assertThat(gateway.invocations("DeletePet")).isEmpty();
    }

    @Test
    void unknown_pet_is_the_handlers_404_and_unknown_path_is_api_gateways_403() throws Exception {
        HttpResponse<String> noPet = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/pets/999")).build(), BodyHandlers.ofString());
        HttpResponse<String> noPath = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/owners")).build(), BodyHandlers.ofString());

        assertThat(noPet.statusCode()).isEqualTo(404);
        assertThat(noPath.statusCode()).isEqualTo(403);
        assertThat(noPath.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void health_is_a_mock_integration() throws Exception {
        HttpResponse<String> response = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/health")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\": \"ok\", \"stage\": \"dev\"}");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void legacy_routes_are_proxied_to_the_http_backend() throws Exception {
        HttpResponse<String> response = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/legacy/orders/12?full=true")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("saw").isEqualTo("GET /orders/12?full=true");
    }

    @Test
    void summary_is_a_lambda_custom_integration_shaped_by_templates() throws Exception {
        HttpResponse<String> response = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/pets/1/summary")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).node("summary").isEqualTo("Rex is a dog with 4 legs");
        assertThat(response.headers().firstValue("X-Pet-Type")).hasValue("dog");
        assertThat(gateway.invocations("PetSummary")).singleElement()
                .satisfies(call -> assertThatJson(call.event()).isEqualTo("{\"petId\":\"1\"}"));
    }

    @Test
    void summary_of_an_unknown_pet_is_mapped_to_404_by_the_error_pattern() throws Exception {
        HttpResponse<String> response = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/pets/999/summary")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\": \"Pet 999 not found\"}");
    }

    @Test
    void status_is_an_http_integration_with_mapped_parameters() throws Exception {
        HttpResponse<String> response = gateway.httpClient()
                .send(HttpRequest.newBuilder(gateway.uri("/status")).build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatJson(response.body()).isEqualTo(
                "{\"upstream\":{\"saw\":\"GET /health?stage=dev\",\"requestedBy\":\"apigw-petstore\"},\"stage\":\"dev\"}");
        assertThat(response.headers().firstValue("X-Upstream-Type")).hasValue("application/json");
    }

    @AfterAll
    static void stopLegacy() {
        LEGACY.stop(0);
    }

    private static HttpServer legacyService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = ("{\"saw\":\"" + exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + "\",\"requestedBy\":\"" + exchange.getRequestHeaders().getFirst("X-Requested-By") + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the legacy stand-in", e);
        }
    }
}
