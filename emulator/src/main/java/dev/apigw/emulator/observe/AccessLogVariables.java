package dev.apigw.emulator.observe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.apigw.emulator.events.RequestContextV1;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code $context} variables of access logs: which ones each API type accepts, and their values for one
 * answered request. The lists differ: REST APIs log {@code resourcePath}, API keys, WAF and override variables, HTTP
 * APIs log {@code routeKey} and {@code dataProcessed}
 * [D api-gateway-variables-for-access-logging, http-api-logging-variables].
 * A variable with no value here (nothing local stands for WAF, X-Ray, custom domains, Cognito identities, client
 * certificates) prints {@code -}, as AWS prints an unset one.
 */
final class AccessLogVariables {
    private static final Set<String> BOTH = Set.of("accountId", "apiId", "awsEndpointRequestId",
            "customDomain.basePathMatched", "domainName", "domainPrefix", "error.message", "error.messageString",
            "error.responseType", "extendedRequestId", "httpMethod", "identity.accountId", "identity.caller",
            "identity.cognitoAuthenticationProvider", "identity.cognitoAuthenticationType",
            "identity.cognitoIdentityId", "identity.cognitoIdentityPoolId", "identity.principalOrgId",
            "identity.clientCert.clientCertPem", "identity.clientCert.subjectDN", "identity.clientCert.issuerDN",
            "identity.clientCert.serialNumber", "identity.clientCert.validity.notBefore",
            "identity.clientCert.validity.notAfter", "identity.sourceIp", "identity.user", "identity.userAgent",
            "identity.userArn", "integration.error", "integration.integrationStatus", "integration.latency",
            "integration.requestId", "integration.status", "integrationErrorMessage", "integrationLatency",
            "integrationStatus", "path", "protocol", "requestId", "requestTime", "requestTimeEpoch",
            "responseLatency", "responseLength", "stage", "status");
    private static final Set<String> REST_ONLY = Set.of("authenticate.error", "authenticate.latency",
            "authenticate.status", "authorize.error", "authorize.latency", "authorize.status",
            "customDomain.routingRuleIdMatched", "deploymentId", "error.validationErrorString", "identity.apiKey",
            "identity.apiKeyId", "identity.vpcId", "identity.vpceId", "isCanaryRequest", "resourceId", "resourcePath",
            "responseOverride.status", "waf.error", "waf.latency", "waf.status", "wafResponseCode", "webaclArn",
            "xrayTraceId");
    private static final List<String> REST_ONLY_PREFIXES = List.of("requestOverride.header.",
            "requestOverride.path.", "requestOverride.querystring.", "responseOverride.header.");
    private static final Set<String> HTTP_ONLY = Set.of("awsEndpointRequestId2", "dataProcessed", "routeKey");

    /** Authorizer facts AWS measures around the authorizer call; not kept here, so never a context entry. */
    private static final Set<String> AUTHORIZER_OWN = Set.of("error", "integrationLatency", "integrationStatus",
            "latency", "requestId", "status");

    /** The gateway responses that mean the integration was called and failed, or took too long. */
    private static final Set<String> INTEGRATION_ERRORS = Stream.of(GatewayResponseType.INTEGRATION_FAILURE,
            GatewayResponseType.INTEGRATION_TIMEOUT).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private AccessLogVariables() {}

    /**
     * Accepts a variable name (without {@code $context.}) the API type logs.
     *
     * @throws IllegalArgumentException naming the variable, with a hint
     */
    static void check(String name, boolean httpApi) {
        // Any authorizer property may be logged: a Lambda authorizer's context entry or a JWT/Cognito claim.
        boolean authorizer = name.startsWith("authorizer.") && name.length() > "authorizer.".length()
                && !name.equals("authorizer.claims.");
        Predicate<String> restOnly = n -> REST_ONLY.contains(n)
                || REST_ONLY_PREFIXES.stream().anyMatch(n::startsWith);
        Predicate<String> ownType = httpApi ? HTTP_ONLY::contains : restOnly;
        Predicate<String> otherType = httpApi ? restOnly : HTTP_ONLY::contains;
        if (authorizer || BOTH.contains(name) || ownType.test(name)) {
            return;
        }
        String other = otherType.test(name) ? " (only " + (httpApi ? "REST" : "HTTP") + " APIs log it)" : "";
        throw new IllegalArgumentException("the access log format uses $context." + name + ", which API Gateway does"
                + " not log for " + (httpApi ? "HTTP APIs" : "REST APIs") + other + "; see the access logging"
                + " variables in the API Gateway developer guide, or use a preset: clf, json, xml or csv");
    }

    /** The value of a checked variable for one request; null prints {@code -}. */
    static @Nullable String value(String name, ObservedRequest observed) {
        RequestContext context = observed.context();
        MatchedRoute route = observed.route();
        if (name.startsWith("authorizer.")) {
            return authorizer(name.substring("authorizer.".length()), observed.caller().principal());
        }
        if (name.startsWith("identity.")) {
            return identity(name.substring("identity.".length()), context, observed.caller());
        }
        if (name.startsWith("error.") || name.startsWith("integration") || name.startsWith("response")
                || name.equals("status")) {
            return outcome(name, observed);
        }
        return switch (name) {
            case "accountId" -> context.accountId();
            case "apiId" -> context.apiId();
            case "deploymentId" -> context.deploymentId();
            case "domainName" -> context.domainName();
            case "domainPrefix" -> context.domainPrefix();
            case "extendedRequestId" -> context.extendedRequestId();
            case "httpMethod" -> observed.request().method();
            case "isCanaryRequest" -> Boolean.toString(context.canaryRequest());
            case "path" -> observed.request().rawPath();
            case "protocol" -> context.protocol();
            case "requestId" -> context.requestId();
            case "requestTime" -> RequestContextV1.requestTime(context.requestTime());
            case "requestTimeEpoch" -> Long.toString(context.requestTime().toEpochMilli());
            case "resourceId" -> route == null ? null : route.resourceId();
            case "resourcePath" -> route == null ? null : route.resourcePath();
            case "routeKey" -> route == null ? null : route.routeKey();
            case "stage" -> route == null ? null : route.stage();
            default -> null;
        };
    }

    /** What the gateway answered, and what the integration did. */
    private static @Nullable String outcome(String name, ObservedRequest observed) {
        String error = observed.errorType();
        return switch (name) {
            case "status" -> Integer.toString(observed.response().status());
            case "responseLength" -> Integer.toString(observed.response().body().length);
            case "responseLatency" -> Long.toString(observed.latency().toMillis());
            case "integrationLatency", "integration.latency" -> observed.integrationLatency() == null ? null
                    : Long.toString(observed.integrationLatency().toMillis());
            case "integrationStatus", "integration.integrationStatus" -> lambdaServiceStatus(observed);
            case "integration.status" -> integrationStatus(observed);
            case "error.message" -> observed.errorMessage();
            case "error.messageString" -> observed.errorMessage() == null ? null
                    : "\"" + observed.errorMessage() + "\"";
            case "error.responseType" -> error;
            case "error.validationErrorString" -> observed.validationErrorString();
            default -> null;
        };
    }

    /**
     * The Lambda service's own status for a Lambda integration it ran: 200, even when the function failed (the
     * failure is in the payload) [D "status code returned from AWS Lambda, not from the backend Lambda function"].
     * Unset when the invocation itself failed or timed out, or for other integration kinds (unconfirmed).
     */
    private static @Nullable String lambdaServiceStatus(ObservedRequest observed) {
        MatchedRoute route = observed.route();
        boolean lambda = route != null && (route.integration() instanceof Integration.LambdaProxy
                || route.integration() instanceof Integration.Lambda);
        return lambda && integrationAnswered(observed) ? "200" : null;
    }

    /**
     * The integration's status: for proxy integrations the status the function or backend answered, which the
     * gateway passes on [D "for Lambda proxy integrations, the status code that your Lambda function code returns"].
     * Unset for non-proxy integrations, whose status the integration response mapping hides (unconfirmed).
     */
    private static @Nullable String integrationStatus(ObservedRequest observed) {
        MatchedRoute route = observed.route();
        boolean proxy = route != null && (route.integration() instanceof Integration.LambdaProxy
                || route.integration() instanceof Integration.HttpProxy);
        return proxy && integrationAnswered(observed) && observed.errorType() == null
                ? Integer.toString(observed.response().status()) : null;
    }

    private static boolean integrationAnswered(ObservedRequest observed) {
        return observed.integrationLatency() != null
                && (observed.errorType() == null || !INTEGRATION_ERRORS.contains(observed.errorType()));
    }

    /** {@code $context.identity.*}: the client's address and agent, the API key, and a SigV4 caller. */
    private static @Nullable String identity(String name, RequestContext context, Caller caller) {
        Principal.Iam iam = caller.iam();
        return switch (name) {
            case "sourceIp" -> context.sourceIp();
            case "userAgent" -> context.userAgent();
            case "apiKey" -> caller.apiKey();
            case "apiKeyId" -> caller.apiKeyId();
            case "accountId" -> iam == null ? null : iam.accountId();
            case "caller", "user" -> iam == null ? null : iam.userId();
            case "userArn" -> iam == null ? null : iam.userArn();
            default -> null;
        };
    }

    /**
     * {@code $context.authorizer.*}: a Lambda authorizer's principalId and context entries (stringified, as AWS
     * logs them [D]), or a JWT / Cognito claim ({@code claims.X}).
     */
    private static @Nullable String authorizer(String property, Principal principal) {
        if (property.startsWith("claims.")) {
            String claim = property.substring("claims.".length());
            Map<String, String> claims = principal instanceof Principal.Jwt jwt ? jwt.claims()
                    : principal instanceof Principal.Cognito cognito ? cognito.claims() : Map.of();
            return claims.get(claim);
        }
        if (!(principal instanceof Principal.Lambda lambda) || AUTHORIZER_OWN.contains(property)) {
            return null;
        }
        if (property.equals("principalId")) {
            return lambda.principalId();
        }
        Object value = lambda.context().get(property);
        return value == null ? null : String.valueOf(value);
    }
}
