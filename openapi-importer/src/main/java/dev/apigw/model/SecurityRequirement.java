package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One entry of an operation's {@code security} list: a security scheme and the scopes asked of it. */
public record SecurityRequirement(String scheme, List<String> scopes) {
    public SecurityRequirement {
        requireNonNull(scheme, "scheme");
        scopes = List.copyOf(scopes);
    }
}
