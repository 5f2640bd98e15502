package dev.apigw.emulator.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

/**
 * The value side of one HTTP API parameter mapping, parsed once: a static value, one variable written
 * {@code $request.header.x} or {@code ${request.header.x}}, or text mixing static parts and {@code ${…}} variables
 * such as {@code Bearer ${request.header.token}} [D: "To use multiple variables … enclose the variable in brackets"].
 * A {@code $} not followed by a known variable name is static text.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
final class HttpApiParameterMappingValue {
    // [D] "Only the special characters . and _ are supported" in context variable names.
    private static final Pattern CONTEXT_NAME = Pattern.compile("[A-Za-z0-9._]+");

    enum Side { REQUEST, RESPONSE }

    enum Kind { HEADER, QUERYSTRING, BODY, BODY_JSONPATH, PATH, PATH_PARAMETER, CONTEXT, STAGE_VARIABLE }

    private sealed interface Part permits Literal, Variable {}

    private record Literal(String text) implements Part {}

    private record Variable(Kind kind, String name, @Nullable JsonPath jsonPath) implements Part {}

    private final List<Part> parts;

    private HttpApiParameterMappingValue(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** @throws IllegalArgumentException with what is wrong, for a variable this side does not offer */
    static HttpApiParameterMappingValue parse(String text, Side side) {
        if (text.startsWith("$") && !text.startsWith("${") && isVariable(text.substring(1))) {
            return new HttpApiParameterMappingValue(List.of(variable(text.substring(1), side)));
        }
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("${", at);
            if (open < 0) {
                parts.add(new Literal(text.substring(at)));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("'${' at index " + open + " has no closing '}' in '" + text + "'");
            }
            if (open > at) {
                parts.add(new Literal(text.substring(at, open)));
            }
            parts.add(variable(text.substring(open + 2, close), side));
            at = close + 1;
        }
        return new HttpApiParameterMappingValue(parts);
    }

    /** The text when the value has no variables, else null. */
    @Nullable String staticText() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (!(part instanceof Literal literal)) {
                return null;
            }
            text.append(literal.text());
        }
        return text.toString();
    }

    /**
     * The value for one request or response. A variable without a value renders as empty text inside other text;
     * when no part has a value at all the result is null and the mapping is skipped (AWS's behaviour for missing
     * values is unconfirmed).
     */
    @Nullable String evaluate(HttpApiParameterMappingSources in) {
        StringBuilder text = new StringBuilder();
        boolean anyValue = parts.isEmpty();
        for (Part part : parts) {
            String value = part instanceof Literal literal ? literal.text() : value((Variable) part, in);
            if (value != null) {
                anyValue = true;
                text.append(value);
            }
        }
        return anyValue ? text.toString() : null;
    }

    private static @Nullable String value(Variable variable, HttpApiParameterMappingSources in) {
        return switch (variable.kind()) {
            case HEADER -> in.header(variable.name());
            case QUERYSTRING -> in.querystring(variable.name());
            case BODY -> in.body();
            case BODY_JSONPATH -> in.bodyPath(Objects.requireNonNull(variable.jsonPath()));
            case PATH -> in.path();
            case PATH_PARAMETER -> in.pathParameter(variable.name());
            case CONTEXT -> in.context(variable.name());
            case STAGE_VARIABLE -> in.stageVariable(variable.name());
        };
    }

    private static boolean isVariable(String expression) {
        return expression.startsWith("request.") || expression.startsWith("response.")
                || expression.startsWith("context.") || expression.startsWith("stageVariables.");
    }

    private static Variable variable(String expression, Side side) {
        String scope = side == Side.REQUEST ? "request." : "response.";
        if (expression.startsWith("context.")) {
            String name = expression.substring("context.".length());
            if (!CONTEXT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a context variable name: only letters, "
                        + "digits, '.' and '_' are supported");
            }
            return new Variable(Kind.CONTEXT, name, null);
        }
        if (expression.startsWith("stageVariables.")) {
            return named(Kind.STAGE_VARIABLE, expression.substring("stageVariables.".length()), expression);
        }
        if (!expression.startsWith(scope)) {
            throw new IllegalArgumentException("unknown variable '" + expression + "'; use " + scope
                    + (side == Side.REQUEST ? "{header|querystring|path}.NAME, request.path, request.body[.JSONPath]"
                            : "header.NAME, response.body[.JSONPath]")
                    + ", context.NAME or stageVariables.NAME");
        }
        String rest = expression.substring(scope.length());
        if (rest.equals("body")) {
            return new Variable(Kind.BODY, "", null);
        }
        if (rest.startsWith("body.") || rest.startsWith("body[")) {
            return bodyPath(rest.substring(rest.charAt(4) == '.' ? 5 : 4));
        }
        if (side == Side.REQUEST && rest.equals("path")) {
            return new Variable(Kind.PATH, "", null);
        }
        if (rest.startsWith("header.")) {
            return named(Kind.HEADER, rest.substring("header.".length()), expression);
        }
        if (side == Side.REQUEST && rest.startsWith("querystring.")) {
            return named(Kind.QUERYSTRING, rest.substring("querystring.".length()), expression);
        }
        if (side == Side.REQUEST && rest.startsWith("path.")) {
            return named(Kind.PATH_PARAMETER, rest.substring("path.".length()), expression);
        }
        throw new IllegalArgumentException("unknown variable '" + expression + "'");
    }

    private static Variable bodyPath(String path) {
        // [D] "Recursive descent ($request.body..name) and filter expressions (?(expression)) aren't supported."
        if (path.isEmpty() || path.startsWith(".") || path.contains("..") || path.contains("?(")) {
            throw new IllegalArgumentException("'" + path + "' is not a supported JSONPath: recursive descent (..) and"
                    + " filter expressions (?(…)) are not supported");
        }
        return new Variable(Kind.BODY_JSONPATH, path, ParameterMappingJson.compile(path));
    }

    private static Variable named(Kind kind, String name, String expression) {
        if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '$' || c == '{')) {
            throw new IllegalArgumentException("'" + expression + "' does not name a " + kind.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' '));
        }
        return new Variable(kind, name, null);
    }
}
