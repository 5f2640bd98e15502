package dev.apigw.emulator.mapping;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * {@code $input}: the payload (the method request body in a request template, the integration response body in a
 * response template) and the method request's parameters (in both). The payload is parsed once, on first use, and
 * {@code path} hands out the parsed objects themselves: a template that changes them ({@code #set($body.url = ...)})
 * changes what a later {@code $input.json('$')} prints, as on AWS [K qiita.com/makisyu/items/649f2c1945bde57c129f].
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#input-variable-reference
 */
public final class InputVariable {
    private static final String EMPTY_PAYLOAD = "{}";

    private final String payload;
    private final MethodRequestParameters parameters;
    private @Nullable DocumentContext document;
    private boolean nullDocument;
    private @Nullable Map<String, Object> params;

    /**
     * @param payload the body as text; an empty body reads as {@code {}}, in request and response templates alike
     *     (AWS-REFERENCE 6.2) [S test_input_body_formatting]
     * @param parameters always the method request's, even in a response template [S test_mock_integration_response]
     */
    public InputVariable(String payload, MethodRequestParameters parameters) {
        this.payload = requireNonNull(payload, "payload").isEmpty() ? EMPTY_PAYLOAD : payload;
        this.parameters = requireNonNull(parameters, "parameters");
    }

    /** {@code $input.body}: the raw payload as a string ({@code {}} when empty). */
    public String getBody() {
        return payload;
    }

    /**
     * {@code $input.path(x)}: the JSONPath result as a native object — maps print as {@code {k=v, k2=v2}}, lists as
     * compact JSON. A missing path and a JSON {@code null} both give null, which renders as nothing
     * (AWS-REFERENCE 6.2 rendering quirks) [S].
     */
    public @Nullable Object path(String jsonPath) {
        DocumentContext json = document();
        if (json == null) {
            return null;
        }
        try {
            return json.read(jsonPath);
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    /**
     * {@code $input.json(x)}: the JSONPath result as JSON text (strings quoted, objects as JSON). A path that
     * matches nothing gives {@code ""}, an empty JSON string (AWS-REFERENCE 6.2; unconfirmed on AWS).
     */
    public String json(String jsonPath) {
        DocumentContext json = document();
        if (json == null) {
            return JsonValues.toJson(null);
        }
        try {
            return JsonValues.toJson(json.read(jsonPath));
        } catch (PathNotFoundException e) {
            return "\"\"";
        }
    }

    /**
     * {@code $input.params()}: {@code path}, {@code querystring} and {@code header}, in that order, each a map of
     * name → value (the last value of a repeated query parameter or header). Header names are looked up ignoring
     * case. The same maps are returned on every call of one render.
     */
    public Map<String, Object> params() {
        if (params == null) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("path", new LinkedHashMap<>(parameters.path()));
            all.put("querystring", lastValues(parameters.querystring(), new LinkedHashMap<>()));
            all.put("header", lastValues(parameters.header(), new TreeMap<>(String.CASE_INSENSITIVE_ORDER)));
            params = all;
        }
        return params;
    }

    /**
     * {@code $input.params(x)}: the parameter named {@code x}, searched in the path, then the query string, then
     * the headers; {@code ""} when there is none (AWS-REFERENCE 6.2).
     */
    public String params(String name) {
        for (String type : List.of("path", "querystring", "header")) {
            // A template may have replaced a section ($input.params().put('path', ...)); skip what is not a map.
            if (params().get(type) instanceof Map<?, ?> section && section.get(name) != null) {
                return section.get(name).toString();
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "$input";
    }

    /** Parsed on first use: a template that never reads the payload as JSON works with any payload. */
    private @Nullable DocumentContext document() {
        if (document == null && !nullDocument) {
            Object root = parse(payload);
            if (root == null) {
                nullDocument = true;
            } else {
                document = JsonPath.using(JsonValues.CONFIGURATION).parse(root);
            }
        }
        return document;
    }

    private static @Nullable Object parse(String payload) {
        try {
            return JsonValues.parse(payload);
        } catch (InvalidJsonException e) {
            Throwable reason = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("the payload is not JSON (" + reason.getMessage() + ")", e);
        }
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multi, Map<String, String> into) {
        multi.forEach((name, values) -> into.put(name, values.isEmpty() ? "" : values.get(values.size() - 1)));
        return into;
    }
}
