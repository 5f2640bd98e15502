package dev.apigw.emulator.websocket;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A WebSocket API's route selection expression, compiled once and evaluated against each message: variables are
 * {@code $request.body.<JSONPath>} or {@code ${request.body.<JSONPath>}}, anything else is literal text, and
 * {@code \$} is a literal dollar sign, so {@code \$default} always selects {@code $default}. A missing path evaluates
 * to {@code ""}, arrays and objects to their Java rendering ({@code [item1, item2]})
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-selection-expressions.html).
 *
 * <pre>{@code
 * RouteSelection selection = RouteSelection.compile("$request.body.action");
 * selection.select("{\"action\":\"join\"}", Set.of("join", "$default")); // Optional[join]
 * }</pre>
 */
public final class RouteSelection {
    static final String DEFAULT = "$default";

    private final String expression;
    private final List<RouteSelectionPart> parts;

    private RouteSelection(String expression, List<RouteSelectionPart> parts) {
        this.expression = expression;
        this.parts = parts;
    }

    /**
     * Compiles {@code expression}.
     *
     * @throws IllegalArgumentException for an empty expression, an unclosed <code>${</code>, a {@code $} with no
     *     variable after it, a variable other than {@code request.body…}, or an invalid JSONPath
     */
    public static RouteSelection compile(String expression) {
        return new RouteSelection(expression, RouteSelectionParser.parse(expression));
    }

    /**
     * The route key this message evaluates to, or empty when the message is not JSON (AWS sends non-JSON messages
     * to {@code $default} without evaluating the expression [D]).
     */
    public Optional<String> evaluate(String messageBody) {
        Optional<JsonNode> document = RouteSelectionJson.parse(messageBody);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder key = new StringBuilder();
        for (RouteSelectionPart part : parts) {
            key.append(part.evaluate(document.get()));
        }
        return Optional.of(key.toString());
    }

    /**
     * The route for this message among {@code routeKeys}: the one exactly equal to the evaluated key, else
     * {@code $default} when the API has it, else empty, for which AWS answers on the socket with its
     * {@code "Forbidden"} message and keeps the connection open [D][K].
     */
    public Optional<String> select(String messageBody, Set<String> routeKeys) {
        Optional<String> key = evaluate(messageBody);
        // A message can never reach the lifecycle routes, whatever its body says.
        if (key.isPresent() && routeKeys.contains(key.get()) && !isLifecycleRoute(key.get())) {
            return key;
        }
        return routeKeys.contains(DEFAULT) ? Optional.of(DEFAULT) : Optional.empty();
    }

    private static boolean isLifecycleRoute(String key) {
        return key.equals("$connect") || key.equals("$disconnect");
    }

    /** The expression as written. */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }
}
