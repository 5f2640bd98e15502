package dev.apigw.emulator.auth.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A token's OAuth scopes: the space-separated {@code scope} claim (Cognito, RFC 8693) and the {@code scp} claim
 * (Okta, Azure AD), a list or a space-separated string. API Gateway accepts either [D http-api-jwt-authorizer].
 */
final class TokenScopes {
    private TokenScopes() {}

    static List<String> of(JWTClaimsSet claims) {
        Set<String> scopes = new LinkedHashSet<>();
        add(claims.getClaim("scope"), scopes);
        add(claims.getClaim("scp"), scopes);
        return new ArrayList<>(scopes);
    }

    private static void add(@Nullable Object claim, Set<String> scopes) {
        if (claim instanceof String text) {
            Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
        } else if (claim instanceof List<?> list) {
            list.forEach(item -> add(item, scopes));
        }
    }
}
