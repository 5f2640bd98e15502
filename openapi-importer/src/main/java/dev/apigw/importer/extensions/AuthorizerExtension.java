package dev.apigw.importer.extensions;

import dev.apigw.importer.FunctionRefs;
import dev.apigw.importer.Problems;
import dev.apigw.model.ApiType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.FunctionRef;
import dev.apigw.model.JwtConfiguration;
import dev.apigw.model.PayloadFormatVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-authorizer} (with {@code x-amazon-apigateway-authtype}) on a security scheme: a Lambda
 * ({@code token}, {@code request}), Cognito ({@code cognito_user_pools}, REST) or JWT ({@code jwt}, HTTP) authorizer.
 * WebSocket APIs have {@code request} authorizers only.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html">
 *     x-amazon-apigateway-authorizer</a>
 */
public final class AuthorizerExtension {

    public static final String NAME = "x-amazon-apigateway-authorizer";
    public static final String AUTH_TYPE = "x-amazon-apigateway-authtype";

    private static final List<String> TYPES = List.of("token", "request", "cognito_user_pools", "jwt");
    private static final Set<AuthorizerType> REST_TYPES =
            Set.of(AuthorizerType.TOKEN, AuthorizerType.REQUEST, AuthorizerType.COGNITO_USER_POOLS);
    private static final Set<AuthorizerType> HTTP_TYPES = Set.of(AuthorizerType.REQUEST, AuthorizerType.JWT);
    private static final Set<AuthorizerType> WEBSOCKET_TYPES = Set.of(AuthorizerType.REQUEST);
    private static final int DEFAULT_TTL_SECONDS = 300; // REST only
    private static final int MAX_TTL_SECONDS = 3600;

    private final ApiType apiType;
    private final Problems problems;

    public AuthorizerExtension(ApiType apiType, Problems problems) {
        this.apiType = apiType;
        this.problems = problems;
    }

    /**
     * The authorizer of a security scheme, or null when the scheme has none (or an invalid one, reported).
     *
     * @param scheme the scheme's key in {@code securitySchemes} / {@code securityDefinitions}
     * @param headerName the scheme's {@code name} when it is {@code in: header}: the token header of
     *     {@code token} and Cognito authorizers
     * @param extensions the scheme's extensions, located at the scheme
     */
    public @Nullable Authorizer read(String scheme, @Nullable String headerName, SpecNode extensions) {
        SpecNode node = extensions.get(NAME);
        if (!node.isPresent()) {
            return null;
        }
        if (!node.isObject()) {
            problems.error(node.location(), "expected an object (type, authorizerUri, ...) but found `"
                    + node.toJson() + "`.");
            return null;
        }
        AuthorizerType type = type(node.get("type"));
        if (type == null) {
            return null;
        }
        return new Authorizer(
                scheme,
                type,
                function(node.get("authorizerUri"), type),
                awsText(node.get("authorizerCredentials")),
                identitySource(node.get("identitySource"), type, headerName),
                node.get("identityValidationExpression").text(problems),
                resultTtl(node.get("authorizerResultTtlInSeconds")),
                payloadFormatVersion(node.get("authorizerPayloadFormatVersion"), type),
                node.get("enableSimpleResponses").bool(problems, false),
                type == AuthorizerType.JWT ? jwtConfiguration(node.get("jwtConfiguration")) : null,
                providerArns(node.get("providerARNs"), type),
                extensions.get(AUTH_TYPE).text(problems));
    }

    private @Nullable AuthorizerType type(SpecNode node) {
        if (!node.isPresent()) {
            problems.error(node.location(), "missing type. Expected one of " + String.join(", ", TYPES) + ".");
            return null;
        }
        AuthorizerType type = node.oneOf(problems, AuthorizerType::fromSpec, TYPES);
        Set<AuthorizerType> supported = switch (apiType) {
            case REST -> REST_TYPES;
            case HTTP -> HTTP_TYPES;
            case WEBSOCKET -> WEBSOCKET_TYPES;
        };
        if (type != null && !supported.contains(type)) {
            String api = apiType == ApiType.WEBSOCKET ? "WebSocket" : apiType.name();
            problems.error(node.location(), "type `" + node.text(problems) + "` is not available on " + api
                    + " APIs, which have " + switch (apiType) {
                        case REST -> "token, request and cognito_user_pools";
                        case HTTP -> "request and jwt";
                        case WEBSOCKET -> "request";
                    } + " authorizers.");
            return null;
        }
        return type;
    }

    private @Nullable FunctionRef function(SpecNode uri, AuthorizerType type) {
        if (type != AuthorizerType.TOKEN && type != AuthorizerType.REQUEST) {
            return null;
        }
        if (!uri.isPresent()) {
            problems.error(uri.location(), "missing authorizerUri: a Lambda authorizer needs its function, as "
                    + FunctionRefs.EXPECTED_URI + ".");
            return null;
        }
        return FunctionRefs.resolve(uri.json(), uri.location(), problems);
    }

    /**
     * As written (a comma-separated string or a list). Token and Cognito authorizers read the scheme's header when
     * none is given; JWT authorizers read {@code Authorization}.
     */
    private List<String> identitySource(SpecNode node, AuthorizerType type, @Nullable String headerName) {
        List<String> sources = new ArrayList<>();
        for (String written : node.textList(problems)) {
            for (String source : written.split(",")) {
                if (!source.isBlank()) {
                    sources.add(source.trim());
                }
            }
        }
        if (sources.isEmpty() && headerName != null
                && (type == AuthorizerType.TOKEN || type == AuthorizerType.COGNITO_USER_POOLS)) {
            sources.add("method.request.header." + headerName);
        } else if (sources.isEmpty() && type == AuthorizerType.JWT) {
            sources.add("$request.header.Authorization");
        }
        return sources;
    }

    /**
     * REST authorizers cache for 300 s unless told otherwise [M apigateway Authorizer]; HTTP API Lambda authorizers
     * cache only when a TTL is given [D http-api-lambda-authorizer: "You can enable caching ... by specifying an
     * authorizerResultTtlInSeconds"], and WebSocket APIs do not cache at all.
     */
    private int resultTtl(SpecNode node) {
        Integer ttl = node.integer(problems);
        if (ttl == null) {
            return apiType == ApiType.REST ? DEFAULT_TTL_SECONDS : 0;
        }
        if (ttl < 0 || ttl > MAX_TTL_SECONDS) {
            problems.error(node.location(), "authorizerResultTtlInSeconds " + ttl + " is out of range. Expected 0"
                    + " (no caching) to " + MAX_TTL_SECONDS + ".");
            return DEFAULT_TTL_SECONDS;
        }
        return ttl;
    }

    /** Only HTTP API Lambda authorizers have a payload format, and AWS requires it there. */
    private @Nullable PayloadFormatVersion payloadFormatVersion(SpecNode node, AuthorizerType type) {
        if (apiType != ApiType.HTTP || type != AuthorizerType.REQUEST) {
            return null;
        }
        if (!node.isPresent()) {
            problems.warning(node.location(), "authorizerPayloadFormatVersion is required by AWS for HTTP API"
                    + " Lambda authorizers; assuming 2.0. Add authorizerPayloadFormatVersion: \"2.0\" (or \"1.0\").");
            return PayloadFormatVersion.V2_0;
        }
        PayloadFormatVersion version = node.oneOf(problems, PayloadFormatVersion::fromSpec, List.of("1.0", "2.0"));
        return version == null ? PayloadFormatVersion.V2_0 : version;
    }

    private @Nullable JwtConfiguration jwtConfiguration(SpecNode node) {
        String issuer = node.get("issuer").text(problems);
        if (issuer == null) {
            problems.error(node.isPresent() ? node.location() + ".issuer" : node.location(), "missing"
                    + " jwtConfiguration.issuer: a JWT authorizer needs the token issuer, e.g."
                    + " https://cognito-idp.us-east-1.amazonaws.com/POOL_ID, and the audience it accepts.");
            return null;
        }
        return new JwtConfiguration(issuer, node.get("audience").textList(problems));
    }

    private List<String> providerArns(SpecNode node, AuthorizerType type) {
        if (type != AuthorizerType.COGNITO_USER_POOLS) {
            return List.of();
        }
        List<String> arns = new ArrayList<>();
        node.textList(problems).forEach(arn -> arns.add(AwsVariables.resolve(arn)));
        if (arns.isEmpty()) {
            problems.error(node.location(), "missing providerARNs: a cognito_user_pools authorizer needs the ARNs"
                    + " of its user pools, e.g. arn:aws:cognito-idp:us-east-1:ACCOUNT:userpool/POOL_ID.");
        }
        return arns;
    }

    private @Nullable String awsText(SpecNode node) {
        String text = node.text(problems);
        return text == null ? null : AwsVariables.resolve(text);
    }
}
