package dev.apigw.emulator.mapping;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

/**
 * The right-hand side of one REST parameter mapping, parsed once at startup: {@code method.request.header.X},
 * {@code integration.response.body.a.b}, {@code stageVariables.x}, {@code context.requestId}, {@code 'static'}.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-parameter-mapping-sources.html
 *
 * @param name the parameter, variable or context name; the literal for {@link Kind#STATIC}
 * @param jsonPath set for {@link Kind#BODY_JSONPATH} only
 */
record ParameterMappingSource(Kind kind, String name, @Nullable JsonPath jsonPath) {

    enum Kind {
        PATH, QUERYSTRING, MULTIVALUE_QUERYSTRING, HEADER, MULTIVALUE_HEADER, BODY, BODY_JSONPATH,
        STAGE_VARIABLE, CONTEXT, STATIC
    }

    static final String REQUEST_PREFIX = "method.request.";
    static final String RESPONSE_PREFIX = "integration.response.";

    private static final Map<String, Kind> REQUEST_LOCATIONS = Map.of("path", Kind.PATH,
            "querystring", Kind.QUERYSTRING, "multivaluequerystring", Kind.MULTIVALUE_QUERYSTRING,
            "header", Kind.HEADER, "multivalueheader", Kind.MULTIVALUE_HEADER);
    private static final Map<String, Kind> RESPONSE_LOCATIONS =
            Map.of("header", Kind.HEADER, "multivalueheader", Kind.MULTIVALUE_HEADER);

    /** A source for {@code integration.request.*}, or an exception saying what was expected. */
    static ParameterMappingSource parseRequest(String expression) {
        return parse(expression, REQUEST_PREFIX, REQUEST_LOCATIONS, "{path|querystring|multivaluequerystring"
                + "|header|multivalueheader}.NAME");
    }

    /** A source for {@code method.response.header.*}, or an exception saying what was expected. */
    static ParameterMappingSource parseResponse(String expression) {
        return parse(expression, RESPONSE_PREFIX, RESPONSE_LOCATIONS, "{header|multivalueheader}.NAME");
    }

    private static ParameterMappingSource parse(String expression, String prefix, Map<String, Kind> locations,
            String locationSyntax) {
        String expected = "expected " + prefix + locationSyntax + ", " + prefix + "body, " + prefix
                + "body.JSONPath (without '$.'), stageVariables.NAME, context.NAME or a static value in single "
                + "quotes such as 'text', found '" + expression + "'";
        if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
            return new ParameterMappingSource(Kind.STATIC, expression.substring(1, expression.length() - 1), null);
        }
        if (expression.startsWith("stageVariables.")) {
            return named(Kind.STAGE_VARIABLE, expression.substring("stageVariables.".length()), expected);
        }
        if (expression.startsWith("context.")) {
            return named(Kind.CONTEXT, expression.substring("context.".length()), expected);
        }
        if (!expression.startsWith(prefix)) {
            throw new IllegalArgumentException(expected);
        }
        String rest = expression.substring(prefix.length());
        if (rest.equals("body")) {
            return new ParameterMappingSource(Kind.BODY, "", null);
        }
        if (rest.startsWith("body.") || rest.startsWith("body[")) {
            String path = rest.substring(rest.charAt(4) == '.' ? 5 : 4);
            return new ParameterMappingSource(Kind.BODY_JSONPATH, path, ParameterMappingJson.compile(path));
        }
        int dot = rest.indexOf('.');
        Kind kind = dot < 0 ? null : locations.get(rest.substring(0, dot));
        if (kind == null) {
            throw new IllegalArgumentException(expected);
        }
        return named(kind, rest.substring(dot + 1), expected);
    }

    private static ParameterMappingSource named(Kind kind, String name, String expected) {
        if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(expected);
        }
        return new ParameterMappingSource(kind, name, null);
    }

    /**
     * The values this source maps, empty when it has none. A missing or empty parameter, variable or JSONPath result
     * maps nothing, so the target parameter is left out [L]; a static value is always mapped.
     */
    List<String> values(ParameterMappingInputs in) {
        return switch (kind) {
            case STATIC -> List.of(name);
            case MULTIVALUE_QUERYSTRING -> in.querystring(name);
            // The values of a repeated header joined with commas, as a single value [L].
            case MULTIVALUE_HEADER -> single(String.join(",", in.header(name)));
            // A repeated parameter or header maps its last value [L].
            case QUERYSTRING -> single(last(in.querystring(name)));
            case HEADER -> single(last(in.header(name)));
            case PATH -> single(in.path(name));
            case BODY -> single(in.bodyText());
            case BODY_JSONPATH -> single(ParameterMappingJson.read(in.json(), Objects.requireNonNull(jsonPath)));
            case STAGE_VARIABLE -> single(in.stageVariable(name));
            case CONTEXT -> single(in.context(name));
        };
    }

    private static List<String> single(@Nullable String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value);
    }

    private static @Nullable String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
