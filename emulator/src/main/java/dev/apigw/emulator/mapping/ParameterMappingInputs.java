package dev.apigw.emulator.mapping;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * What one REST parameter-mapping evaluation reads: the method request (integration request side) or the integration
 * response (method response side), plus {@code $context} and stage variables. The body is parsed as JSON at most
 * once, and only when a mapping reads it.
 */
final class ParameterMappingInputs {
    private final Map<String, String> path;
    private final Map<String, List<String>> querystring;
    private final Map<String, List<String>> headers;
    private final String body;
    private final Function<String, @Nullable String> context;
    private final Map<String, String> stageVariables;
    private final String invalidJsonMessage;
    private @Nullable JsonNode json;

    private ParameterMappingInputs(MethodRequestParameters request, Map<String, List<String>> headers, String body, Function<String, @Nullable String> context,
            Map<String, String> stageVariables, String invalidJsonMessage) {
        this.path = request.path();
        this.querystring = request.querystring();
        this.headers = headers;
        this.body = body;
        this.context = context;
        this.stageVariables = stageVariables;
        this.invalidJsonMessage = invalidJsonMessage;
    }

    /**
     * The method request. Header names are matched ignoring case, like {@code $input.params('X')} (the method
     * request groups headers case-insensitively). Unconfirmed on AWS: the known-issues page says REST APIs process
     * header names "in a case-sensitive way" [D] and LocalStack matches exactly [L]. Query string names match exactly.
     */
    static ParameterMappingInputs request(MethodRequestParameters request, String body,
            Function<String, @Nullable String> context, Map<String, String> stageVariables) {
        return new ParameterMappingInputs(request, request.header(), body, context, stageVariables,
                "Invalid JSON in request body");
    }

    /** The integration response. Its header names are matched ignoring case (AWS's rule is unconfirmed). */
    static ParameterMappingInputs response(Map<String, List<String>> headers, String body,
            Function<String, @Nullable String> context, Map<String, String> stageVariables) {
        return new ParameterMappingInputs(MethodRequestParameters.none(), headers, body, context, stageVariables,
                "Invalid JSON in integration response body");
    }

    @Nullable String path(String name) {
        return path.get(name);
    }

    List<String> querystring(String name) {
        return querystring.getOrDefault(name, List.of());
    }

    List<String> header(String name) {
        List<String> exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return List.of();
    }

    @Nullable String context(String name) {
        return context.apply(name);
    }

    @Nullable String stageVariable(String name) {
        return stageVariables.get(name);
    }

    /**
     * The body as {@code method.request.body} / {@code integration.response.body} map it: trimmed, and {@code {}}
     * when empty — real AWS mapped an empty body as {@code {}} [L, "validated against AWS"]. A body that looks like
     * JSON must parse even when mapped whole, or the request fails [L].
     */
    String bodyText() {
        json();
        String trimmed = body.strip();
        return trimmed.isEmpty() ? "{}" : trimmed;
    }

    /**
     * The body as a JSON document: parsed when it starts like JSON, the empty object otherwise [L].
     *
     * @throws ParameterMapping.InvalidJsonBodyException when it starts like JSON but is not
     */
    JsonNode json() {
        if (json == null) {
            String trimmed = body.strip();
            try {
                json = ParameterMappingJson.looksLikeJson(trimmed)
                        ? ParameterMappingJson.parse(trimmed)
                        : ParameterMappingJson.emptyObject();
            } catch (JsonProcessingException e) {
                throw new ParameterMapping.InvalidJsonBodyException(invalidJsonMessage, e);
            }
        }
        return json;
    }
}
