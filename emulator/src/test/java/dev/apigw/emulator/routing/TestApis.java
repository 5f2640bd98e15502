package dev.apigw.emulator.routing;

import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.Method;
import dev.apigw.model.PathTemplate;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import dev.apigw.model.Route;
import dev.apigw.model.RouteKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** APIs built in code from route-key-like lines, so routing tests need no spec files. */
final class TestApis {

    static final Integration MOCK = new Integration.Mock(IntegrationOptions.defaults(29000));

    private TestApis() {}

    /** A REST API from lines such as {@code "GET /pets/{id}"}; a path may repeat with other methods. */
    static RestApi restApi(String... methodAndPaths) {
        Map<String, Map<HttpMethod, Method>> byPath = new LinkedHashMap<>();
        for (String line : methodAndPaths) {
            RouteKey key = RouteKey.parse(line);
            byPath.computeIfAbsent(key.path().text(), path -> new EnumMap<>(HttpMethod.class))
                    .put(key.method(), Method.of(key.method(), MOCK));
        }
        List<Resource> resources = new ArrayList<>();
        byPath.forEach((path, methods) -> resources.add(new Resource(PathTemplate.parse(path), methods)));
        return RestApi.of("test", resources);
    }

    /** An HTTP API from route keys such as {@code "GET /pets/{id}"} and {@code "$default"}. */
    static HttpApi httpApi(String... routeKeys) {
        List<Route> routes = new ArrayList<>();
        for (String key : routeKeys) {
            routes.add(Route.of(RouteKey.parse(key), MOCK));
        }
        return HttpApi.of("test", routes);
    }
}
