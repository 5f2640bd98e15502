package dev.apigw.importer;

import static dev.apigw.importer.Specs.importSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.apigw.model.ApiType;
import dev.apigw.model.WebSocketApi;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each {@code specs/invalid/websocket-*.yaml} has exactly one error; the WebSocket warnings come one at a time. */
class WebSocketProblemsTest {

    private static final String ROUTES = "x-apigw-websocket.routes.";

    static Stream<Arguments> invalid_specs() {
        return Stream.of(
                arguments("missing-route-selection-expression", "x-apigw-websocket.routeSelectionExpression", 6,
                        "missing routeSelectionExpression: a WebSocket API selects the route of each message with"
                                + " it. Add routeSelectionExpression: $request.body.action (the message field that"
                                + " holds the route key)."),
                arguments("reserved-route-key", ROUTES + "$send", 13,
                        "invalid route key `$send`: custom route keys must not be empty or start with `$`, which is"
                                + " reserved for $connect, $disconnect and $default. Rename the route (e.g. `send`),"
                                + " or use one of those."),
                arguments("missing-routes", "x-apigw-websocket.routes", 6,
                        "missing routes: a WebSocket API needs at least one. Add routes: {$default: {integration:"
                                + " {...}}} (and $connect, $disconnect or custom route keys such as sendMessage)."),
                arguments("empty-routes", "x-apigw-websocket.routes", 8,
                        "no routes: a WebSocket API needs at least one. Add routes: {$default: {integration:"
                                + " {...}}} (and $connect, $disconnect or custom route keys such as sendMessage)."),
                arguments("route-without-integration", ROUTES + "sendMessage.integration", 10,
                        "missing integration: route `sendMessage` has nothing to send messages to; only $connect"
                                + " and $disconnect may go without one. Add integration: {type: aws_proxy, uri: ...}"
                                + " (or mock, aws, http_proxy, http)."),
                arguments("unsupported-route-response-selection", ROUTES + "$default.routeResponseSelectionExpression",
                        12, "unsupported routeResponseSelectionExpression `$request.body.action`: API Gateway"
                                + " supports only $default for WebSocket routes. Use routeResponseSelectionExpression:"
                                + " $default to send the integration's answer back, or remove it."),
                arguments("unknown-authorizer", ROUTES + "$connect.authorizer", 10,
                        "authorizer `Auth` is not declared under components.securitySchemes. Declare a security"
                                + " scheme of that name with x-amazon-apigateway-authorizer (type: request), or fix"
                                + " the name."),
                arguments("token-authorizer", "components.securitySchemes.auth.x-amazon-apigateway-authorizer.type",
                        19, "type `token` is not available on WebSocket APIs, which have request authorizers."),
                arguments("authorizer-not-on-connect", ROUTES + "sendMessage.authorizer", 14,
                        "authorizer on route `sendMessage`: API Gateway authorizes WebSocket connections once, on"
                                + " $connect. Move authorizer: auth to the $connect route."),
                arguments("malformed-lambda-uri", ROUTES + "sendMessage.integration.uri", 12,
                        "malformed Lambda integration uri `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                                + "functions/Chat`: expected arn:aws:apigateway:REGION:lambda:path/2015-03-31/"
                                + "functions/FUNCTION_ARN/invocations, where FUNCTION_ARN is arn:aws:lambda:REGION:"
                                + "ACCOUNT:function:NAME (in SAM templates: {\"Fn::Sub\": \"arn:aws:apigateway:"
                                + "${AWS::Region}:lambda:path/2015-03-31/functions/${MyFunction.Arn}/invocations\"})."),
                arguments("timeout-above-29-seconds", ROUTES + "$default.integration.timeoutInMillis", 12,
                        "timeoutInMillis 30000 is out of range. Expected 50 to 29000 (milliseconds)."),
                arguments("unsupported-api-key-selection", "x-apigw-websocket.apiKeySelectionExpression", 8,
                        "unsupported apiKeySelectionExpression `$request.header.Authorization`. Expected one of"
                                + " $request.header.x-api-key, $context.authorizer.usageIdentifierKey."),
                arguments("http-integration-without-http-method", ROUTES + "$default.integration.httpMethod", 10,
                        "missing httpMethod: an HTTP integration needs the method to call the backend with. Add"
                                + " httpMethod: GET (or POST, ANY, ...)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void invalid_specs(String name, String location, int line, String message) {
        ImportResult result = importSpec("invalid/websocket-" + name + ".yaml");

        assertThat(result.api()).isNull();
        assertThat(result.problems()).singleElement().isEqualTo(new Problem(location, line, Severity.ERROR, message));
    }

    static Stream<Arguments> warnings() {
        return Stream.of(
                arguments("websocket-unknown-route-field", null, ROUTES + "$default.apiKeyRequired", 12,
                        "unknown field `apiKeyRequired` in route `$default`: apigw ignores it. Expected integration,"
                                + " authorizer, routeResponseSelectionExpression."),
                arguments("websocket-paths-ignored", null, "paths", 5, "paths are ignored by WebSocket APIs, whose"
                        + " routes are under x-apigw-websocket.routes. Remove them, or import the document as a REST"
                        + " or HTTP API."),
                arguments("websocket-unknown-route-field", ApiType.HTTP, "x-apigw-websocket", 6,
                        "`x-apigw-websocket` describes a WebSocket API: this HTTP API ignores it. Import the"
                                + " document as a WebSocket API (api type websocket) to use it."),
                arguments("misspelt-apigw-extension", null, "x-amazon-apigateway-websocket", 5,
                        "unknown extension `x-amazon-apigateway-websocket`: API Gateway ignores it. Did you mean"
                                + " `x-apigw-websocket`?"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource
    void warnings(String name, ApiType apiType, String location, int line, String message) {
        ImportResult result = importSpec("warnings/" + name + ".yaml", apiType);

        assertThat(result.problems()).singleElement().isEqualTo(new Problem(location, line, Severity.WARNING, message));
        assertThat(result.api()).isNotNull();
    }

    @Test
    void explicit_websocket_without_the_extension_says_what_to_add() {
        String document = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n";

        ImportResult result = OpenApiImporter.importFrom(document, "no-extension", ApiType.WEBSOCKET);

        assertThat(result.api()).isNull();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.location()).isEqualTo("x-apigw-websocket");
            assertThat(problem.line()).isNull();
            assertThat(problem.message()).startsWith("a WebSocket API is described by apigw's root extension"
                    + " x-apigw-websocket, which this document lacks. Add it, e.g. x-apigw-websocket:"
                    + " {routeSelectionExpression: $request.body.action, routes: {$default: {integration:");
        });
    }

    @Test
    void a_rest_only_root_extension_is_ignored_by_websocket_apis_and_detection_still_picks_websocket() {
        String document = "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n"
                + "x-amazon-apigateway-binary-media-types: ['image/png']\n"
                + "x-amazon-apigateway-cors: {allowOrigins: ['*']}\n"
                + "x-apigw-websocket: {routeSelectionExpression: $request.body.action,"
                + " routes: {$default: {integration: {type: mock}}}}\n";

        ImportResult result = OpenApiImporter.importFrom(document, "binary", null);

        assertThat(result.api()).isInstanceOf(WebSocketApi.class);
        assertThat(result.problems()).containsExactly(
                new Problem("x-amazon-apigateway-binary-media-types", 4, Severity.WARNING, "`x-amazon-apigateway-"
                        + "binary-media-types` applies to REST APIs only: this WebSocket API ignores it."),
                new Problem("x-amazon-apigateway-cors", 5, Severity.WARNING, "`x-amazon-apigateway-cors` applies"
                        + " to HTTP APIs only: this WebSocket API ignores it."));
    }
}
