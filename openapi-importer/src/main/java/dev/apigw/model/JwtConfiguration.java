package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code jwtConfiguration} of an HTTP API JWT authorizer. */
public record JwtConfiguration(String issuer, List<String> audience) {
    public JwtConfiguration {
        requireNonNull(issuer, "issuer");
        audience = List.copyOf(audience);
    }
}
