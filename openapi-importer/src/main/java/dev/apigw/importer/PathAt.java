package dev.apigw.importer;

import dev.apigw.model.HttpMethod;
import dev.apigw.model.PathTemplate;
import dev.apigw.model.RouteKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code paths} with its parsed template and operations.
 *
 * @param template the parsed path; null for an HTTP API's {@code /$default}
 */
record PathAt(String path, @Nullable PathTemplate template, String location, List<OperationAt> operations) {

    static final String DEFAULT_ROUTE_PATH = "/" + RouteKey.DEFAULT;

    PathAt {
        operations = List.copyOf(operations);
    }

    boolean isDefaultRoute() {
        return template == null;
    }

    RouteKey routeKey(HttpMethod method) {
        return template == null ? RouteKey.defaultRoute() : RouteKey.of(method, template);
    }
}
