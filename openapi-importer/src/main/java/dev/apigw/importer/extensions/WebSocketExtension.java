package dev.apigw.importer.extensions;

import dev.apigw.importer.FunctionRefs;
import dev.apigw.importer.Problems;
import dev.apigw.model.Authorizer;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-apigw-websocket}: apigw's own root extension describing a WebSocket API (AWS cannot import WebSocket
 * APIs from OpenAPI): {@code routeSelectionExpression}, the optional {@code apiKeySelectionExpression}, and the
 * {@code routes} by route key, each read by {@link WebSocketRoutes}.
 *
 * <pre>{@code
 * x-apigw-websocket:
 *   routeSelectionExpression: $request.body.action
 *   routes:
 *     $connect: {integration: {type: aws_proxy, uri: ...}, authorizer: MyAuthorizer}
 *     sendMessage: {integration: {type: aws_proxy, uri: ...}}
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html">
 *     WebSocket selection expressions</a>
 */
public final class WebSocketExtension {

    public static final String NAME = "x-apigw-websocket";

    private static final List<String> FIELDS =
            List.of("routeSelectionExpression", "apiKeySelectionExpression", "routes");
    private static final List<String> API_KEY_EXPRESSIONS =
            List.of("$request.header.x-api-key", "$context.authorizer.usageIdentifierKey");
    private static final String EXAMPLE = "x-apigw-websocket: {routeSelectionExpression: $request.body.action,"
            + " routes: {$default: {integration: {type: aws_proxy, uri: " + FunctionRefs.EXPECTED_URI + "}}}}";

    private final WebSocketRoutes routes;
    private final Map<String, Authorizer> authorizers;
    private final Problems problems;

    /**
     * @param authorizers the authorizers of the document's security schemes, by scheme name
     * @param schemes the names of all declared security schemes
     * @param withAuthorizer the schemes that carry {@code x-amazon-apigateway-authorizer} (valid or not)
     * @param schemesLocation where the schemes are declared, for messages
     */
    public WebSocketExtension(IntegrationExtension integrations, Map<String, Authorizer> authorizers,
            Set<String> schemes, Set<String> withAuthorizer, String schemesLocation, Problems problems) {
        this.routes = new WebSocketRoutes(integrations, schemes, withAuthorizer, schemesLocation, problems);
        this.authorizers = authorizers;
        this.problems = problems;
    }

    /** The WebSocket API, or null when the extension is missing or invalid (reported). */
    public @Nullable WebSocketApi read(SpecNode node, String title) {
        if (!node.isPresent()) {
            problems.error(node.location(), "a WebSocket API is described by apigw's root extension " + NAME
                    + ", which this document lacks. Add it, e.g. " + EXAMPLE + ".");
            return null;
        }
        if (!node.isObject()) {
            problems.error(node.location(), "expected an object (routeSelectionExpression, routes, ...) but found `"
                    + node.toJson() + "`.");
            return null;
        }
        node.fields(problems).forEach((field, value) -> {
            if (!FIELDS.contains(field)) {
                problems.warning(value.location(), "unknown field `" + field + "` in " + NAME + ": apigw ignores it."
                        + " Expected " + String.join(", ", FIELDS) + ".");
            }
        });
        String routeSelection = routeSelectionExpression(node.get("routeSelectionExpression"));
        String apiKeySelection = apiKeySelectionExpression(node.get("apiKeySelectionExpression"));
        List<WebSocketRoute> read = routes.read(node.get("routes"));
        return routeSelection == null
                ? null
                : new WebSocketApi(title, routeSelection, apiKeySelection, read, authorizers);
    }

    private @Nullable String routeSelectionExpression(SpecNode node) {
        String expression = node.text(problems);
        if (expression == null || expression.isBlank()) {
            if (expression != null || !node.isPresent()) {
                problems.error(node.location(), "missing routeSelectionExpression: a WebSocket API selects the route"
                        + " of each message with it. Add routeSelectionExpression: $request.body.action (the"
                        + " message field that holds the route key).");
            }
            return null;
        }
        return expression;
    }

    /** AWS accepts two values only. */
    private @Nullable String apiKeySelectionExpression(SpecNode node) {
        String expression = node.text(problems);
        if (expression != null && !API_KEY_EXPRESSIONS.contains(expression)) {
            problems.error(node.location(), "unsupported apiKeySelectionExpression `" + expression + "`. Expected"
                    + " one of " + String.join(", ", API_KEY_EXPRESSIONS) + ".");
            return null;
        }
        return expression;
    }
}
