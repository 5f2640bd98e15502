package dev.apigw.emulator.routing;

import static java.util.Objects.requireNonNull;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Routes requests to a REST API's resources as API Gateway does
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html; AWS-REFERENCE
 * §4.1). The stage is the first path segment. Matching is over whole paths and method-aware: of the resources whose
 * template matches the whole path and that define the method (or {@code ANY}), the most specific wins, comparing
 * segment by segment static &gt; {@code {param}} &gt; {@code {proxy+}}. So {@code /a/c} falls back to a root
 * {@code /{p+}} past a static {@code /a/b}, and {@code OPTIONS /a} reaches {@code /{p+}} when {@code /a} only has POST.
 * Algorithm: templates are compiled at construction into a {@link PathTrie}; a request is split once and searched
 * depth first (literal, then {@code {param}}, then {@code {proxy+}}, backtracking), so the first hit is the winner.
 * Not implemented: the {@code X-HTTP-Method-Override} header (AWS known issues).
 */
final class RestRouteTable implements RouteTable {

    private final String stage;
    private final PathTrie<Method> trie = new PathTrie<>();
    private final List<RouteEntry> entries;

    RestRouteTable(RestApi api, String stage) {
        this.stage = requireNonNull(stage, "stage");
        if (stage.isEmpty() || stage.indexOf('/') >= 0) {
            throw new IllegalArgumentException("REST stage name '" + stage + "' must be one non-empty path segment");
        }
        ResourceIds ids = new ResourceIds();
        List<RouteEntry> lines = new ArrayList<>();
        for (Resource resource : api.resources()) {
            String template = resource.path().text();
            String id = ids.next(template, resource.path().segments().isEmpty()
                    ? ResourceIds.ROOT_RESOURCE : ResourceIds.RESOURCE);
            // Enum order (GET, POST, ... ANY) makes the printed table independent of the document's map order.
            for (Method method : new TreeMap<>(resource.methods()).values()) {
                trie.add(method.httpMethod(), new PathTrie.Target<>(resource.path(), id, method));
                lines.add(new RouteEntry(method.httpMethod().name(), "/" + stage + template, template,
                        method.integration()));
            }
        }
        this.entries = List.copyOf(lines);
    }

    @Override
    public MatchedRoute match(GatewayRequest request) {
        // AWS answers an unknown stage with 403 Forbidden; the emulator uses the same error as an unknown path.
        RequestPath path = RequestPath.belowStage(request.rawPath(), stage)
                .orElseThrow(() -> new GatewayException(GatewayError.ROUTE_NOT_FOUND,
                        "stage '" + stage + "' does not serve " + request.method() + " " + request.rawPath()));
        HttpMethod method = MethodTargets.requestMethod(request.method());
        PathTrie.@Nullable Target<Method> target = method == null ? null : trie.find(path.segments(), method, true);
        if (target == null) {
            // REST APIs answer unknown paths and undefined methods with 403 Missing Authentication Token, not 404.
            throw new GatewayException(GatewayError.ROUTE_NOT_FOUND,
                    "no resource matches " + request.method() + " " + request.rawPath());
        }
        Map<String, String> parameters = path.parametersOf(target.template());
        return new MatchedRoute(stage, path.path(), target.template().text(), null, target.id(), request.method(),
                target.value().integration(), parameters, target.value());
    }

    @Override
    public List<RouteEntry> entries() {
        return entries;
    }
}
