package dev.apigw.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.SpecSource;
import dev.apigw.model.Api;
import dev.apigw.model.ApiType;

/**
 * OpenAPI documents of any size for the routing and import benchmarks, and requests that exercise them. Routes come
 * in services of ten resources, {@code /svc{g}/res{j}}, cycling through three shapes: static
 * ({@code /svc3/res0}), one path parameter ({@code /svc3/res1/{id}}) and two ({@code /svc3/res2/{id}/items/{itemId}}),
 * each declaring its parameters as a hand-written spec would. One greedy {@code ANY /files/{proxy+}} completes the
 * count; an HTTP API also gets a {@code $default} route on top. Every route is a Lambda proxy integration written out
 * in full (no YAML anchors), so the text is as large as a real spec of that many routes.
 */
final class SyntheticSpecs {
    static final String REST_STAGE = "dev";
    static final String HTTP_STAGE = "$default";
    private static final int ROUTES_PER_SERVICE = 10;
    private static final String FUNCTION_URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:000000000000:function:Noop/invocations";

    private SyntheticSpecs() {}

    /** The API kind a benchmark parameter names: {@code rest} or {@code http}. */
    static ApiType apiType(String name) {
        return switch (name) {
            case "rest" -> ApiType.REST;
            case "http" -> ApiType.HTTP;
            default -> throw new IllegalArgumentException("unknown api '" + name + "'. Use rest or http.");
        };
    }

    static String stage(ApiType type) {
        return type == ApiType.HTTP ? HTTP_STAGE : REST_STAGE;
    }

    /** The document's text with {@code routes} routes, the greedy one included ({@code $default} not counted). */
    static String spec(ApiType type, int routes) {
        if (routes < 2) {
            throw new IllegalArgumentException("a synthetic spec needs at least 2 routes (one is the greedy route)");
        }
        StringBuilder yaml = new StringBuilder(routes * 320);
        yaml.append("openapi: 3.0.1\ninfo: {title: synthetic-").append(routes).append(", version: \"1\"}\npaths:\n");
        for (int i = 0; i < routes - 1; i++) {
            appendRoute(yaml, type, i / ROUTES_PER_SERVICE, i % ROUTES_PER_SERVICE);
        }
        yaml.append("  /files/{proxy+}:\n    x-amazon-apigateway-any-method:\n");
        appendParameters(yaml, "proxy");
        appendIntegration(yaml, type);
        if (type == ApiType.HTTP) {
            yaml.append("  /$default:\n    x-amazon-apigateway-any-method:\n");
            appendIntegration(yaml, type);
        }
        return yaml.toString();
    }

    /** Imports the document and fails loudly when it has errors: a broken spec must not be measured. */
    static Api importApi(ApiType type, int routes) {
        return SpecSource.text("synthetic-" + routes + ".yaml", spec(type, routes)).importApi(type).orThrow();
    }

    /**
     * Requests served by the first, middle and last service (static, one parameter, two parameters each), one for
     * the greedy route and, on an HTTP API, one that only {@code $default} takes.
     */
    static List<GatewayRequest> requests(ApiType type, int routes) {
        int services = (routes - 2) / ROUTES_PER_SERVICE + 1;
        Set<Integer> chosen = new LinkedHashSet<>(List.of(0, services / 2, services - 1));
        String prefix = type == ApiType.HTTP ? "" : "/" + REST_STAGE;
        List<GatewayRequest> requests = new ArrayList<>();
        for (int service : chosen) {
            requests.add(GatewayRequest.of("GET", prefix + "/svc" + service + "/res0"));
            requests.add(GatewayRequest.of("GET", prefix + "/svc" + service + "/res1/8f14e45f"));
            requests.add(GatewayRequest.of("GET", prefix + "/svc" + service + "/res2/8f14e45f/items/42"));
        }
        requests.add(GatewayRequest.of("GET", prefix + "/files/reports/2024/q3/summary.pdf"));
        if (type == ApiType.HTTP) {
            requests.add(GatewayRequest.of("GET", "/nothing/declared/here"));
        }
        return List.copyOf(requests);
    }

    /** The template the request is meant to reach, so a benchmark can check its table before measuring it. */
    static String expectedResource(GatewayRequest request, ApiType type) {
        String path = type == ApiType.HTTP ? request.rawPath() : request.rawPath().substring(REST_STAGE.length() + 1);
        if (path.startsWith("/files/")) {
            return "/files/{proxy+}";
        }
        if (!path.startsWith("/svc")) {
            return "$default";
        }
        String[] segments = path.split("/");
        String base = "/" + segments[1] + "/" + segments[2];
        return switch (segments.length) {
            case 3 -> base;
            case 4 -> base + "/{id}";
            default -> base + "/{id}/items/{itemId}";
        };
    }

    private static void appendRoute(StringBuilder yaml, ApiType type, int service, int resource) {
        String base = "/svc" + service + "/res" + resource;
        switch (resource % 3) {
            case 0 -> {
                yaml.append("  ").append(base).append(":\n    get:\n");
                appendIntegration(yaml, type);
            }
            case 1 -> {
                yaml.append("  ").append(base).append("/{id}:\n    get:\n");
                appendParameters(yaml, "id");
                appendIntegration(yaml, type);
            }
            default -> {
                yaml.append("  ").append(base).append("/{id}/items/{itemId}:\n    get:\n");
                appendParameters(yaml, "id", "itemId");
                appendIntegration(yaml, type);
            }
        }
    }

    private static void appendParameters(StringBuilder yaml, String... names) {
        yaml.append("      parameters:\n");
        for (String name : names) {
            yaml.append("        - {name: ").append(name).append(", in: path, required: true, schema: {type: string}}\n");
        }
    }

    private static void appendIntegration(StringBuilder yaml, ApiType type) {
        yaml.append("      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n");
        if (type == ApiType.HTTP) {
            yaml.append("        payloadFormatVersion: \"2.0\"\n");
        }
        yaml.append("        uri: ").append(FUNCTION_URI).append('\n');
    }
}
