package dev.apigw.emulator.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.model.FunctionRef;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import dev.apigw.model.PayloadFormatVersion;

/** Builds {@link Exchange}s for event and result tests without a server or a route table. */
final class TestExchange {
    static final Instant TIME = Instant.parse("2020-03-04T19:15:17.135Z");
    static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
    static final String SOURCE_IP = "203.0.113.7";

    private static final Integration LAMBDA = new Integration.LambdaProxy(
            new FunctionRef("arn:aws:lambda:us-east-1:123456789012:function:echo", "echo"),
            PayloadFormatVersion.V1_0, IntegrationOptions.defaults(29_000));

    private final boolean httpApi;
    private final String method;
    private final String path;
    private final String rawQuery;
    private String stage;
    private String resourcePath;
    private String routeKey;
    private final List<Header> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> stageVariables = new LinkedHashMap<>();
    private List<String> binaryMediaTypes = List.of();

    private TestExchange(boolean httpApi, String method, String pathAndQuery, String stage) {
        int q = pathAndQuery.indexOf('?');
        this.httpApi = httpApi;
        this.method = method;
        this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        this.rawQuery = q < 0 ? "" : pathAndQuery.substring(q + 1);
        this.stage = stage;
        this.resourcePath = path;
        this.routeKey = method + " " + path;
    }

    /** A REST API request on stage {@code dev}; {@code pathAndQuery} is without the stage. */
    static TestExchange rest(String method, String pathAndQuery) {
        return new TestExchange(false, method, pathAndQuery, "dev");
    }

    /** An HTTP API request on the {@code $default} stage; route key {@code METHOD path} unless set. */
    static TestExchange httpApi(String method, String pathAndQuery) {
        return new TestExchange(true, method, pathAndQuery, "$default");
    }

    TestExchange stage(String name) {
        this.stage = name;
        return this;
    }

    TestExchange resource(String template) {
        this.resourcePath = template;
        this.routeKey = method + " " + template;
        return this;
    }

    TestExchange routeKey(String key) {
        this.routeKey = key;
        return this;
    }

    TestExchange header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    TestExchange body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    TestExchange body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    TestExchange pathParameter(String name, String rawValue) {
        pathParameters.put(name, rawValue);
        return this;
    }

    TestExchange stageVariable(String name, String value) {
        stageVariables.put(name, value);
        return this;
    }

    TestExchange binaryMediaTypes(String... types) {
        this.binaryMediaTypes = List.of(types);
        return this;
    }

    Exchange build() {
        String rawPath = httpApi && stage.equals("$default") ? path : "/" + stage + path;
        Headers requestHeaders = new Headers(headers);
        GatewayRequest request = new GatewayRequest(method, rawPath, rawQuery, requestHeaders, body, SOURCE_IP, TIME);
        String host = requestHeaders.first("Host").orElse("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
        RequestContext context = new RequestContext(REQUEST_ID, "JJbxmplHYosFVYQ=", TIME, "123456789012",
                "a1b2c3d4e5", "dep7ab", host, host.split("[.:]")[0], "HTTP/1.1", SOURCE_IP,
                requestHeaders.first("User-Agent").orElse(null), stageVariables);
        MatchedRoute route = new MatchedRoute(stage, path, resourcePath, httpApi ? routeKey : null, "r3s0id", method,
                LAMBDA, pathParameters, null);
        return new Exchange(request, route, context, binaryMediaTypes);
    }

    /** A golden file under {@code src/test/resources/events/}. */
    static String golden(String name) {
        try (InputStream in = TestExchange.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file events/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
