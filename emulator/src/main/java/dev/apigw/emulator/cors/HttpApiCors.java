package dev.apigw.emulator.cors;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.model.Cors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP API's CORS configuration ({@code x-amazon-apigateway-cors}), compiled once. When CORS is configured, API
 * Gateway answers preflight {@code OPTIONS} requests itself, adds the configured CORS headers to responses of CORS
 * requests, and ignores CORS headers returned by the integration.
 *
 * <p>See <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html">Configure CORS for
 * HTTP APIs</a>.
 */
public final class HttpApiCors {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    static final String MAX_AGE = "Access-Control-Max-Age";
    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final String REQUEST_HEADERS = "Access-Control-Request-Headers";
    private static final String WILDCARD = "*";
    private static final int NO_CONTENT = 204;

    private static final HttpApiCors DISABLED = new HttpApiCors(null);

    private final boolean enabled;
    private final boolean anyOrigin;
    private final Set<String> origins;
    private final boolean anyMethod;
    private final Set<String> methods;
    private final boolean anyHeader;
    private final Set<String> headers;
    private final String allowMethods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final @Nullable String maxAge;
    private final boolean allowCredentials;

    private HttpApiCors(@Nullable Cors cors) {
        enabled = cors != null;
        List<String> allowedOrigins = cors == null ? List.of() : cors.allowOrigins();
        List<String> allowedMethods = cors == null ? List.of() : cors.allowMethods();
        List<String> allowedHeaders = cors == null ? List.of() : cors.allowHeaders();
        anyOrigin = allowedOrigins.contains(WILDCARD);
        origins = lowerCased(allowedOrigins);
        anyMethod = allowedMethods.contains(WILDCARD);
        methods = allowedMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        anyHeader = allowedHeaders.contains(WILDCARD);
        headers = lowerCased(allowedHeaders);
        allowMethods = String.join(",", allowedMethods);
        allowHeaders = String.join(",", allowedHeaders);
        exposeHeaders = cors == null ? "" : String.join(",", cors.exposeHeaders());
        maxAge = cors == null || cors.maxAge() == null ? null : String.valueOf(cors.maxAge());
        allowCredentials = cors != null && cors.allowCredentials();
    }

    /** The compiled configuration; {@code null} (no CORS configured) gives an instance whose methods are no-ops. */
    public static HttpApiCors of(@Nullable Cors cors) {
        return cors == null ? DISABLED : new HttpApiCors(cors);
    }

    public boolean enabled() {
        return enabled;
    }

    /** A CORS preflight: {@code OPTIONS} with both {@code Origin} and {@code Access-Control-Request-Method}. */
    public boolean isPreflight(GatewayRequest request) {
        return enabled
                && request.method().equalsIgnoreCase("OPTIONS")
                && request.headers().contains(ORIGIN)
                && request.headers().contains(REQUEST_METHOD);
    }

    /**
     * API Gateway's own answer to a preflight: 204 with an empty body. The CORS headers are present only when the
     * origin, the requested method and every requested header are allowed; otherwise the 204 carries none of them,
     * which the browser treats as a refusal.
     */
    public Optional<GatewayResponse> preflight(GatewayRequest request) {
        if (!isPreflight(request)) {
            return Optional.empty();
        }
        Headers out = Headers.empty();
        String origin = request.headers().first(ORIGIN).orElseThrow();
        String method = request.headers().first(REQUEST_METHOD).orElseThrow().trim();
        if (originAllowed(origin) && methodAllowed(method) && headersAllowed(request.headers())) {
            out = out.with(ALLOW_ORIGIN, allowOriginValue(origin));
            if (allowCredentials) {
                out = out.with(ALLOW_CREDENTIALS, "true");
            }
            if (!allowMethods.isEmpty()) {
                out = out.with(ALLOW_METHODS, allowMethods);
            }
            if (!allowHeaders.isEmpty()) {
                out = out.with(ALLOW_HEADERS, allowHeaders);
            }
            if (maxAge != null) {
                out = out.with(MAX_AGE, maxAge);
            }
        }
        return Optional.of(new GatewayResponse(NO_CONTENT, out, new byte[0]));
    }

    /**
     * Applies the configuration to a response that is not API Gateway's own preflight answer, including gateway error
     * responses. CORS headers from the integration are always dropped (API Gateway ignores them); the configured
     * origin, credentials and expose headers are added when the request carries an allowed {@code Origin}.
     */
    public GatewayResponse decorate(GatewayRequest request, GatewayResponse response) {
        if (!enabled) {
            return response;
        }
        Headers out = withoutCorsHeaders(response.headers());
        Optional<String> origin = request.headers().first(ORIGIN);
        if (origin.isPresent() && originAllowed(origin.get())) {
            out = out.with(ALLOW_ORIGIN, allowOriginValue(origin.get()));
            if (allowCredentials) {
                out = out.with(ALLOW_CREDENTIALS, "true");
            }
            if (!exposeHeaders.isEmpty()) {
                out = out.with(EXPOSE_HEADERS, exposeHeaders);
            }
        }
        return out.equals(response.headers()) ? response : new GatewayResponse(response.status(), out, response.body());
    }

    private boolean originAllowed(String origin) {
        return anyOrigin || origins.contains(origin.trim().toLowerCase(Locale.ROOT));
    }

    // AWS rejects allowCredentials with a '*' origin at configuration time ("allow-credentials is not supported if
    // 'allow-origin' is *"), so '*' is only sent without credentials; otherwise the request's origin is echoed.
    private String allowOriginValue(String origin) {
        return anyOrigin && !allowCredentials ? WILDCARD : origin.trim();
    }

    private boolean methodAllowed(String method) {
        return anyMethod || methods.contains(method.toUpperCase(Locale.ROOT));
    }

    private boolean headersAllowed(Headers requestHeaders) {
        if (anyHeader) {
            return true;
        }
        for (String line : requestHeaders.values(REQUEST_HEADERS)) {
            for (String name : line.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty() && !headers.contains(trimmed)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Headers withoutCorsHeaders(Headers headers) {
        List<Header> kept = new ArrayList<>();
        for (Header header : headers.all()) {
            if (!header.name().toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                kept.add(header);
            }
        }
        return kept.size() == headers.all().size() ? headers : new Headers(kept);
    }

    private static Set<String> lowerCased(List<String> values) {
        return values.stream()
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
