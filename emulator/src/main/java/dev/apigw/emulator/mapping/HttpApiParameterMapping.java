package dev.apigw.emulator.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.apigw.emulator.mapping.HttpApiParameterMappingOperation.Location;
import org.jspecify.annotations.Nullable;

/**
 * HTTP API parameter mapping: an integration's {@code requestParameters} ({@code append|overwrite|remove:header.X},
 * {@code append|overwrite|remove:querystring.X}, {@code overwrite:path}) change the request before it reaches the
 * backend, and its {@code responseParameters}, keyed by the backend's status code, change the response
 * ({@code append|overwrite|remove:header.X}, {@code overwrite:statuscode}). Compiled once, evaluated per request.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
public final class HttpApiParameterMapping {
    private HttpApiParameterMapping() {}

    /**
     * The request pieces a mapping reads and changes.
     *
     * @param headers header name → values as received
     * @param querystring query parameter → values in order
     * @param path the request path without the stage name
     * @param pathParameters the route's path parameters
     * @param body the request body as text (read by {@code $request.body}; never changed by a mapping)
     */
    public record RequestParts(Map<String, List<String>> headers, Map<String, List<String>> querystring, String path,
            Map<String, String> pathParameters, String body) {
        public RequestParts {
            headers = copy(headers);
            querystring = copy(querystring);
            pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
        }
    }

    /** The integration response's status and headers, before and after mapping. */
    public record ResponseParts(int statusCode, Map<String, List<String>> headers) {
        public ResponseParts {
            headers = copy(headers);
        }
    }

    /**
     * Compiles an integration's {@code requestParameters}.
     *
     * @param location where the map is in the document, e.g. {@code paths./pets.get.x-amazon-apigateway-integration
     *     .requestParameters}
     * @throws IllegalArgumentException for a malformed key or value, or a reserved header
     */
    public static RequestMapping compileRequest(Map<String, String> requestParameters, String location) {
        return new RequestMapping(HttpApiParameterMappingOperation.compileAll(requestParameters, location, false));
    }

    /**
     * Compiles an integration's {@code responseParameters}: backend status code → mappings for responses with it.
     *
     * @throws IllegalArgumentException for a status code outside 200–599, a malformed key or value, or a reserved
     *     header
     */
    public static ResponseMapping compileResponse(Map<String, Map<String, String>> responseParameters,
            String location) {
        Map<Integer, List<HttpApiParameterMappingOperation>> byStatus = new HashMap<>();
        responseParameters.forEach((status, mappings) -> {
            int code = HttpApiParameterMappingOperation.statusCode(status);
            // [D] "The selection key must be a valid HTTP status code within the range of 200-599."
            if (code < 200 || code > 599) {
                throw new IllegalArgumentException(location + "." + status + ": response parameters are keyed by the "
                        + "integration's status code; use a status code from 200 to 599");
            }
            byStatus.put(code, HttpApiParameterMappingOperation.compileAll(mappings, location + "." + status, true));
        });
        return new ResponseMapping(byStatus);
    }

    /** A compiled {@code requestParameters} map. */
    public static final class RequestMapping {
        private final List<HttpApiParameterMappingOperation> operations;

        private RequestMapping(List<HttpApiParameterMappingOperation> operations) {
            this.operations = operations;
        }

        public boolean isEmpty() {
            return operations.isEmpty();
        }

        /**
         * The request as the backend receives it. Every value is read from the original request, so
         * {@code append:header.b = $request.header.a} with {@code remove:header.a} renames a header [D example].
         *
         * @param context {@code $context} lookup by name without the prefix, e.g. {@code requestId}
         */
        public RequestParts apply(RequestParts request, Function<String, @Nullable String> context,
                Map<String, String> stageVariables) {
            if (operations.isEmpty()) {
                return request;
            }
            HttpApiParameterMappingSources in = HttpApiParameterMappingSources.request(request, context,
                    stageVariables);
            List<@Nullable String> values = evaluate(operations, in);
            Map<String, List<String>> headers = mutable(request.headers());
            Map<String, List<String>> querystring = mutable(request.querystring());
            String path = request.path();
            for (int i = 0; i < operations.size(); i++) {
                HttpApiParameterMappingOperation operation = operations.get(i);
                if (operation.location() == Location.PATH) {
                    path = values.get(i) == null ? path : values.get(i);
                } else {
                    operation.applyTo(operation.location() == Location.HEADER ? headers : querystring, values.get(i));
                }
            }
            return new RequestParts(headers, querystring, path, request.pathParameters(), request.body());
        }
    }

    /** A compiled {@code responseParameters} map. */
    public static final class ResponseMapping {
        private final Map<Integer, List<HttpApiParameterMappingOperation>> byStatus;

        private ResponseMapping(Map<Integer, List<HttpApiParameterMappingOperation>> byStatus) {
            this.byStatus = Map.copyOf(byStatus);
        }

        public boolean isEmpty() {
            return byStatus.isEmpty();
        }

        /**
         * The response as the client receives it: the mappings configured for the integration's status code, read
         * from the original response. {@code overwrite:statuscode} to a value that is not a status code (100–599)
         * leaves the status unchanged (AWS's handling is unconfirmed).
         */
        public ResponseParts apply(ResponseParts response, String body, Function<String, @Nullable String> context,
                Map<String, String> stageVariables) {
            List<HttpApiParameterMappingOperation> operations = byStatus.getOrDefault(response.statusCode(), List.of());
            if (operations.isEmpty()) {
                return response;
            }
            HttpApiParameterMappingSources in = HttpApiParameterMappingSources.response(response, body, context,
                    stageVariables);
            List<@Nullable String> values = evaluate(operations, in);
            Map<String, List<String>> headers = mutable(response.headers());
            int status = response.statusCode();
            for (int i = 0; i < operations.size(); i++) {
                HttpApiParameterMappingOperation operation = operations.get(i);
                if (operation.location() == Location.STATUSCODE) {
                    int code = values.get(i) == null ? -1 : HttpApiParameterMappingOperation.statusCode(values.get(i));
                    status = code >= 100 && code <= 599 ? code : status;
                } else {
                    operation.applyTo(headers, values.get(i));
                }
            }
            return new ResponseParts(status, headers);
        }
    }

    private static List<@Nullable String> evaluate(List<HttpApiParameterMappingOperation> operations,
            HttpApiParameterMappingSources in) {
        List<@Nullable String> values = new ArrayList<>(operations.size());
        operations.forEach(operation -> values.add(operation.evaluate(in)));
        return values;
    }

    private static Map<String, List<String>> mutable(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, new ArrayList<>(list)));
        return copy;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }
}
