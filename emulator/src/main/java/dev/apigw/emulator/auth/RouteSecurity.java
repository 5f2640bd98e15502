package dev.apigw.emulator.auth;

import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.SecurityRequirement;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a matched REST method or HTTP API route asks for: its {@code security} requirements (with their scopes,
 * AWS's {@code authorizationScopes}) and its {@code x-amazon-apigateway-auth} type.
 */
public record RouteSecurity(List<SecurityRequirement> security, @Nullable String authType) {

    private static final RouteSecurity NONE = new RouteSecurity(List.of(), null);

    public RouteSecurity {
        security = List.copyOf(security);
    }

    public static RouteSecurity of(MatchedRoute route) {
        if (route.method() != null) {
            return new RouteSecurity(route.method().security(), route.method().authType());
        }
        if (route.httpRoute() != null) {
            return new RouteSecurity(route.httpRoute().security(), route.httpRoute().authType());
        }
        return NONE;
    }

    /** {@code AWS_IAM}: SigV4 signed requests only. */
    public boolean iam() {
        return "AWS_IAM".equals(authType);
    }

    /**
     * The requirement naming one of {@code schemes} (a mechanism's authorizers by scheme name), or null. AWS
     * attaches one authorizer per method, so the first wins.
     */
    public <T> @Nullable SecurityRequirement firstOf(Map<String, T> schemes) {
        for (SecurityRequirement requirement : security) {
            if (schemes.containsKey(requirement.scheme())) {
                return requirement;
            }
        }
        return null;
    }
}
