package dev.apigw.emulator.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP API parameter mapping, parsed once: a key such as {@code append:header.x-user} or
 * {@code overwrite:statuscode} with its value. See
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 *
 * @param value null for {@code remove}, whose value API Gateway ignores (its own example passes {@code ''}) [D]
 */
record HttpApiParameterMappingOperation(Action action, Location location, String name,
        @Nullable HttpApiParameterMappingValue value) {

    /** In the order they are applied to one request or response; AWS's order is unconfirmed. */
    enum Action { REMOVE, OVERWRITE, APPEND }

    enum Location { HEADER, QUERYSTRING, PATH, STATUSCODE }

    private static final Pattern REQUEST_KEY = Pattern.compile("(append|overwrite|remove):(header|querystring)\\.(.+)");
    private static final Pattern RESPONSE_KEY = Pattern.compile("(append|overwrite|remove):(header)\\.(.+)");

    // [D "Reserved headers"] "You can't configure request or response mappings for these headers."
    private static final List<String> RESERVED_PREFIXES = List.of("access-control-", "apigw-", "x-amz-", "x-amzn-");
    private static final Set<String> RESERVED = Set.of("authorization", "connection", "content-encoding",
            "content-length", "content-location", "forwarded", "keep-alive", "origin", "proxy-authenticate",
            "proxy-authorization", "te", "trailers", "transfer-encoding", "upgrade", "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-proto", "via");

    /** Compiles a map of mappings into operations in the order they apply (action, then key). */
    static List<HttpApiParameterMappingOperation> compileAll(Map<String, String> mappings, String location,
            boolean response) {
        List<HttpApiParameterMappingOperation> operations = new ArrayList<>();
        mappings.forEach((key, value) -> operations.add(compile(key, value, location + "." + key, response)));
        operations.sort(Comparator.comparing(HttpApiParameterMappingOperation::action)
                .thenComparing(HttpApiParameterMappingOperation::location)
                .thenComparing(HttpApiParameterMappingOperation::name));
        return List.copyOf(operations);
    }

    static boolean isReserved(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        return RESERVED.contains(lower) || RESERVED_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /** The status code a text names, or -1. */
    static int statusCode(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 3 || !trimmed.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(trimmed);
    }

    private static HttpApiParameterMappingOperation compile(String key, @Nullable String value, String where,
            boolean response) {
        HttpApiParameterMappingValue.Side side =
                response ? HttpApiParameterMappingValue.Side.RESPONSE : HttpApiParameterMappingValue.Side.REQUEST;
        if (key.equals(response ? "overwrite:statuscode" : "overwrite:path")) {
            HttpApiParameterMappingValue parsed = value(value, side, where);
            String fixed = parsed.staticText();
            if (response && fixed != null && (statusCode(fixed) < 100 || statusCode(fixed) > 599)) {
                throw new IllegalArgumentException(where + ": '" + fixed + "' is not a status code; use a number "
                        + "from 100 to 599 or a variable");
            }
            return new HttpApiParameterMappingOperation(Action.OVERWRITE,
                    response ? Location.STATUSCODE : Location.PATH, "", parsed);
        }
        Matcher matcher = (response ? RESPONSE_KEY : REQUEST_KEY).matcher(key);
        if (!matcher.matches() || matcher.group(3).chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(where + ": expected a key of the form "
                    + (response ? "append|overwrite|remove:header.NAME or overwrite:statuscode"
                            : "append|overwrite|remove:header.NAME, append|overwrite|remove:querystring.NAME or "
                                    + "overwrite:path")
                    + ", e.g. append:header.x-request-id");
        }
        Location location = matcher.group(2).equals("header") ? Location.HEADER : Location.QUERYSTRING;
        String name = matcher.group(3);
        if (location == Location.HEADER && isReserved(name)) {
            throw new IllegalArgumentException(where + ": API Gateway reserves the header " + name + " and does not "
                    + "let parameter mapping change it; remove this mapping");
        }
        Action action = Action.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
        return new HttpApiParameterMappingOperation(action, location, name,
                action == Action.REMOVE ? null : value(value, side, where));
    }

    private static HttpApiParameterMappingValue value(@Nullable String value, HttpApiParameterMappingValue.Side side,
            String where) {
        try {
            return HttpApiParameterMappingValue.parse(value == null ? "" : value, side);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    @Nullable String evaluate(HttpApiParameterMappingSources in) {
        return value == null ? null : value.evaluate(in);
    }

    /**
     * Applies this header or query string operation. Header names match ignoring case, query string names exactly
     * [D]. An {@code append} or {@code overwrite} whose value is missing does nothing.
     */
    void applyTo(Map<String, List<String>> parameters, @Nullable String evaluated) {
        boolean ignoreCase = location == Location.HEADER;
        if (action == Action.REMOVE) {
            parameters.keySet().removeIf(existing -> same(existing, ignoreCase));
            return;
        }
        if (evaluated == null) {
            return;
        }
        if (action == Action.OVERWRITE) {
            parameters.keySet().removeIf(existing -> same(existing, ignoreCase));
        }
        String key = parameters.keySet().stream().filter(existing -> same(existing, ignoreCase)).findFirst()
                .orElse(name);
        parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(evaluated);
    }

    private boolean same(String existing, boolean ignoreCase) {
        return ignoreCase ? existing.equalsIgnoreCase(name) : existing.equals(name);
    }
}
