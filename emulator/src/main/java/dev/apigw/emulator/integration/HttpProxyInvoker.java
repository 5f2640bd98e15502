package dev.apigw.emulator.integration;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.events.QueryString;
import dev.apigw.emulator.events.TraceIds;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.mapping.ContextVariable;
import dev.apigw.emulator.mapping.HttpApiParameterMapping;
import dev.apigw.emulator.mapping.IntegrationRequestParameters;
import dev.apigw.emulator.mapping.MethodRequestParameters;
import dev.apigw.emulator.mapping.ParameterMapping;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;

/**
 * {@code HTTP_PROXY}: the client request goes to the backend (method, headers, body and query string as sent;
 * path variables substituted into the integration URI) and the backend's status, headers and body come back.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
 */
final class HttpProxyInvoker implements IntegrationInvoker.Synchronous {
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
    private final HttpApiParameterMapping.RequestMapping requestMapping;
    private final ParameterMapping.RequestMapping restMapping;

    /**
     * @param placeholderSources uri placeholder → path parameter that fills it (from
     *     {@code integration.request.path.X = method.request.path.Y}, else the parameter of the same name)
     * @param forwardFullPath an HTTP API {@code $default} route passes the whole request path on
     * @param method the integration method; {@code ANY} forwards the client's method
     * @param requestMapping HTTP API parameter mapping (empty on REST APIs)
     * @param restMapping REST {@code integration.request.header|querystring.*} mappings, added to what is forwarded
     */
    HttpProxyInvoker(HttpClient client, UriTemplate uri, Map<String, String> placeholderSources,
            boolean forwardFullPath, String method, Duration timeout, HttpApiParameterMapping.RequestMapping requestMapping,
            ParameterMapping.RequestMapping restMapping) {
        this.client = client;
        this.uri = uri;
        this.placeholderSources = Map.copyOf(placeholderSources);
        this.forwardFullPath = forwardFullPath;
        this.method = method;
        this.timeout = timeout;
        this.requestMapping = requestMapping;
        this.restMapping = restMapping;
    }

    @Override
    public GatewayResponse invoke(Exchange exchange) {
        GatewayRequest request = exchange.request();
        Forwarded forwarded = forwarded(exchange);
        URI target = target(exchange, forwarded);
        HttpRequest.Builder backendRequest = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method.equals("ANY") ? request.method() : method, request.hasBody()
                        ? HttpRequest.BodyPublishers.ofByteArray(request.body())
                        : HttpRequest.BodyPublishers.noBody());
        forwarded.headers().forEach((name, values) ->
                values.forEach(value -> BackendValues.add(backendRequest, name, value)));
        // As a proxy does: the client's own X-Forwarded-For chain, then the address the gateway saw.
        String forwardedFor = request.headers().first("X-Forwarded-For").map(chain -> chain + ", ").orElse("")
                + exchange.context().sourceIp();
        backendRequest.header("X-Forwarded-For", forwardedFor);
        // API Gateway traces every request it passes on; a client's own trace header is passed as it is.
        if (forwarded.headers().keySet().stream().noneMatch(TraceIds.HEADER::equalsIgnoreCase)) {
            backendRequest.header(TraceIds.HEADER, TraceIds.of(exchange));
        }
        HttpRequest sent = backendRequest.build();
        exchange.trace().backendRequest(sent.method(), sent.uri(), sent.headers().map(), request.body());
        HttpResponse<byte[]> response = BackendCall.send(client, sent, exchange.context().requestId());
        exchange.trace().backendResponse(response.statusCode(), response.headers().map(), response.body());
        return new GatewayResponse(response.statusCode(), responseHeaders(response), response.body());
    }

    /** What goes to the backend: the client's headers, query and path, changed by HTTP API parameter mapping. */
    private record Forwarded(Map<String, List<String>> headers, String rawQuery, String path, boolean pathMapped) {}

    private Forwarded forwarded(Exchange exchange) {
        GatewayRequest request = exchange.request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : request.headers().all()) {
            String lower = header.name().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.equals("x-forwarded-for")) {
                headers.computeIfAbsent(header.name(), n -> new ArrayList<>()).add(header.value());
            }
        }
        String path = exchange.route().path();
        if (!restMapping.isEmpty()) {
            return withRestMapping(exchange, headers);
        }
        if (requestMapping.isEmpty()) {
            return new Forwarded(headers, request.rawQuery(), path, false);
        }
        ContextVariable context = ContextVariable.of(exchange);
        HttpApiParameterMapping.RequestParts mapped = requestMapping.apply(new HttpApiParameterMapping.RequestParts(
                headers, QueryString.parse(request.rawQuery()), path, exchange.route().pathParameters(),
                new String(request.body(), StandardCharsets.UTF_8)),
                name -> context.lookup(name).orElse(null), stageVariables(exchange));
        return new Forwarded(mapped.headers(), encode(mapped.querystring()), mapped.path(), !mapped.path().equals(path));
    }

    /** REST HTTP_PROXY: mapped headers replace the client's of the same name, mapped query parameters are added. */
    private Forwarded withRestMapping(Exchange exchange, Map<String, List<String>> clientHeaders) {
        GatewayRequest request = exchange.request();
        ContextVariable context = ContextVariable.of(exchange);
        IntegrationRequestParameters mapped;
        try {
            mapped = restMapping.apply(MethodRequestParameters.of(request, exchange.route().pathParameters()),
                    new String(request.body(), StandardCharsets.UTF_8), name -> context.lookup(name).orElse(null),
                    stageVariables(exchange));
        } catch (ParameterMapping.InvalidJsonBodyException e) {
            throw new GatewayException(GatewayError.INVALID_JSON_BODY, e.getMessage());
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(clientHeaders);
        headers.putAll(mapped.header());
        Map<String, List<String>> query = new LinkedHashMap<>(QueryString.parse(request.rawQuery()));
        query.putAll(mapped.querystring());
        return new Forwarded(headers, mapped.querystring().isEmpty() ? request.rawQuery() : encode(query),
                exchange.route().path(), false);
    }

    private URI target(Exchange exchange, Forwarded forwarded) {
        Map<String, String> values = new HashMap<>();
        placeholderSources.forEach((placeholder, parameter) -> {
            String value = exchange.route().pathParameters().get(parameter);
            if (value != null) {
                values.put(placeholder, value);
            }
        });
        StringBuilder target = new StringBuilder(uri.expand(values));
        if (forwarded.pathMapped()) {
            // overwrite:path replaces the whole path of the integration URI [D http-api-parameter-mapping].
            URI base = URI.create(target.toString());
            target.setLength(0);
            target.append(base.getScheme()).append("://").append(base.getRawAuthority()).append(forwarded.path());
        } else if (forwardFullPath) {
            stripTrailingSlash(target);
            target.append(forwarded.path());
        }
        if (!forwarded.rawQuery().isEmpty()) {
            target.append(target.indexOf("?") < 0 ? '?' : '&').append(forwarded.rawQuery());
        }
        try {
            return URI.create(target.toString());
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.INTEGRATION_FAILURE, "invalid endpoint uri " + target);
        }
    }

    private static String encode(Map<String, List<String>> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((name, values) -> values.forEach(value -> out.append(out.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return out.toString();
    }

    private static Map<String, String> stageVariables(Exchange exchange) {
        Map<String, String> variables = exchange.context().stageVariables();
        return variables == null ? Map.of() : variables;
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
