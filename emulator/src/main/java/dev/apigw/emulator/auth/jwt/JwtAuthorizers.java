package dev.apigw.emulator.auth.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.auth.AuthorizationResult;
import dev.apigw.emulator.auth.JwksSource;
import dev.apigw.emulator.auth.RouteAuthorizer;
import dev.apigw.emulator.auth.RouteSecurity;
import dev.apigw.emulator.events.QueryString;
import dev.apigw.emulator.exchange.IntegrationTrace;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.Authorizer;
import dev.apigw.model.AuthorizerType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.SecurityRequirement;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * HTTP API JWT authorizers (AWS-REFERENCE 8.6): the token from the identity source, an RSA signature by a key of the
 * issuer, {@code iss}, {@code aud} or {@code client_id}, the time claims, and the route's authorization scopes.
 * A refusal is 401 (403 for missing scopes) with a {@code www-authenticate} header saying why.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
public final class JwtAuthorizers implements RouteAuthorizer {
    private static final Pattern SOURCE = Pattern.compile("\\$request\\.(header|querystring)\\.(.+)");

    private final Map<String, Compiled> bySchemeName;
    private final Clock clock;

    /** @param header true for {@code $request.header.NAME}, false for {@code $request.querystring.NAME} */
    private record Compiled(Authorizer authorizer, String issuer, List<String> audience, boolean header,
            String sourceName, IssuerKeys keys) {}

    private JwtAuthorizers(Map<String, Compiled> bySchemeName, Clock clock) {
        this.bySchemeName = Map.copyOf(bySchemeName);
        this.clock = clock;
    }

    /** Compiles the API's JWT authorizers; what cannot work is added to {@code problems}. */
    public static JwtAuthorizers compile(HttpApi api, Map<String, JwksSource> jwks, LocalIssuer issuer, Clock clock,
            List<String> problems) {
        return compile(api, KeySources.compile(jwks, issuer, problems), clock, problems);
    }

    /** As above, with key sources shared with other authorizers. */
    public static JwtAuthorizers compile(HttpApi api, KeySources keySources, Clock clock, List<String> problems) {
        Map<String, Compiled> compiled = new LinkedHashMap<>();
        for (Authorizer authorizer : api.authorizers().values()) {
            if (authorizer.type() != AuthorizerType.JWT || authorizer.jwtConfiguration() == null) {
                continue; // a JWT authorizer without jwtConfiguration was already reported by the importer
            }
            List<String> sources = authorizer.identitySource();
            Matcher source = sources.size() == 1 ? SOURCE.matcher(sources.get(0)) : null;
            if (source == null || !source.matches()) {
                problems.add("JWT authorizer " + authorizer.name() + ": identitySource must be one"
                        + " $request.header.NAME or $request.querystring.NAME, e.g. $request.header.Authorization,"
                        + " but is " + sources + ".");
                continue;
            }
            String issuerUrl = authorizer.jwtConfiguration().issuer();
            compiled.put(authorizer.name(), new Compiled(authorizer, issuerUrl,
                    authorizer.jwtConfiguration().audience(), source.group(1).equals("header"), source.group(2),
                    keySources.keysFor(authorizer.name(), issuerUrl, problems)));
        }
        return new JwtAuthorizers(compiled, clock);
    }

    @Override
    public @Nullable AuthorizationResult authorize(MatchedRoute route, GatewayRequest request, RequestContext context,
            IntegrationTrace trace) {
        if (route.httpRoute() == null) {
            return null;
        }
        SecurityRequirement requirement = RouteSecurity.of(route).firstOf(bySchemeName);
        if (requirement == null) {
            return null;
        }
        Compiled compiled = bySchemeName.get(requirement.scheme());
        trace.authorizerTook("jwt", compiled.authorizer().name());
        List<String> routeScopes = requirement.scopes();
        String token = token(compiled, request);
        if (token == null) {
            // A real capture: no token gets a bare "Bearer" challenge [K].
            return AuthorizationResult.Denied.httpUnauthorized(Map.of("www-authenticate", "Bearer"),
                    "JWT authorizer " + compiled.authorizer().name() + ": no token in " + sourceText(compiled));
        }
        TokenVerifier.Verification verification = TokenVerifier.verify(token, compiled.keys(), clock);
        if (verification instanceof TokenVerifier.Rejected rejected) {
            return invalidToken(compiled, routeScopes, rejected.description());
        }
        TokenVerifier.Verified verified = (TokenVerifier.Verified) verification;
        JWTClaimsSet claims = verified.claims();
        if (!compiled.issuer().equals(claims.getIssuer())) {
            return invalidToken(compiled, routeScopes, "the token does not have a valid issuer");
        }
        if (!audienceMatches(compiled, claims)) {
            return invalidToken(compiled, routeScopes, "the token does not have a valid audience");
        }
        List<String> tokenScopes = TokenScopes.of(claims);
        if (!routeScopes.isEmpty() && tokenScopes.stream().noneMatch(routeScopes::contains)) {
            return AuthorizationResult.Denied.httpForbidden(
                    Map.of("www-authenticate", challenge(routeScopes, "insufficient_scope",
                            "the token does not have a valid scope")),
                    "JWT authorizer " + compiled.authorizer().name() + ": the token's scopes " + tokenScopes
                            + " include none of the route's " + routeScopes);
        }
        return new AuthorizationResult.Allowed(new Principal.Jwt(ClaimText.http(verified.payload()),
                routeScopes.isEmpty() ? null : tokenScopes), null);
    }

    /**
     * {@code aud} must name a configured audience; only a token without {@code aud} is judged by
     * {@code client_id} [D http-api-troubleshooting-jwt].
     */
    private static boolean audienceMatches(Compiled compiled, JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (!audience.isEmpty()) {
            return audience.stream().anyMatch(compiled.audience()::contains);
        }
        try {
            String clientId = claims.getStringClaim("client_id");
            return clientId != null && compiled.audience().contains(clientId);
        } catch (ParseException e) {
            return false;
        }
    }

    /** The identity source's value, without the optional {@code Bearer } prefix [D]; null when missing or empty. */
    private static @Nullable String token(Compiled compiled, GatewayRequest request) {
        String value;
        if (compiled.header()) {
            value = request.headers().first(compiled.sourceName()).orElse(null);
        } else {
            List<String> values = QueryString.parse(request.rawQuery()).get(compiled.sourceName());
            value = values == null ? null : values.get(values.size() - 1);
        }
        return TokenVerifier.bearerToken(value);
    }

    private static AuthorizationResult.Denied invalidToken(Compiled compiled, List<String> routeScopes,
            String description) {
        return AuthorizationResult.Denied.httpUnauthorized(
                Map.of("www-authenticate", challenge(routeScopes, "invalid_token", description)),
                "JWT authorizer " + compiled.authorizer().name() + ": " + description);
    }

    /**
     * AWS's challenge: {@code Bearer scope="" error="invalid_token" error_description="..."} [D]. The documented
     * capture is of a route without scopes; listing a route's scopes in {@code scope}, as RFC 6750 section 3 means
     * it, is unconfirmed.
     */
    static String challenge(List<String> routeScopes, String error, String description) {
        return "Bearer scope=\"" + String.join(" ", routeScopes) + "\" error=\"" + error + "\" error_description=\""
                + headerSafe(description) + "\"";
    }

    /**
     * The description quotes the token ({@code kid}, {@code alg}), which the client wrote: a line break there would
     * end the header or make the server refuse to send it, and a quote would end the quoted string. Only printable
     * ASCII goes out; anything else becomes {@code ?}.
     */
    private static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.chars().forEach(c -> safe.append(c == '"' ? '\'' : c >= 0x20 && c <= 0x7e ? (char) c : '?'));
        return safe.toString();
    }

    private static String sourceText(Compiled compiled) {
        return (compiled.header() ? "header " : "query parameter ") + compiled.sourceName();
    }
}
