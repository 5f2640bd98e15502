package dev.apigw.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code x-amazon-apigateway-cors}: an HTTP API's CORS configuration. */
public record Cors(
        List<String> allowOrigins,
        List<String> allowMethods,
        List<String> allowHeaders,
        List<String> exposeHeaders,
        @Nullable Integer maxAge,
        boolean allowCredentials) {
    public Cors {
        allowOrigins = List.copyOf(allowOrigins);
        allowMethods = List.copyOf(allowMethods);
        allowHeaders = List.copyOf(allowHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }
}
