package dev.apigw.emulator.mapping;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

/**
 * What HTTP API mapping values read for one request ({@code $request.*}) or one integration response
 * ({@code $response.*}), plus {@code $context} and stage variables. Repeated headers and query parameters are combined
 * with commas [D]; header names are matched ignoring case, query string names exactly [D].
 */
final class HttpApiParameterMappingSources {
    // [D] "When you specify a JSON path, API Gateway truncates the request body at 100 KB and then applies the
    // selection expression."
    static final int JSON_PATH_BODY_LIMIT = 100 * 1024;

    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> querystring;
    private final String path;
    private final Map<String, String> pathParameters;
    private final String body;
    private final Function<String, @Nullable String> context;
    private final Map<String, String> stageVariables;
    private @Nullable JsonNode json;
    private boolean jsonRead;

    private HttpApiParameterMappingSources(Map<String, List<String>> headers, Map<String, List<String>> querystring,
            String path, Map<String, String> pathParameters, String body, Function<String, @Nullable String> context,
            Map<String, String> stageVariables) {
        this.headers = headers;
        this.querystring = querystring;
        this.path = path;
        this.pathParameters = pathParameters;
        this.body = body;
        this.context = context;
        this.stageVariables = stageVariables;
    }

    static HttpApiParameterMappingSources request(HttpApiParameterMapping.RequestParts request,
            Function<String, @Nullable String> context, Map<String, String> stageVariables) {
        return new HttpApiParameterMappingSources(request.headers(), request.querystring(), request.path(),
                request.pathParameters(), request.body(), context, stageVariables);
    }

    static HttpApiParameterMappingSources response(HttpApiParameterMapping.ResponseParts response, String body,
            Function<String, @Nullable String> context, Map<String, String> stageVariables) {
        return new HttpApiParameterMappingSources(response.headers(), Map.of(), "", Map.of(), body, context,
                stageVariables);
    }

    @Nullable String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return String.join(",", header.getValue());
            }
        }
        return null;
    }

    @Nullable String querystring(String name) {
        List<String> values = querystring.getOrDefault(name, List.of());
        return values.isEmpty() ? null : String.join(",", values);
    }

    /** The request path without the stage name [D]. */
    String path() {
        return path;
    }

    @Nullable String pathParameter(String name) {
        return pathParameters.get(name);
    }

    @Nullable String body() {
        return body.isEmpty() ? null : body;
    }

    /** A JSONPath value of the body; a body that is not JSON (after the 100 KB cut) has none. */
    @Nullable String bodyPath(JsonPath jsonPath) {
        if (!jsonRead) {
            jsonRead = true;
            try {
                json = ParameterMappingJson.parse(truncated(body).strip());
            } catch (JsonProcessingException e) {
                json = null;
            }
        }
        return json == null ? null : ParameterMappingJson.read(json, jsonPath);
    }

    @Nullable String context(String name) {
        return context.apply(name);
    }

    @Nullable String stageVariable(String name) {
        return stageVariables.get(name);
    }

    private static String truncated(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= JSON_PATH_BODY_LIMIT) {
            return body;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE);
        CharBuffer chars = CharBuffer.allocate(JSON_PATH_BODY_LIMIT);
        decoder.decode(ByteBuffer.wrap(bytes, 0, JSON_PATH_BODY_LIMIT), chars, true);
        return chars.flip().toString();
    }
}
