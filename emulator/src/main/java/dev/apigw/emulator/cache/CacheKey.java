package dev.apigw.emulator.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.events.QueryString;
import dev.apigw.emulator.routing.MatchedRoute;

/**
 * What a stage cache entry is found by, as API Gateway builds it: the HTTP method, the resource path (the template,
 * {@code /pets/{id}}) and the values of the integration's {@code cacheKeyParameters}. A header, query string or path
 * parameter not listed there does not tell entries apart: {@code /pets/1} and {@code /pets/2} share an entry unless
 * {@code method.request.path.id} is a key, as on AWS. An {@code integration.request.*} key counts by the method
 * request parameter the integration maps it from.
 *
 * @param parameters each listed parameter's name and value(s), in the integration's order
 */
record CacheKey(String httpMethod, String resourcePath, List<String> parameters) {
    private static final String HEADER = "method.request.header.";
    private static final String QUERY = "method.request.querystring.";
    private static final String MULTI_QUERY = "method.request.multivaluequerystring.";
    private static final String PATH = "method.request.path.";

    static CacheKey of(GatewayRequest request, MatchedRoute route) {
        List<String> keyParameters = route.integration().options().cacheKeyParameters();
        List<String> values = new ArrayList<>(keyParameters.size());
        Map<String, List<String>> query = keyParameters.isEmpty() ? Map.of() : QueryString.parse(request.rawQuery());
        for (String parameter : keyParameters) {
            values.add(parameter + "=" + valueOf(parameter, request, route, query));
        }
        return new CacheKey(request.method(), route.resourcePath(), List.copyOf(values));
    }

    /** A parameter's value(s) in the request; header names are case-insensitive, as HTTP has them. */
    private static List<String> valueOf(String parameter, GatewayRequest request, MatchedRoute route,
            Map<String, List<String>> query) {
        if (parameter.startsWith(HEADER)) {
            return request.headers().values(parameter.substring(HEADER.length()));
        }
        String queryName = parameter.startsWith(QUERY) ? parameter.substring(QUERY.length())
                : parameter.startsWith(MULTI_QUERY) ? parameter.substring(MULTI_QUERY.length()) : null;
        if (queryName != null) {
            return query.getOrDefault(queryName, List.of());
        }
        if (parameter.startsWith(PATH)) {
            String value = route.pathParameters().get(parameter.substring(PATH.length()));
            return value == null ? List.of() : List.of(value);
        }
        // An integration parameter ("method or integration parameters" can be cache keys): the method request
        // parameter it is mapped from; a static value or a context variable is the same for every request here.
        String source = route.integration().options().requestParameters().get(parameter);
        if (source != null && source.startsWith("method.request.")) {
            return valueOf(source, request, route, query);
        }
        return List.of();
    }
}
