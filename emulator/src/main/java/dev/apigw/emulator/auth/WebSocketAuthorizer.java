package dev.apigw.emulator.auth;

import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.integration.FunctionNames;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.model.Authorizer;
import dev.apigw.model.WebSocketApi;
import dev.apigw.model.WebSocketRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Lambda REQUEST authorizer of a WebSocket API's {@code $connect} route: it runs once per connection, during the
 * handshake. The function gets the REST-style REQUEST event with {@code methodArn}
 * {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect} and the CONNECT requestContext, and answers
 * with the REST policy form; the policy is evaluated against that ARN. Refusals are the REST ones (401 missing
 * identity or "Unauthorized", 403 deny, 500 failure), seen by the client as the handshake's status. WebSocket APIs
 * never cache authorizer results [M apigatewayv2: the TTL is for HTTP API authorizers only].
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
 */
public final class WebSocketAuthorizer {
    private final Authorizer authorizer;
    private final String functionName;
    private final List<AuthorizerIdentitySource> sources;
    private final Functions functions;
    private final String accountId;
    private final String stage;

    /** What the authorizer reads from one handshake; the WebSocket side provides it. */
    public interface Handshake {
        /** The API id the connection was made to. */
        String apiId();

        /** A header of the upgrade request, name ignoring case, as the event's {@code headers} shows it. */
        @Nullable String header(String name);

        /** A query parameter of the upgrade URL, by exact name, as {@code queryStringParameters} shows it. */
        @Nullable String queryParameter(String name);

        @Nullable String stageVariable(String name);

        /** A {@code $context} variable of the {@code $connect} request by its dotted name ({@code connectionId}). */
        @Nullable String contextVariable(String dottedName);

        /** The authorizer's REQUEST event for this handshake. */
        byte[] event(String methodArn);
    }

    private WebSocketAuthorizer(Authorizer authorizer, String functionName, List<AuthorizerIdentitySource> sources,
            Functions functions, String accountId, String stage) {
        this.authorizer = authorizer;
        this.functionName = functionName;
        this.sources = List.copyOf(sources);
        this.functions = functions;
        this.accountId = accountId;
        this.stage = stage;
    }

    /**
     * The authorizer of the API's {@code $connect} route, or null when it has none (or none that can run: what cannot
     * work is added to {@code problems}).
     */
    public static @Nullable WebSocketAuthorizer compile(WebSocketApi api, String stage,
            Map<String, String> stageVariables, Functions functions, String accountId, List<String> problems) {
        String schemeName = api.route(WebSocketRoute.CONNECT).map(WebSocketRoute::authorizer).orElse(null);
        // The importer already reported a route naming a scheme without x-amazon-apigateway-authorizer.
        Authorizer authorizer = schemeName == null ? null : api.authorizers().get(schemeName);
        if (authorizer == null) {
            return null;
        }
        String where = "authorizer " + authorizer.name() + " (x-amazon-apigateway-authorizer)";
        if (authorizer.function() == null) {
            problems.add(where + " has no function: add an authorizerUri naming the Lambda function.");
            return null;
        }
        if (authorizer.resultTtlInSeconds() > 0) {
            problems.add(where + ": authorizerResultTtlInSeconds is " + authorizer.resultTtlInSeconds()
                    + ", but WebSocket APIs do not cache authorizer results (AWS refuses the setting there)."
                    + " Remove authorizerResultTtlInSeconds.");
        }
        List<AuthorizerIdentitySource> sources = new ArrayList<>();
        for (String written : authorizer.identitySource()) {
            AuthorizerIdentitySource source = AuthorizerIdentitySource.webSocket(written);
            if (source == null) {
                problems.add(where + ": identity source '" + written + "' is not one WebSocket APIs read. Use"
                        + " route.request.header.NAME, route.request.querystring.NAME, stageVariables.NAME or"
                        + " context.NAME.");
            } else {
                sources.add(source);
            }
        }
        return new WebSocketAuthorizer(authorizer, FunctionNames.of(authorizer.function(), stageVariables), sources,
                functions, accountId, stage);
    }

    /** The scheme name, for logs. */
    public String name() {
        return authorizer.name();
    }

    /**
     * Decides one handshake: {@link AuthorizationResult.Allowed} with a {@link Principal.Lambda}, or the refusal
     * whose {@code status} the handshake answers with. Never throws for what the function does.
     */
    public AuthorizationResult authorize(Handshake handshake) {
        AuthorizerIdentity identity = AuthorizerIdentity.read(sources, source -> valueIn(source, handshake));
        if (!identity.complete()) {
            // No function call without every identity source [D apigateway-websocket-api-lambda-auth, 8.2].
            return AuthorizationResult.Denied.unauthorized(identity.missingDetail());
        }
        String methodArn = methodArn(handshake.apiId());
        AuthorizerInvocation.Outcome outcome =
                AuthorizerInvocation.invoke(functions, functionName, handshake.event(methodArn), null);
        if (outcome instanceof AuthorizerInvocation.Unauthorized unauthorized) {
            return AuthorizationResult.Denied.unauthorized(unauthorized.detail());
        }
        if (outcome instanceof AuthorizerInvocation.Failure failure) {
            return AuthorizationResult.Denied.configurationError(failure.detail());
        }
        AuthorizerOutput output;
        try {
            output = AuthorizerOutput.parse(((AuthorizerInvocation.Answer) outcome).payload());
        } catch (AuthorizerOutput.Malformed e) {
            return AuthorizationResult.Denied.configurationError(
                    "authorizer function " + functionName + ": " + e.getMessage());
        }
        AuthorizationResult.@Nullable Denied denied = output.evaluate(methodArn);
        if (denied != null) {
            return denied;
        }
        return new AuthorizationResult.Allowed(new Principal.Lambda(output.principalId(), output.context()),
                output.usageIdentifierKey());
    }

    /** {@code $connect} has no HTTP method or path in its ARN [D apigateway-websocket-api-lambda-auth]. */
    String methodArn(String apiId) {
        return MethodArns.of(accountId, apiId, stage, WebSocketRoute.CONNECT);
    }

    private static @Nullable String valueIn(AuthorizerIdentitySource source, Handshake handshake) {
        return switch (source.location()) {
            case HEADER -> handshake.header(source.name());
            case QUERY_STRING -> handshake.queryParameter(source.name());
            case STAGE_VARIABLE -> handshake.stageVariable(source.name());
            case CONTEXT -> handshake.contextVariable(source.name());
        };
    }
}
