package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/** A REST API resource: a path template and the methods defined on it. */
public record Resource(PathTemplate path, Map<HttpMethod, Method> methods) {
    public Resource {
        requireNonNull(path, "path");
        methods = Map.copyOf(methods);
    }

    public Optional<Method> method(HttpMethod httpMethod) {
        return Optional.ofNullable(methods.get(httpMethod));
    }
}
