package dev.apigw.emulator.integration;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.events.TraceIds;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.mapping.IntegrationRequestParameters;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.ParameterMapping;
import dev.apigw.emulator.mapping.Template;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;

/**
 * {@code HTTP} (non-proxy): the backend request is built from the integration's request parameters (path, query
 * string and headers mapped from the method request) and its request template; nothing of the client request is
 * forwarded unless mapped. The backend's status selects the integration response.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/setup-http-integrations.html
 */
final class HttpInvoker implements IntegrationInvoker.Synchronous {
    private final HttpClient client;
    private final UriTemplate uri;
    private final String method;
    private final Duration timeout;
    private final MappingTemplates engine;
    private final NonProxyParts parts;

    HttpInvoker(HttpClient client, UriTemplate uri, String method, Duration timeout, MappingTemplates engine,
            NonProxyParts parts) {
        this.client = client;
        this.uri = uri;
        this.method = method;
        this.timeout = timeout;
        this.engine = engine;
        this.parts = parts;
    }

    @Override
    public GatewayResponse invoke(Exchange exchange) {
        GatewayRequest request = exchange.request();
        MappingState state = MappingState.of(engine, exchange);
        Optional<Template> template = parts.requestTemplates().select(request);
        byte[] body = parts.requestBody().of(request, template, state);
        IntegrationRequestParameters mapped = mapParameters(request, state);
        HttpRequest.Builder backend = HttpRequest.newBuilder(target(mapped, state)).timeout(timeout)
                .method(method.equals("ANY") ? request.method() : method, body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> overrides = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        overrides.putAll(state.context().requestHeaderOverrides());
        ParameterMapping.MappedIntegration rules = ParameterMapping.MappedIntegration.HTTP;
        mapped.header().forEach((name, values) -> {
            if (!overrides.containsKey(name) && !rules.drops(name)) {
                values.forEach(value -> BackendValues.add(backend, name, value));
            }
        });
        overrides.forEach((name, value) -> {
            if (rules.rejects(name)) {
                // Overriding a header API Gateway sets itself fails the request, as the same mapping would (5.6).
                throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                        "the request template overrides header " + name + ", which API Gateway sets itself");
            }
            if (!rules.drops(name)) {
                BackendValues.add(backend, name, value);
            }
        });
        // What API Gateway sends every HTTP integration (AWS-REFERENCE 5.6).
        backend.setHeader("User-Agent", "AmazonAPIGateway_" + exchange.context().apiId());
        backend.setHeader("X-Amzn-Apigateway-Api-Id", exchange.context().apiId());
        backend.setHeader(TraceIds.HEADER, TraceIds.of(exchange));
        if (!hasHeader(mapped, overrides, "Accept")) {
            backend.setHeader("Accept", "application/json");
        }
        if (!hasHeader(mapped, overrides, "Content-Type")) {
            backend.setHeader("Content-Type", request.headers().first("Content-Type").orElse("application/json"));
        }
        HttpRequest sent = backend.build();
        exchange.trace().backendRequest(sent.method(), sent.uri(), sent.headers().map(), body);
        HttpResponse<byte[]> response = BackendCall.send(client, sent, exchange.context().requestId());
        exchange.trace().backendResponse(response.statusCode(), response.headers().map(), response.body());
        IntegrationOutput output = IntegrationOutput.ofStatus(response.statusCode(), response.headers().map(),
                response.body());
        return parts.responses().respond(output, state, IntegrationResponses.accept(request));
    }

    private IntegrationRequestParameters mapParameters(GatewayRequest request, MappingState state) {
        if (parts.requestParameters().isEmpty()) {
            return IntegrationRequestParameters.none();
        }
        try {
            return parts.requestParameters().apply(state.parameters(), new String(request.body(), StandardCharsets.UTF_8),
                    name -> state.context().lookup(name).orElse(null), state.stageVariables());
        } catch (ParameterMapping.InvalidJsonBodyException e) {
            throw new GatewayException(GatewayError.INVALID_JSON_BODY, e.getMessage());
        }
    }

    private URI target(IntegrationRequestParameters mapped, MappingState state) {
        Map<String, String> path = new LinkedHashMap<>();
        mapped.path().forEach((name, value) -> path.put(name, BackendValues.pathValue(value)));
        state.context().requestPathOverrides().forEach((name, value) -> path.put(name, BackendValues.pathValue(value)));
        Map<String, List<String>> query = new LinkedHashMap<>(mapped.querystring());
        state.context().requestQuerystringOverrides().forEach((name, value) -> query.put(name, List.of(value)));
        StringBuilder target = new StringBuilder(uri.expand(path));
        query.forEach((name, values) -> values.forEach(value -> target.append(target.indexOf("?") < 0 ? '?' : '&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        try {
            return URI.create(target.toString());
        } catch (IllegalArgumentException e) {
            throw new GatewayException(GatewayError.INTEGRATION_FAILURE, "invalid endpoint uri " + target);
        }
    }

    private static boolean hasHeader(IntegrationRequestParameters mapped, Map<String, String> overrides, String name) {
        return mapped.header().keySet().stream().anyMatch(name::equalsIgnoreCase)
                || overrides.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }
}
