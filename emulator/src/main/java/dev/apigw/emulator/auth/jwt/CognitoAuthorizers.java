package dev.apigw.emulator.auth.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.auth.AuthorizationResult;
import dev.apigw.emulator.auth.JwksSource;
import dev.apigw.emulator.auth.RouteAuthorizer;
import dev.apigw.emulator.auth.RouteSecurity;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.RestApi;
import dev.apigw.model.SecurityRequirement;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * REST API Cognito user pool authorizers (AWS-REFERENCE 8.4): a token of one of the authorizer's user pools, signed
 * by the pool's key and not expired. A method without authorization scopes takes ID tokens; a method with scopes
 * takes access tokens carrying one of them [K re:Post, knowledge-center api-gateway-cognito-401-unauthorized]. Every
 * refusal is 401 {@code {"message":"Unauthorized"}}.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html
 */
public final class CognitoAuthorizers implements RouteAuthorizer {
    private static final Pattern USER_POOL_ARN =
            Pattern.compile("arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):[0-9]*:userpool/([A-Za-z0-9-]+_[A-Za-z0-9]+)");
    private static final Pattern HEADER_SOURCE = Pattern.compile("method\\.request\\.header\\.(.+)");

    private final Map<String, Compiled> bySchemeName;
    private final Clock clock;

    /**
     * @param pools the user pools' issuers and their keys
     * @param audience {@code identityValidationExpression}, matched against the token's {@code aud} [M]
     */
    private record Compiled(Authorizer authorizer, String header, Map<String, IssuerKeys> pools,
            @Nullable Pattern audience) {}

    private CognitoAuthorizers(Map<String, Compiled> bySchemeName, Clock clock) {
        this.bySchemeName = Map.copyOf(bySchemeName);
        this.clock = clock;
    }

    /** Compiles the API's Cognito authorizers; what cannot work is added to {@code problems}. */
    public static CognitoAuthorizers compile(RestApi api, Map<String, JwksSource> jwks, LocalIssuer issuer,
            Clock clock, List<String> problems) {
        return compile(api, KeySources.compile(jwks, issuer, problems), clock, problems);
    }

    /** As above, with key sources shared with other authorizers. */
    public static CognitoAuthorizers compile(RestApi api, KeySources keySources, Clock clock, List<String> problems) {
        Map<String, Compiled> compiled = new LinkedHashMap<>();
        for (Authorizer authorizer : api.authorizers().values()) {
            if (authorizer.type() != AuthorizerType.COGNITO_USER_POOLS) {
                continue;
            }
            String name = authorizer.name();
            List<String> sources = authorizer.identitySource();
            Matcher header = sources.size() == 1 ? HEADER_SOURCE.matcher(sources.get(0)) : null;
            if (header == null || !header.matches()) {
                problems.add("Cognito authorizer " + name + ": identitySource must be one method.request.header.NAME"
                        + " (or the security scheme's header name, e.g. name: Authorization, in: header), but is "
                        + sources + ".");
                continue;
            }
            Map<String, IssuerKeys> pools = new LinkedHashMap<>();
            for (String arn : authorizer.providerArns()) {
                String issuerUrl = issuer(arn);
                if (issuerUrl == null) {
                    problems.add("Cognito authorizer " + name + ": providerARNs entry '" + arn + "' is not a user"
                            + " pool ARN like arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123.");
                } else {
                    pools.put(issuerUrl, keySources.keysFor(name, issuerUrl, problems));
                }
            }
            compiled.put(name, new Compiled(authorizer, header.group(1), pools, audiencePattern(authorizer, problems)));
        }
        return new CognitoAuthorizers(compiled, clock);
    }

    /** The issuer of a user pool's tokens, {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}. */
    static @Nullable String issuer(String userPoolArn) {
        Matcher arn = USER_POOL_ARN.matcher(userPoolArn.trim());
        return arn.matches() ? "https://cognito-idp." + arn.group(1) + ".amazonaws.com/" + arn.group(2) : null;
    }

    private static @Nullable Pattern audiencePattern(Authorizer authorizer, List<String> problems) {
        String expression = authorizer.identityValidationExpression();
        if (expression == null || expression.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            problems.add("Cognito authorizer " + authorizer.name() + ": identityValidationExpression is not a valid"
                    + " regular expression: " + e.getDescription());
            return null;
        }
    }

    @Override
    public @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context,
            IntegrationTrace trace) {
        if (route.method() == null) {
            return null;
        }
        SecurityRequirement requirement = RouteSecurity.of(route).firstOf(bySchemeName);
        if (requirement == null) {
            return null;
        }
        Compiled compiled = bySchemeName.get(requirement.scheme());
        trace.authorizerTook("cognito", compiled.authorizer().name());
        TokenVerifier.Verification verification = check(compiled, requirement.scopes(), request);
        if (verification instanceof TokenVerifier.Rejected rejected) {
            return AuthorizationResult.Denied.unauthorized("Cognito authorizer " + compiled.authorizer().name()
                    + ": " + rejected.description());
        }
        Map<String, Object> payload = ((TokenVerifier.Verified) verification).payload();
        return new AuthorizationResult.Allowed(new Principal.Cognito(ClaimText.rest(payload)), null);
    }

    private TokenVerifier.Verification check(Compiled compiled, List<String> methodScopes, GatewayRequest request) {
        String token = token(compiled, request);
        if (token == null) {
            return new TokenVerifier.Rejected("no token in header " + compiled.header());
        }
        IssuerKeys pool;
        try {
            String issuer = TokenVerifier.parse(token).getJWTClaimsSet().getIssuer();
            pool = issuer == null ? null : compiled.pools().get(issuer);
            if (pool == null) {
                return new TokenVerifier.Rejected("the token's issuer " + issuer + " is none of the user pools "
                        + compiled.pools().keySet());
            }
        } catch (ParseException e) {
            return new TokenVerifier.Rejected("the token is not a JWT: " + e.getMessage());
        }
        TokenVerifier.Verification verification = TokenVerifier.verify(token, pool, clock);
        if (!(verification instanceof TokenVerifier.Verified verified)) {
            return verification;
        }
        String why = tokenUseProblem(verified.claims(), methodScopes);
        if (why == null) {
            why = audienceProblem(compiled, verified.claims());
        }
        return why == null ? verified : new TokenVerifier.Rejected(why);
    }

    /** ID tokens without method scopes, access tokens with one of them [K]. */
    private static @Nullable String tokenUseProblem(JWTClaimsSet claims, List<String> methodScopes) {
        Object use = claims.getClaim("token_use");
        if (methodScopes.isEmpty()) {
            return "id".equals(use) ? null : "the method has no authorization scopes, so it takes ID tokens"
                    + " (token_use id), not token_use " + use;
        }
        if (!"access".equals(use)) {
            return "the method has authorization scopes " + methodScopes + ", so it takes access tokens"
                    + " (token_use access), not token_use " + use;
        }
        List<String> scopes = TokenScopes.of(claims);
        return scopes.stream().anyMatch(methodScopes::contains) ? null
                : "the token's scopes " + scopes + " include none of the method's " + methodScopes;
    }

    /** {@code identityValidationExpression} against {@code aud} (access tokens have {@code client_id}) [M]. */
    private static @Nullable String audienceProblem(Compiled compiled, JWTClaimsSet claims) {
        if (compiled.audience() == null) {
            return null;
        }
        List<String> candidates = new ArrayList<>(claims.getAudience());
        if (candidates.isEmpty() && claims.getClaim("client_id") instanceof String clientId) {
            candidates.add(clientId);
        }
        return candidates.stream().anyMatch(aud -> compiled.audience().matcher(aud).matches()) ? null
                : "the token's audience " + candidates + " does not match identityValidationExpression "
                        + compiled.audience().pattern();
    }

    /**
     * The header's value. The raw token is what AWS documents; a {@code Bearer } prefix is accepted too, as AWS's
     * own workshop sends one [K AWS workshop, unconfirmed for all regions].
     */
    private static @Nullable String token(Compiled compiled, GatewayRequest request) {
        return TokenVerifier.bearerToken(request.headers().first(compiled.header()).orElse(null));
    }
}
