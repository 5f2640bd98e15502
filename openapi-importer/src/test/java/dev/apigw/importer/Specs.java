package dev.apigw.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigw.model.ApiType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The specs under {@code src/test/resources/specs}, imported. */
final class Specs {

    private Specs() {}

    static Path path(String name) {
        URL resource = Specs.class.getResource("/specs/" + name);
        assertThat(resource).as("test spec %s", name).isNotNull();
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ImportResult importSpec(String name) {
        return OpenApiImporter.importFrom(path(name));
    }

    static ImportResult importSpec(String name, @Nullable ApiType apiType) {
        return OpenApiImporter.importFrom(path(name), apiType);
    }

    /** A spec that must import as a REST API without any problem. */
    static RestApi rest(String name) {
        ImportResult result = importSpec(name);
        assertThat(result.problems()).as("problems of %s", name).isEmpty();
        assertThat(result.api()).isInstanceOf(RestApi.class);
        return (RestApi) result.orThrow();
    }

    /** A spec that must import as an HTTP API without any problem. */
    static HttpApi http(String name) {
        ImportResult result = importSpec(name);
        assertThat(result.problems()).as("problems of %s", name).isEmpty();
        assertThat(result.api()).isInstanceOf(HttpApi.class);
        return (HttpApi) result.orThrow();
    }

    static Method method(RestApi api, String path, HttpMethod httpMethod) {
        return api.resource(path).flatMap(resource -> resource.method(httpMethod)).orElseThrow(
                () -> new AssertionError("no " + httpMethod + " " + path + " in " + api.resources()));
    }

    static Route route(HttpApi api, String routeKey) {
        RouteKey key = RouteKey.parse(routeKey);
        return api.routes().stream().filter(route -> route.key().equals(key)).findFirst().orElseThrow(
                () -> new AssertionError("no route " + routeKey + " in " + api.routes()));
    }
}
