package dev.apigw.emulator.auth;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.integration.FunctionNames;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.PayloadFormatVersion;
import dev.apigw.model.SecurityRequirement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HTTP API Lambda authorizers ({@code type: request}, payload 1.0 or 2.0): read the identity sources, call the
 * function (or reuse its cached answer) with the event of the authorizer's payload format, and read a simple
 * response or an IAM policy evaluated against the route ARN. HTTP APIs refuse with bare messages and no
 * {@code x-amzn-ErrorType}: 401 Unauthorized, 403 Forbidden, 500 Internal Server Error.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
public final class HttpLambdaAuthorizers implements RouteAuthorizer {
    /** How long API Gateway waits for an HTTP API Lambda authorizer [D limits]; longer is a 500. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Compiled> bySchemeName;
    private final Functions functions;
    private final String accountId;
    private final String apiId;
    private final AuthorizerCache<Answer> cache;

    private record Compiled(Authorizer authorizer, String functionName, List<AuthorizerIdentitySource> sources,
            PayloadFormatVersion payloadFormat) {}

    /** What a function answered, as its authorizer's settings read it. */
    private sealed interface Answer {}

    private record Simple(HttpSimpleResponse response) implements Answer {}

    private record Policy(AuthorizerOutput output) implements Answer {}

    private HttpLambdaAuthorizers(Map<String, Compiled> bySchemeName, Functions functions, String accountId,
            String apiId, Clock clock) {
        this.bySchemeName = Map.copyOf(bySchemeName);
        this.functions = functions;
        this.accountId = accountId;
        this.apiId = apiId;
        this.cache = new AuthorizerCache<>(clock);
    }

    /** Compiles the API's Lambda ({@code request}) authorizers; what cannot work is added to {@code problems}. */
    public static HttpLambdaAuthorizers compile(HttpApi api, Map<String, String> stageVariables, Functions functions,
            String accountId, String apiId, List<String> problems, Clock clock) {
        Map<String, Compiled> compiled = new LinkedHashMap<>();
        for (Authorizer authorizer : api.authorizers().values()) {
            if (authorizer.type() != AuthorizerType.REQUEST) {
                continue;
            }
            String where = "authorizer " + authorizer.name() + " (x-amazon-apigateway-authorizer)";
            if (authorizer.function() == null) {
                problems.add(where + " has no function: add an authorizerUri naming the Lambda function.");
                continue;
            }
            List<AuthorizerIdentitySource> sources = new ArrayList<>();
            for (String written : authorizer.identitySource()) {
                AuthorizerIdentitySource source = AuthorizerIdentitySource.httpApi(written);
                if (source == null) {
                    problems.add(where + ": identity source '" + written + "' is not one HTTP APIs read. Use"
                            + " $request.header.NAME, $request.querystring.NAME, $context.NAME or"
                            + " $stageVariables.NAME.");
                } else {
                    sources.add(source);
                }
            }
            // AWS requires the format; the importer already warned and assumed 2.0 when it was missing.
            PayloadFormatVersion payloadFormat = authorizer.payloadFormatVersion() == null
                    ? PayloadFormatVersion.V2_0 : authorizer.payloadFormatVersion();
            if (authorizer.enableSimpleResponses() && payloadFormat != PayloadFormatVersion.V2_0) {
                problems.add(where + ": enableSimpleResponses needs authorizerPayloadFormatVersion \"2.0\", but it"
                        + " is \"1.0\". Set the format to \"2.0\" or return an IAM policy instead.");
            }
            String functionName = FunctionNames.of(authorizer.function(), stageVariables);
            compiled.put(authorizer.name(),
                    new Compiled(authorizer, functionName, List.copyOf(sources), payloadFormat));
        }
        return new HttpLambdaAuthorizers(compiled, functions, accountId, apiId, clock);
    }

    @Override
    public void clearCache() {
        cache.clear();
    }

    @Override
    public @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context,
            IntegrationTrace trace) {
        SecurityRequirement requirement = route.httpRoute() == null ? null
                : RouteSecurity.of(route).firstOf(bySchemeName);
        if (requirement == null) {
            return null;
        }
        Compiled compiled = bySchemeName.get(requirement.scheme());
        Authorizer authorizer = compiled.authorizer();
        // Reported before any refusal (a missing identity source, say), so the journal names the authorizer.
        trace.authorizerTook(AuthorizerInvocation.LAMBDA, authorizer.name());
        Exchange exchange = new Exchange(request, route, context, List.of());
        AuthorizerIdentity identity = AuthorizerIdentity.read(compiled.sources(), exchange);
        if (!identity.complete()) {
            return AuthorizationResult.Denied.httpUnauthorized(Map.of(), identity.missingDetail());
        }
        String routeArn = MethodArns.of(accountId, apiId, route, request);
        // Caching needs an identity source to key it [D]; without one every request calls the function.
        boolean caching = authorizer.resultTtlInSeconds() > 0 && !identity.values().isEmpty();
        Answer answer = caching ? cache.get(authorizer.name(), identity.values()) : null;
        if (answer != null) {
            trace.authorizerResponse(null, true);
        } else {
            byte[] event = compiled.payloadFormat() == PayloadFormatVersion.V1_0
                    ? AuthorizerEvents.httpV1(routeArn, identity.values(), exchange)
                    : AuthorizerEvents.httpV2(routeArn, identity.values(), exchange);
            AuthorizerInvocation.Outcome outcome =
                    AuthorizerInvocation.invoke(functions, compiled.functionName(), event, TIMEOUT, trace);
            if (outcome instanceof AuthorizerInvocation.Unauthorized unauthorized) {
                return AuthorizationResult.Denied.httpUnauthorized(Map.of(), unauthorized.detail());
            }
            if (outcome instanceof AuthorizerInvocation.Failure failure) {
                return AuthorizationResult.Denied.httpConfigurationError(failure.detail());
            }
            try {
                answer = read(compiled, ((AuthorizerInvocation.Answer) outcome).payload());
            } catch (AuthorizerOutput.Malformed e) {
                return AuthorizationResult.Denied.httpConfigurationError(
                        "authorizer function " + compiled.functionName() + ": " + e.getMessage());
            }
            // Refusals are cached as well: the cache holds the function's answer, whatever it says.
            if (caching) {
                cache.put(authorizer.name(), identity.values(), answer, authorizer.resultTtlInSeconds());
            }
        }
        return decide(answer, routeArn);
    }

    private static Answer read(Compiled compiled, byte[] payload) throws AuthorizerOutput.Malformed {
        if (compiled.authorizer().enableSimpleResponses()) {
            return new Simple(HttpSimpleResponse.parse(payload));
        }
        AuthorizerOutput.ContextValues contextValues = compiled.payloadFormat() == PayloadFormatVersion.V2_0
                ? AuthorizerOutput.ContextValues.ANY : AuthorizerOutput.ContextValues.SCALARS;
        return new Policy(AuthorizerOutput.parse(payload, contextValues));
    }

    /**
     * A simple response decides for every route alike [D]; a policy is evaluated against this request's route ARN,
     * and an explicit or implicit deny are the same 403 on HTTP APIs.
     */
    private static AuthorizationResult decide(Answer answer, String routeArn) {
        if (answer instanceof Simple simple) {
            return simple.response().authorized()
                    ? new AuthorizationResult.Allowed(new Principal.Lambda(null, simple.response().context()), null)
                    : AuthorizationResult.Denied.httpForbidden(Map.of(), "authorizer answered isAuthorized false");
        }
        AuthorizerOutput output = ((Policy) answer).output();
        return switch (output.verdict(routeArn)) {
            case ALLOW -> new AuthorizationResult.Allowed(new Principal.Lambda(output.principalId(), output.context()),
                    null);
            case EXPLICIT_DENY -> AuthorizationResult.Denied.httpForbidden(Map.of(), "policy denies " + routeArn);
            case IMPLICIT_DENY -> AuthorizationResult.Denied.httpForbidden(Map.of(),
                    "no policy statement allows " + routeArn);
        };
    }
}
