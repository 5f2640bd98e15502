package dev.apigw.importer.extensions;

import static dev.apigw.model.WebSocketRoute.CONNECT;
import static dev.apigw.model.WebSocketRoute.DEFAULT;
import static dev.apigw.model.WebSocketRoute.DISCONNECT;

import dev.apigw.importer.Problems;
import dev.apigw.model.Integration;
import dev.apigw.model.WebSocketRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-apigw-websocket.routes}: route key → {@code integration} (as {@code x-amazon-apigateway-integration}),
 * {@code authorizer} (a security scheme, {@code $connect} only) and {@code routeResponseSelectionExpression}
 * ({@code $default} only), in document order.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-routes.html">
 *     WebSocket API routes</a>
 */
final class WebSocketRoutes {

    private static final Set<String> PREDEFINED = Set.of(CONNECT, DISCONNECT, DEFAULT);
    private static final List<String> FIELDS = List.of("integration", "authorizer", "routeResponseSelectionExpression");

    private final IntegrationExtension integrations;
    private final Set<String> schemes;
    private final Set<String> withAuthorizer;
    private final String schemesLocation;
    private final Problems problems;

    WebSocketRoutes(IntegrationExtension integrations, Set<String> schemes, Set<String> withAuthorizer,
            String schemesLocation, Problems problems) {
        this.integrations = integrations;
        this.schemes = schemes;
        this.withAuthorizer = withAuthorizer;
        this.schemesLocation = schemesLocation;
        this.problems = problems;
    }

    List<WebSocketRoute> read(SpecNode node) {
        List<WebSocketRoute> routes = new ArrayList<>();
        if (!node.isPresent() || node.isObject() && node.json().isEmpty()) {
            problems.error(node.location(), (node.isPresent() ? "no routes" : "missing routes") + ": a WebSocket API"
                    + " needs at least one. Add routes: {$default: {integration: {...}}} (and $connect,"
                    + " $disconnect or custom route keys such as sendMessage).");
            return routes;
        }
        for (Map.Entry<String, SpecNode> entry : node.fields(problems).entrySet()) {
            WebSocketRoute route = route(entry.getKey(), entry.getValue());
            if (route != null) {
                routes.add(route);
            }
        }
        return routes;
    }

    private @Nullable WebSocketRoute route(String key, SpecNode node) {
        if (key.isBlank() || key.startsWith("$") && !PREDEFINED.contains(key)) {
            problems.error(node.location(), "invalid route key `" + key + "`: custom route keys must not be empty"
                    + " or start with `$`, which is reserved for $connect, $disconnect and $default. Rename the"
                    + " route" + (key.length() > 1 ? " (e.g. `" + key.substring(1) + "`)" : "") + ", or use one"
                    + " of those.");
            return null;
        }
        if (!node.isObject()) {
            problems.error(node.location(), "expected a route object (" + String.join(", ", FIELDS)
                    + ") but found `" + node.toJson() + "`.");
            return null;
        }
        node.fields(problems).forEach((field, value) -> {
            if (!FIELDS.contains(field)) {
                problems.warning(value.location(), "unknown field `" + field + "` in route `" + key + "`: apigw"
                        + " ignores it. Expected " + String.join(", ", FIELDS) + ".");
            }
        });
        return new WebSocketRoute(key, integration(key, node.get("integration")),
                authorizer(key, node.get("authorizer")),
                routeResponseSelectionExpression(node.get("routeResponseSelectionExpression")));
    }

    private @Nullable Integration integration(String key, SpecNode node) {
        if (node.isPresent()) {
            return integrations.read(node);
        }
        if (!key.equals(CONNECT) && !key.equals(DISCONNECT)) {
            problems.error(node.location(), "missing integration: route `" + key + "` has nothing to send messages"
                    + " to; only $connect and $disconnect may go without one. Add integration: {type: aws_proxy,"
                    + " uri: ...} (or mock, aws, http_proxy, http).");
        }
        return null;
    }

    private @Nullable String authorizer(String key, SpecNode node) {
        String name = node.text(problems);
        if (name == null) {
            return null;
        }
        if (!key.equals(CONNECT)) {
            problems.error(node.location(), "authorizer on route `" + key + "`: API Gateway authorizes WebSocket"
                    + " connections once, on $connect. Move authorizer: " + name + " to the $connect route.");
            return null;
        }
        if (!schemes.contains(name)) {
            problems.error(node.location(), "authorizer `" + name + "` is not declared under " + schemesLocation
                    + ". Declare a security scheme of that name with x-amazon-apigateway-authorizer (type: request),"
                    + " or fix the name.");
            return null;
        }
        if (!withAuthorizer.contains(name)) {
            problems.error(node.location(), "security scheme `" + name + "` has no x-amazon-apigateway-authorizer."
                    + " Add one of type request (a Lambda authorizer, e.g. identitySource:"
                    + " route.request.header.Authorization), the only kind WebSocket APIs have.");
            return null;
        }
        return name;
    }

    /** AWS supports route responses keyed {@code $default} only. */
    private @Nullable String routeResponseSelectionExpression(SpecNode node) {
        String expression = node.text(problems);
        if (expression != null && !expression.equals(DEFAULT)) {
            problems.error(node.location(), "unsupported routeResponseSelectionExpression `" + expression + "`:"
                    + " API Gateway supports only $default for WebSocket routes. Use"
                    + " routeResponseSelectionExpression: $default to send the integration's answer back, or"
                    + " remove it.");
            return null;
        }
        return expression;
    }
}
