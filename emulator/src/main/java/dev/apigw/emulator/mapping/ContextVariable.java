package dev.apigw.emulator.mapping;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.apigw.emulator.events.RequestContextV1;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import org.jspecify.annotations.Nullable;

/**
 * {@code $context} in REST mapping templates: the variables of the mapping template reference that apply to a
 * request (AWS-REFERENCE 6.1), as nested maps so that {@code $context.identity.sourceIp},
 * {@code $context['requestId']} and {@code #set($context.responseOverride.status = 400)} all work. One instance
 * serves the request template and then the response template of one request: what the first writes under
 * {@code requestOverride} / {@code responseOverride} (extra keys included) the second reads back (AWS-REFERENCE 5.2)
 * [S test_integration_mock_with_response_override_in_request_template]. Not thread-safe: one request, one thread.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
public final class ContextVariable {
    private static final String REQUEST_OVERRIDE = "requestOverride";
    private static final String RESPONSE_OVERRIDE = "responseOverride";

    /** In the order of the REST event's identity block [S], then the template-only keys. */
    private static final List<String> IDENTITY_KEYS = List.of("cognitoIdentityPoolId", "accountId",
            "cognitoIdentityId", "caller", "sourceIp", "principalOrgId", "accessKey", "cognitoAuthenticationType",
            "cognitoAuthenticationProvider", "userArn", "userAgent", "user", "apiKey", "apiKeyId", "clientCert");

    private final Map<String, Object> root;

    private ContextVariable(Map<String, Object> root) {
        this.root = root;
    }

    /**
     * A context with no variables yet, for what is not an HTTP request (WebSocket routes); fill it with
     * {@link #set}.
     */
    public static ContextVariable empty() {
        return new ContextVariable(new LinkedHashMap<>());
    }

    /**
     * The context of a request, with the caller the exchange carries: {@code $context.authorizer} as the API type
     * shows it (REST: principalId, context entries, Cognito {@code claims}; HTTP: the 1.0 block, e.g. JWT
     * {@code claims}), and the API key and IAM caller in {@code $context.identity}.
     */
    public static ContextVariable of(Exchange exchange) {
        Principal principal = exchange.caller().principal();
        return of(exchange, exchange.route().routeKey() != null ? principal.httpV1Authorizer()
                : principal.restAuthorizer());
    }

    private static ContextVariable of(Exchange exchange, Map<String, ?> authorizer) {
        RequestContext context = exchange.context();
        MatchedRoute route = exchange.route();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("accountId", context.accountId());
        root.put("apiId", context.apiId());
        root.put("authorizer", new LinkedHashMap<>(authorizer));
        root.put("deploymentId", context.deploymentId());
        root.put("domainName", context.domainName());
        root.put("domainPrefix", context.domainPrefix());
        root.put("extendedRequestId", context.extendedRequestId());
        root.put("httpMethod", exchange.request().method());
        root.put("identity", identity(context, exchange.caller()));
        // Newer docs list it: true when the stage's canary serves the request.
        root.put("isCanaryRequest", context.canaryRequest());
        root.put("path", RequestContextV1.stagePrefixedPath(exchange));
        root.put("protocol", context.protocol());
        root.put("requestId", context.requestId());
        root.put(REQUEST_OVERRIDE, overrides("header", "path", "querystring"));
        root.put(RESPONSE_OVERRIDE, overrides("header"));
        root.put("requestTime", RequestContextV1.requestTime(context.requestTime()));
        root.put("requestTimeEpoch", context.requestTime().toEpochMilli());
        root.put("resourceId", route.resourceId());
        root.put("resourcePath", route.resourcePath());
        if (route.routeKey() != null) {
            // HTTP APIs name the matched route in $context.routeKey [D http-api-logging-variables].
            root.put("routeKey", route.routeKey());
        }
        root.put("stage", route.stage());
        return new ContextVariable(root);
    }

    /**
     * Fills {@code $context.error} for a template rendered because of an error; {@code messageString} is the
     * message in double quotes, as documented.
     */
    public void setError(String message, String responseType, @Nullable String validationErrorString) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("messageString", "\"" + message + "\"");
        error.put("responseType", responseType);
        error.put("validationErrorString", validationErrorString);
        root.put("error", error);
    }

    /**
     * Sets one variable by its dotted name ({@code stage}, {@code identity.sourceIp}), creating the maps on the way;
     * for the CLI's {@code --context} and for later stages that learn more about the request.
     */
    public void set(String dottedName, @Nullable Object value) {
        String[] names = dottedName.split("\\.");
        Map<String, Object> map = root;
        for (int i = 0; i < names.length - 1; i++) {
            map = childMap(map, names[i]);
        }
        map.put(names[names.length - 1], value);
    }

    /**
     * A variable by its dotted name without {@code $context.} ({@code requestId}, {@code identity.sourceIp}), as
     * parameter mappings' {@code context.X} sources use it; empty when it is unset or null.
     */
    public Optional<String> lookup(String dottedName) {
        Object value = root;
        for (String name : dottedName.split("\\.", -1)) {
            if (!(value instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            value = map.get(name);
        }
        return value == null || value instanceof Map ? Optional.empty() : Optional.of(text(value));
    }

    /**
     * {@code $context.responseOverride.status} when it is an integer from 100 to 599; anything else is ignored
     * (AWS-REFERENCE 5.2) [L].
     */
    public Optional<Integer> responseStatusOverride() {
        Object status = section(RESPONSE_OVERRIDE).get("status");
        boolean integral = status instanceof Integer || status instanceof Long || status instanceof Short
                || status instanceof Byte || status instanceof BigInteger;
        if (!integral) {
            return Optional.empty();
        }
        long value = ((Number) status).longValue();
        return value >= 100 && value <= 599 ? Optional.of((int) value) : Optional.empty();
    }

    /** {@code $context.responseOverride.header.*}: header name → value. */
    public Map<String, String> responseHeaderOverrides() {
        return texts(section(RESPONSE_OVERRIDE), "header");
    }

    /** {@code $context.requestOverride.header.*}: header name → value. */
    public Map<String, String> requestHeaderOverrides() {
        return texts(section(REQUEST_OVERRIDE), "header");
    }

    /** {@code $context.requestOverride.querystring.*}: parameter name → value. */
    public Map<String, String> requestQuerystringOverrides() {
        return texts(section(REQUEST_OVERRIDE), "querystring");
    }

    /** {@code $context.requestOverride.path.*}: path parameter name → value. */
    public Map<String, String> requestPathOverrides() {
        return texts(section(REQUEST_OVERRIDE), "path");
    }

    /** The live map templates see as {@code $context}. */
    Map<String, Object> templateValue() {
        return root;
    }

    @Override
    public String toString() {
        return root.toString();
    }

    /** The REST identity block: everything null without authorizers, API keys or IAM, except IP and agent. */
    private static Map<String, Object> identity(RequestContext context, Caller caller) {
        Map<String, Object> identity = new LinkedHashMap<>();
        IDENTITY_KEYS.forEach(name -> identity.put(name, null));
        identity.put("sourceIp", context.sourceIp());
        identity.put("userAgent", context.userAgent());
        identity.put("apiKey", caller.apiKey());
        identity.put("apiKeyId", caller.apiKeyId());
        Principal.Iam iam = caller.iam();
        if (iam != null) {
            identity.put("accessKey", iam.accessKey());
            identity.put("accountId", iam.accountId());
            identity.put("caller", iam.userId());
            identity.put("user", iam.userId());
            identity.put("userArn", iam.userArn());
        }
        return identity;
    }

    private static Map<String, Object> overrides(String... sections) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (String section : sections) {
            overrides.put(section, new LinkedHashMap<String, Object>());
        }
        return overrides;
    }

    /** A section templates may have replaced ({@code #set($context.responseOverride = ...)}); empty if not a map. */
    private Map<?, ?> section(String name) {
        return root.get(name) instanceof Map<?, ?> map ? map : Map.of();
    }

    private static Map<String, String> texts(Map<?, ?> section, String name) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (section.get(name) instanceof Map<?, ?> values) {
            values.forEach((key, value) -> {
                if (key != null && value != null) {
                    texts.put(key.toString(), text(value));
                }
            });
        }
        return texts;
    }

    /** A list (a multi-value override) joins with commas, like multi-value header mappings [L; unconfirmed]. */
    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> childMap(Map<String, Object> parent, String name) {
        if (parent.get(name) instanceof Map<?, ?> child) {
            return (Map<String, Object>) child;
        }
        Map<String, Object> child = new LinkedHashMap<>();
        parent.put(name, child);
        return child;
    }
}
