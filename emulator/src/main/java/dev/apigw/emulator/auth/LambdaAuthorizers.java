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
import dev.apigw.model.RestApi;
import dev.apigw.model.SecurityRequirement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * REST API Lambda authorizers (TOKEN and REQUEST): read the identity sources, call the function (or reuse its
 * cached output), and evaluate the returned IAM policy against the request's method ARN.
 */
public final class LambdaAuthorizers implements RouteAuthorizer {
    private final Map<String, Compiled> bySchemeName;
    private final Functions functions;
    private final String accountId;
    private final String apiId;
    private final AuthorizerCache<AuthorizerOutput> cache;

    private record Compiled(Authorizer authorizer, String functionName, List<AuthorizerIdentitySource> sources,
            @Nullable Pattern validation) {}

    private LambdaAuthorizers(Map<String, Compiled> bySchemeName, Functions functions, String accountId, String apiId,
            Clock clock) {
        this.bySchemeName = Map.copyOf(bySchemeName);
        this.functions = functions;
        this.accountId = accountId;
        this.apiId = apiId;
        this.cache = new AuthorizerCache<>(clock);
    }

    /** Compiles the API's TOKEN and REQUEST authorizers; what cannot work is added to {@code problems}. */
    public static LambdaAuthorizers compile(RestApi api, Map<String, String> stageVariables, Functions functions,
            String accountId, String apiId, List<String> problems, Clock clock) {
        Map<String, Compiled> compiled = new LinkedHashMap<>();
        for (Authorizer authorizer : api.authorizers().values()) {
            if (authorizer.type() != AuthorizerType.TOKEN && authorizer.type() != AuthorizerType.REQUEST) {
                continue;
            }
            if (authorizer.function() == null) {
                problems.add("authorizer " + authorizer.name() + " has no function; requests to its methods get 500");
                continue;
            }
            List<AuthorizerIdentitySource> sources = new ArrayList<>();
            for (String written : authorizer.identitySource()) {
                AuthorizerIdentitySource source = AuthorizerIdentitySource.rest(written);
                if (source == null || authorizer.type() == AuthorizerType.TOKEN
                        && source.location() != AuthorizerIdentitySource.Location.HEADER) {
                    problems.add("authorizer " + authorizer.name() + ": identity source '" + written + "' is not "
                            + (authorizer.type() == AuthorizerType.TOKEN ? "method.request.header.NAME"
                                    : "method.request.header|querystring.NAME, stageVariables.NAME or context.NAME"));
                } else {
                    sources.add(source);
                }
            }
            Pattern validation = null;
            String expression = authorizer.identityValidationExpression();
            // AWS applies identityValidationExpression to TOKEN authorizers only.
            if (expression != null && !expression.isEmpty() && authorizer.type() == AuthorizerType.TOKEN) {
                try {
                    validation = Pattern.compile(expression);
                } catch (PatternSyntaxException e) {
                    problems.add("authorizer " + authorizer.name() + ": identityValidationExpression is not a valid"
                            + " regular expression: " + e.getDescription());
                }
            }
            String functionName = FunctionNames.of(authorizer.function(), stageVariables);
            compiled.put(authorizer.name(), new Compiled(authorizer, functionName, List.copyOf(sources), validation));
        }
        return new LambdaAuthorizers(compiled, functions, accountId, apiId, clock);
    }

    @Override
    public void clearCache() {
        cache.clear();
    }

    @Override
    public @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context,
            IntegrationTrace trace) {
        SecurityRequirement requirement = route.method() == null ? null
                : RouteSecurity.of(route).firstOf(bySchemeName);
        if (requirement == null) {
            return null;
        }
        Compiled compiled = bySchemeName.get(requirement.scheme());
        Authorizer authorizer = compiled.authorizer();
        // Reported before any refusal (a missing identity source, say), so the journal names the authorizer.
        trace.authorizerTook(AuthorizerInvocation.LAMBDA, authorizer.name());
        AuthorizerIdentity identity = AuthorizerIdentity.read(compiled.sources(),
                new Exchange(request, route, context, List.of()));
        if (!identity.complete()) {
            return AuthorizationResult.Denied.unauthorized(identity.missingDetail());
        }
        boolean token = authorizer.type() == AuthorizerType.TOKEN;
        if (token && identity.values().isEmpty()) {
            return AuthorizationResult.Denied.unauthorized("TOKEN authorizer " + authorizer.name()
                    + " has no identity source");
        }
        if (token && compiled.validation() != null
                && !compiled.validation().matcher(identity.values().get(0)).matches()) {
            return AuthorizationResult.Denied.unauthorized("token does not match identityValidationExpression");
        }
        String methodArn = MethodArns.of(accountId, apiId, route, request);
        // Without identity sources (REQUEST authorizers may have none when caching is off) nothing can key a cache.
        boolean caching = authorizer.resultTtlInSeconds() > 0 && !identity.values().isEmpty();
        AuthorizerOutput output = caching ? cache.get(authorizer.name(), identity.values()) : null;
        if (output != null) {
            trace.authorizerResponse(null, true);
        } else {
            byte[] event = token ? AuthorizerEvents.token(methodArn, identity.values().get(0))
                    : AuthorizerEvents.request(methodArn, request, route, context);
            AuthorizerInvocation.Outcome outcome =
                    AuthorizerInvocation.invoke(functions, compiled.functionName(), event, null, trace);
            if (outcome instanceof AuthorizerInvocation.Unauthorized unauthorized) {
                return AuthorizationResult.Denied.unauthorized(unauthorized.detail());
            }
            if (outcome instanceof AuthorizerInvocation.Failure failure) {
                return AuthorizationResult.Denied.configurationError(failure.detail());
            }
            try {
                output = AuthorizerOutput.parse(((AuthorizerInvocation.Answer) outcome).payload());
            } catch (AuthorizerOutput.Malformed e) {
                return AuthorizationResult.Denied.configurationError(
                        "authorizer function " + compiled.functionName() + ": " + e.getMessage());
            }
            if (caching) {
                cache.put(authorizer.name(), identity.values(), output, authorizer.resultTtlInSeconds());
            }
        }
        AuthorizationResult.@Nullable Denied denied = output.evaluate(methodArn);
        if (denied != null) {
            return denied;
        }
        return new AuthorizationResult.Allowed(new Principal.Lambda(output.principalId(), output.context()),
                output.usageIdentifierKey());
    }
}
