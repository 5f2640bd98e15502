package dev.apigw.emulator.auth;

import static java.util.Objects.requireNonNull;

import dev.apigw.emulator.events.QueryString;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.mapping.ContextVariable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One identity source of a Lambda authorizer: where the request carries a value the authorizer needs. REST APIs
 * write {@code method.request.header.X}, HTTP APIs {@code $request.header.X}, WebSocket APIs
 * {@code route.request.header.X}; all read headers ignoring case and query parameters by exact name, stage variables
 * and {@code $context} variables [D].
 *
 * @param written the source as the document spells it, for messages
 * @param joinsRepeats how a repeated header or query parameter gives one value: HTTP APIs join repeats with commas,
 *     as their 2.0 event does (unconfirmed for identity sources); REST APIs take the first header and the last query
 *     value, as their event's single-value maps do
 */
record AuthorizerIdentitySource(String written, Location location, String name, boolean joinsRepeats) {

    /** Where the value is read. */
    enum Location { HEADER, QUERY_STRING, STAGE_VARIABLE, CONTEXT }

    private static final Pattern REST = Pattern.compile(
            "(method\\.request\\.header|method\\.request\\.querystring|stageVariables|context)\\.(.+)");
    private static final Pattern HTTP_API = Pattern.compile(
            "\\$(request\\.header|request\\.querystring|stageVariables|context)\\.(.+)");
    /** [M apigatewayv2 IdentitySource; D CDK WebSocketLambdaAuthorizer: route.request.querystring|header.NAME]. */
    private static final Pattern WEBSOCKET = Pattern.compile(
            "(route\\.request\\.header|route\\.request\\.querystring|stageVariables|context)\\.(.+)");

    AuthorizerIdentitySource {
        requireNonNull(written, "written");
        requireNonNull(location, "location");
        requireNonNull(name, "name");
    }

    /** A REST source, or null when {@code written} is not one. */
    static @Nullable AuthorizerIdentitySource rest(String written) {
        return parse(written, REST.matcher(written), false);
    }

    /** An HTTP API source ({@code $request.header.X}, ...), or null when {@code written} is not one. */
    static @Nullable AuthorizerIdentitySource httpApi(String written) {
        return parse(written, HTTP_API.matcher(written), true);
    }

    /**
     * A WebSocket {@code $connect} source ({@code route.request.header.X}, ...), or null when {@code written} is not
     * one. Repeats are not joined: the value is the one the authorizer event's single-value maps show.
     */
    static @Nullable AuthorizerIdentitySource webSocket(String written) {
        return parse(written, WEBSOCKET.matcher(written), false);
    }

    private static @Nullable AuthorizerIdentitySource parse(String written, Matcher matcher, boolean joinsRepeats) {
        if (!matcher.matches()) {
            return null;
        }
        Location location = switch (matcher.group(1)) {
            case "method.request.header", "request.header", "route.request.header" -> Location.HEADER;
            case "method.request.querystring", "request.querystring", "route.request.querystring" ->
                    Location.QUERY_STRING;
            case "stageVariables" -> Location.STAGE_VARIABLE;
            default -> Location.CONTEXT;
        };
        return new AuthorizerIdentitySource(written, location, matcher.group(2), joinsRepeats);
    }

    /** The value in this request; null when the request does not carry it. */
    @Nullable String valueIn(Exchange exchange) {
        return switch (location) {
            case HEADER -> repeated(exchange.request().headers().values(name), true);
            case QUERY_STRING -> repeated(QueryString.parse(exchange.request().rawQuery()).get(name), false);
            case STAGE_VARIABLE -> stageVariable(exchange.context().stageVariables());
            // $context as the API's templates and mappings see it before any authorizer ran: one definition of it.
            case CONTEXT -> ContextVariable.of(exchange).lookup(name).orElse(null);
        };
    }

    private @Nullable String repeated(@Nullable List<String> values, boolean header) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (joinsRepeats) {
            return String.join(",", values);
        }
        return header ? values.get(0) : values.get(values.size() - 1);
    }

    private @Nullable String stageVariable(@Nullable Map<String, String> stageVariables) {
        return stageVariables == null ? null : stageVariables.get(name);
    }
}
