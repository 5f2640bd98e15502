package dev.apigw.emulator.auth;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.events.QueryString;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.integration.FunctionNames;
import dev.apigw.emulator.integration.Functions;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.lambda.DeadlineExceededException;
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.RestApi;
import dev.apigw.model.SecurityRequirement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * REST API Lambda authorizers (TOKEN and REQUEST): read the identity sources, call the function (or reuse its
 * cached output), and evaluate the returned IAM policy against the request's method ARN.
 *
 * <p>The cache is a map with expiry times (Caffeine is not a dependency of this module); entries are dropped when
 * read after they expire, and the map is emptied by {@link #clearCache()}.
 */
public final class LambdaAuthorizers implements RouteAuthorizer {
    private static final Pattern SOURCE =
            Pattern.compile("(method\\.request\\.header|method\\.request\\.querystring|stageVariables|context)\\.(.+)");

    private final Map<String, Compiled> bySchemeName;
    private final Map<String, String> stageVariables;
    private final Functions functions;
    private final String accountId;
    private final String apiId;
    private final Clock clock;
    private final Map<CacheKey, Cached> cache = new ConcurrentHashMap<>();

    private record Compiled(Authorizer authorizer, String functionName, @Nullable Pattern validation) {}

    private record CacheKey(String authorizer, List<String> identity) {}

    private record Cached(AuthorizerOutput output, long expiresAtMillis) {}

    private LambdaAuthorizers(Map<String, Compiled> bySchemeName, Map<String, String> stageVariables,
            Functions functions, String accountId, String apiId, Clock clock) {
        this.bySchemeName = Map.copyOf(bySchemeName);
        this.stageVariables = Map.copyOf(stageVariables);
        this.functions = functions;
        this.accountId = accountId;
        this.apiId = apiId;
        this.clock = clock;
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
            for (String source : authorizer.identitySource()) {
                if (!SOURCE.matcher(source).matches()
                        || authorizer.type() == AuthorizerType.TOKEN && !source.startsWith("method.request.header.")) {
                    problems.add("authorizer " + authorizer.name() + ": identity source '" + source + "' is not "
                            + (authorizer.type() == AuthorizerType.TOKEN ? "method.request.header.NAME"
                                    : "method.request.header|querystring.NAME, stageVariables.NAME or context.NAME"));
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
            compiled.put(authorizer.name(), new Compiled(authorizer, functionName, validation));
        }
        return new LambdaAuthorizers(compiled, stageVariables, functions, accountId, apiId, clock);
    }

    @Override
    public void clearCache() {
        cache.clear();
    }

    @Override
    public @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context) {
        SecurityRequirement requirement = route.method() == null ? null
                : RouteSecurity.of(route).firstOf(bySchemeName);
        if (requirement == null) {
            return null;
        }
        Compiled compiled = bySchemeName.get(requirement.scheme());
        Authorizer authorizer = compiled.authorizer();
        List<String> identity = new ArrayList<>();
        for (String source : authorizer.identitySource()) {
            String value = identityValue(source, request, route, context);
            if (value == null || value.isEmpty()) {
                return AuthorizationResult.Denied.unauthorized("identity source " + source + " is missing or empty");
            }
            identity.add(value);
        }
        boolean token = authorizer.type() == AuthorizerType.TOKEN;
        if (token && identity.isEmpty()) {
            return AuthorizationResult.Denied.unauthorized("TOKEN authorizer " + authorizer.name()
                    + " has no identity source");
        }
        if (token && compiled.validation() != null && !compiled.validation().matcher(identity.get(0)).matches()) {
            return AuthorizationResult.Denied.unauthorized("token does not match identityValidationExpression");
        }
        String methodArn = MethodArns.of(accountId, apiId, route, request);
        // Without identity sources (REQUEST authorizers may have none when caching is off) nothing can key a cache.
        boolean caching = authorizer.resultTtlInSeconds() > 0 && !identity.isEmpty();
        CacheKey key = new CacheKey(authorizer.name(), List.copyOf(identity));
        AuthorizerOutput output = caching ? cached(key) : null;
        if (output == null) {
            byte[] event = token ? AuthorizerEvents.token(methodArn, identity.get(0))
                    : AuthorizerEvents.request(methodArn, request, route, context);
            AuthorizerOutcome outcome = invoke(compiled, event);
            if (outcome.denied() != null) {
                return outcome.denied();
            }
            output = outcome.output();
            if (caching) {
                cache.put(key, new Cached(output, clock.millis() + authorizer.resultTtlInSeconds() * 1000L));
            }
        }
        AuthorizationResult.@Nullable Denied denied = output.evaluate(methodArn);
        if (denied != null) {
            return denied;
        }
        return new AuthorizationResult.Allowed(new Principal.Lambda(output.principalId(), new LinkedHashMap<>(output.context())),
                output.usageIdentifierKey());
    }

    private record AuthorizerOutcome(@Nullable AuthorizerOutput output, AuthorizationResult.@Nullable Denied denied) {}

    private @Nullable AuthorizerOutput cached(CacheKey key) {
        Cached entry = cache.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtMillis() <= clock.millis()) {
            cache.remove(key, entry);
            return null;
        }
        return entry.output();
    }

    private AuthorizerOutcome invoke(Compiled compiled, byte[] event) {
        String name = compiled.functionName();
        if (!functions.contains(name)) {
            return new AuthorizerOutcome(null, AuthorizationResult.Denied.configurationError(
                    "authorizer function " + name + " is not registered"));
        }
        InvocationResult result;
        try {
            result = functions.invoke(name, event, InvocationOptions.of(UUID.randomUUID().toString(), name));
        } catch (DeadlineExceededException e) {
            return new AuthorizerOutcome(null, AuthorizationResult.Denied.configurationError(
                    "authorizer function " + name + " timed out"));
        }
        if (result instanceof InvocationResult.FunctionError error) {
            // A function failing with exactly "Unauthorized" is how authorizers ask for a 401 [D].
            return new AuthorizerOutcome(null, "Unauthorized".equals(error.errorMessage())
                    ? AuthorizationResult.Denied.unauthorized("authorizer function answered Unauthorized")
                    : AuthorizationResult.Denied.configurationError("authorizer function " + name + " failed: "
                            + error.errorType() + ": " + error.errorMessage()));
        }
        try {
            return new AuthorizerOutcome(AuthorizerOutput.parse(result.payload()), null);
        } catch (AuthorizerOutput.Malformed e) {
            return new AuthorizerOutcome(null, AuthorizationResult.Denied.configurationError(
                    "authorizer function " + name + ": " + e.getMessage()));
        }
    }

    /** The value of one identity source; header names ignore case, query names do not. */
    private @Nullable String identityValue(
            String source, GatewayRequest request, MatchedRoute route, RequestContext context) {
        var matcher = SOURCE.matcher(source);
        if (!matcher.matches()) {
            return null;
        }
        String name = matcher.group(2);
        switch (matcher.group(1)) {
            case "method.request.header":
                return request.headers().first(name).orElse(null);
            case "method.request.querystring": {
                List<String> values = QueryString.parse(request.rawQuery()).get(name);
                return values == null ? null : values.get(values.size() - 1);
            }
            case "stageVariables":
                return stageVariables.get(name);
            default:
                return contextValue(name, request, route, context);
        }
    }

    private static @Nullable String contextValue(
            String name, GatewayRequest request, MatchedRoute route, RequestContext context) {
        switch (name) {
            case "accountId": return context.accountId();
            case "apiId": return context.apiId();
            case "domainName": return context.domainName();
            case "domainPrefix": return context.domainPrefix();
            case "extendedRequestId": return context.extendedRequestId();
            case "httpMethod": return request.method();
            case "identity.sourceIp": return context.sourceIp();
            case "identity.userAgent": return context.userAgent();
            case "path": return request.rawPath();
            case "protocol": return context.protocol();
            case "requestId": return context.requestId();
            case "resourceId": return route.resourceId();
            case "resourcePath": return route.resourcePath();
            case "stage": return route.stage();
            default: return null;
        }
    }
}
