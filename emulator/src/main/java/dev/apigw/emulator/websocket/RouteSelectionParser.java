package dev.apigw.emulator.websocket;

import java.util.ArrayList;
import java.util.List;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;

/**
 * Splits a route selection expression into literal text and body variables, in one pass as AWS evaluates it (no
 * recursive evaluation). A variable is {@code $} followed by a name, or a name between <code>${</code> and
 * {@code }}; without braces the name runs over letters, digits, {@code _}, {@code .} and {@code [...]} and does not
 * end with a dot. {@code \$} is a literal {@code $}; any other backslash is literal text [D].
 */
final class RouteSelectionParser {
    private static final String BODY = "request.body";

    private final String expression;
    private final List<RouteSelectionPart> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    private RouteSelectionParser(String expression) {
        this.expression = expression;
    }

    static List<RouteSelectionPart> parse(String expression) {
        if (expression.isBlank()) {
            throw new IllegalArgumentException(
                    "the route selection expression is empty; WebSocket APIs need one, e.g. $request.body.action");
        }
        return new RouteSelectionParser(expression).parse();
    }

    private List<RouteSelectionPart> parse() {
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\\' && expression.startsWith("$", i + 1)) {
                literal.append('$');
                i += 2;
            } else if (c == '$') {
                i = variable(i);
            } else {
                literal.append(c);
                i++;
            }
        }
        flushLiteral();
        return List.copyOf(parts);
    }

    /** Reads the variable at {@code start} (its {@code $}) and returns the index after it. */
    private int variable(int start) {
        flushLiteral();
        String name;
        int end;
        if (expression.startsWith("{", start + 1)) {
            int close = expression.indexOf('}', start + 2);
            if (close < 0) {
                throw malformed("'${' at position " + start + " has no closing '}'");
            }
            name = expression.substring(start + 2, close);
            end = close + 1;
        } else {
            end = unbracedEnd(start + 1);
            name = expression.substring(start + 1, end);
        }
        if (name.isEmpty()) {
            throw malformed("'$' at position " + start + " is not followed by a variable; write \\$ for a literal $");
        }
        parts.add(bodyPath(name));
        return end;
    }

    private int unbracedEnd(int from) {
        int i = from;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '[') {
                int close = expression.indexOf(']', i);
                if (close < 0) {
                    throw malformed("'[' at position " + i + " has no closing ']'");
                }
                i = close + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                i++;
            } else {
                break;
            }
        }
        while (i > from && expression.charAt(i - 1) == '.') {
            i--;
        }
        return i;
    }

    private RouteSelectionPart bodyPath(String name) {
        if (!name.equals(BODY) && !name.startsWith(BODY + ".") && !name.startsWith(BODY + "[")) {
            throw malformed("'$" + name + "' is not supported; WebSocket route selection reads only the message body"
                    + " ($request.body.<JSONPath>). Write \\$ for a literal $, e.g. \\$default");
        }
        String path = "$" + name.substring(BODY.length());
        try {
            return new RouteSelectionPart.BodyPath(name, JsonPath.compile(path));
        } catch (InvalidPathException e) {
            throw malformed("'$" + name + "' is not a valid JSONPath (" + e.getMessage() + ")");
        }
    }

    private void flushLiteral() {
        if (literal.length() > 0) {
            parts.add(new RouteSelectionPart.Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    private IllegalArgumentException malformed(String detail) {
        return new IllegalArgumentException("route selection expression '" + expression + "': " + detail);
    }
}
