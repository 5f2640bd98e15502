package dev.apigw.emulator.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code HTTP_PROXY}: the client request goes to the backend (method, headers, body and query string as sent;
 * path variables substituted into the integration URI) and the backend's status, headers and body come back.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
 */
final class HttpProxyInvoker implements IntegrationInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(HttpProxyInvoker.class);

    /** Hop-by-hop and transport headers the JDK client sets itself or refuses. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "te", "trailer", "transfer-encoding", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "http2-settings");

    /** HTTP_PROXY drops {@code Via} too (AWS-REFERENCE 5.6); the other transport headers go in HeaderRemapping. */
    private static final Set<String> DROPPED_FROM_RESPONSE = Set.of("via");

    private final HttpClient client;
    private final UriTemplate uri;
    private final Map<String, String> placeholderSources;
    private final boolean forwardFullPath;
    private final String method;
    private final Duration timeout;

    /**
     * @param placeholderSources uri placeholder → path parameter that fills it (from
     *     {@code integration.request.path.X = method.request.path.Y}, else the parameter of the same name)
     * @param forwardFullPath an HTTP API {@code $default} route passes the whole request path on
     * @param method the integration method; {@code ANY} forwards the client's method
     */
    HttpProxyInvoker(HttpClient client, UriTemplate uri, Map<String, String> placeholderSources,
            boolean forwardFullPath, String method, Duration timeout) {
        this.client = client;
        this.uri = uri;
        this.placeholderSources = Map.copyOf(placeholderSources);
        this.forwardFullPath = forwardFullPath;
        this.method = method;
        this.timeout = timeout;
    }

    @Override
    public GatewayResponse invoke(Exchange exchange) {
        GatewayRequest request = exchange.request();
        URI target = target(exchange);
        HttpRequest.Builder backendRequest = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method.equals("ANY") ? request.method() : method, request.hasBody()
                        ? HttpRequest.BodyPublishers.ofByteArray(request.body())
                        : HttpRequest.BodyPublishers.noBody());
        for (Header header : request.headers().all()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.equals("x-forwarded-for")) {
                backendRequest.header(header.name(), header.value());
            }
        }
        // As a proxy does: the client's own X-Forwarded-For chain, then the address the gateway saw.
        String forwardedFor = request.headers().first("X-Forwarded-For").map(chain -> chain + ", ").orElse("")
                + exchange.context().sourceIp();
        backendRequest.header("X-Forwarded-For", forwardedFor);
        try {
            HttpResponse<byte[]> response = client.send(backendRequest.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new GatewayResponse(response.statusCode(), responseHeaders(response), response.body());
        } catch (HttpTimeoutException e) {
            throw new GatewayException(GatewayError.INTEGRATION_TIMEOUT, "backend " + target + " timed out");
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("[{}] Execution failed due to a network error communicating with {}: {}",
                    exchange.context().requestId(), target, e.toString());
            throw new GatewayException(GatewayError.INTEGRATION_FAILURE, "network error communicating with " + target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(GatewayError.INTEGRATION_FAILURE, "interrupted calling " + target);
        }
    }

    private URI target(Exchange exchange) {
        Map<String, String> values = new HashMap<>();
        placeholderSources.forEach((placeholder, parameter) -> {
            String value = exchange.route().pathParameters().get(parameter);
            if (value != null) {
                values.put(placeholder, value);
            }
        });
        StringBuilder target = new StringBuilder(uri.expand(values));
        if (forwardFullPath) {
            stripTrailingSlash(target);
            target.append(exchange.route().path());
        }
        String query = exchange.request().rawQuery();
        if (!query.isEmpty()) {
            target.append(target.indexOf("?") < 0 ? '?' : '&').append(query);
        }
        try {
            return URI.create(target.toString());
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.INTEGRATION_FAILURE, "invalid endpoint uri " + target);
        }
    }

    private static void stripTrailingSlash(StringBuilder uri) {
        if (uri.length() > 0 && uri.charAt(uri.length() - 1) == '/') {
            uri.setLength(uri.length() - 1);
        }
    }

    private static Headers responseHeaders(HttpResponse<byte[]> response) {
        List<Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(":") || DROPPED_FROM_RESPONSE.contains(lower)) {
                return;
            }
            values.forEach(value -> headers.add(new Header(name, value)));
        });
        return new Headers(headers);
    }
}
