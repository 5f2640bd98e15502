package dev.apigw.emulator.routing;

import dev.apigw.model.HttpMethod;
import java.util.EnumMap;
import org.jspecify.annotations.Nullable;

/**
 * The methods defined on one path and API Gateway's rule for choosing among them: the request's own method if it is
 * defined, otherwise {@code ANY}. {@code ANY} covers DELETE, GET, HEAD, OPTIONS, PATCH, POST and PUT. There is no
 * other fallback: a {@code HEAD} request is not served by a {@code GET} method (AWS-REFERENCE §4.1).
 */
final class MethodTargets<T> {

    private final EnumMap<HttpMethod, T> byMethod = new EnumMap<>(HttpMethod.class);

    /** Keeps the first target given for a method: a document that repeats a path cannot silently replace it. */
    void putIfAbsent(HttpMethod method, T target) {
        byMethod.putIfAbsent(method, target);
    }

    @Nullable T select(HttpMethod requested) {
        T explicit = byMethod.get(requested);
        return explicit != null ? explicit : byMethod.get(HttpMethod.ANY);
    }

    /**
     * The method a client sent, or null when API Gateway has no such method (e.g. {@code TRACE}, or {@code ANY},
     * which is a configuration word and never a request method). Case-sensitive, like HTTP.
     */
    static @Nullable HttpMethod requestMethod(String method) {
        switch (method) {
            case "GET":
                return HttpMethod.GET;
            case "POST":
                return HttpMethod.POST;
            case "PUT":
                return HttpMethod.PUT;
            case "DELETE":
                return HttpMethod.DELETE;
            case "PATCH":
                return HttpMethod.PATCH;
            case "HEAD":
                return HttpMethod.HEAD;
            case "OPTIONS":
                return HttpMethod.OPTIONS;
            default:
                return null;
        }
    }
}
