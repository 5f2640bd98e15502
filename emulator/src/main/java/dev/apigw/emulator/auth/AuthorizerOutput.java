package dev.apigw.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Lambda authorizer's output as API Gateway reads it: principal, IAM policy, context, usage key. The policy is
 * kept, not its verdict, because a cached output is evaluated again against each request's method ARN [K].
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
record AuthorizerOutput(
        @Nullable String principalId,
        List<Statement> statements,
        Map<String, String> context,
        @Nullable String usageIdentifierKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One policy statement with its actions and resources compiled to patterns. */
    record Statement(boolean allow, List<Pattern> actions, List<Pattern> resources) {
        boolean matches(String methodArn) {
            return actions.stream().anyMatch(a -> a.matcher("execute-api:Invoke").matches())
                    && resources.stream().anyMatch(r -> r.matcher(methodArn).matches());
        }
    }

    /** Thrown for output API Gateway cannot use (AUTHORIZER_CONFIGURATION_ERROR). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static AuthorizerOutput parse(byte[] payload) throws Malformed {
        JsonNode root;
        try {
            root = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Malformed("authorizer output is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("authorizer output is not a JSON object");
        }
        JsonNode policy = root.get("policyDocument");
        if (policy == null || !policy.isObject()) {
            throw new Malformed("Could not parse policy: no policyDocument object");
        }
        JsonNode statementNode = policy.get("Statement");
        if (statementNode == null || !(statementNode.isArray() || statementNode.isObject())) {
            throw new Malformed("Could not parse policy: no Statement");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode statement : statementNode.isArray() ? statementNode : List.of(statementNode)) {
            statements.add(statement(statement));
        }
        return new AuthorizerOutput(text(root.get("principalId")), List.copyOf(statements), context(root.get("context")),
                text(root.get("usageIdentifierKey")));
    }

    /** Explicit Deny wins over any Allow; no matching Allow is an implicit deny. */
    AuthorizationResult.@Nullable Denied evaluate(String methodArn) {
        if (statements.stream().anyMatch(s -> !s.allow() && s.matches(methodArn))) {
            return AuthorizationResult.Denied.explicitDeny("policy denies " + methodArn);
        }
        if (statements.stream().noneMatch(s -> s.allow() && s.matches(methodArn))) {
            return AuthorizationResult.Denied.implicitDeny("no policy statement allows " + methodArn);
        }
        return null;
    }

    private static Statement statement(JsonNode statement) throws Malformed {
        if (!statement.isObject()) {
            throw new Malformed("Could not parse policy: a Statement is not an object");
        }
        String effect = text(statement.get("Effect"));
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw new Malformed("Could not parse policy: Effect must be Allow or Deny, was " + effect);
        }
        // IAM action names are case-insensitive; resource ARNs are matched case-sensitively.
        List<Pattern> actions = patterns(statement.get("Action"), "Action", Pattern.CASE_INSENSITIVE);
        List<Pattern> resources = patterns(statement.get("Resource"), "Resource", 0);
        return new Statement("Allow".equals(effect), actions, resources);
    }

    private static List<Pattern> patterns(@Nullable JsonNode node, String field, int flags) throws Malformed {
        List<Pattern> patterns = new ArrayList<>();
        if (node != null && node.isTextual()) {
            patterns.add(wildcard(node.asText(), flags));
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new Malformed("Could not parse policy: " + field + " entries must be strings");
                }
                patterns.add(wildcard(item.asText(), flags));
            }
        } else {
            throw new Malformed("Could not parse policy: " + field + " must be a string or a list");
        }
        return List.copyOf(patterns);
    }

    /** IAM wildcards: {@code *} any run of characters (slashes too), {@code ?} exactly one. */
    static Pattern wildcard(String glob, int flags) {
        StringBuilder regex = new StringBuilder(glob.length() + 8);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), flags | Pattern.DOTALL);
    }

    /** Strings, numbers and booleans, each as a string; objects and arrays are not allowed [D]. */
    private static Map<String, String> context(@Nullable JsonNode node) throws Malformed {
        Map<String, String> context = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return context;
        }
        if (!node.isObject()) {
            throw new Malformed("context must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw new Malformed("context value '" + field.getKey() + "' is an "
                        + (value.isArray() ? "array" : "object") + "; only strings, numbers and booleans are allowed");
            }
            if (!value.isNull()) {
                context.put(field.getKey(), value.asText());
            }
        }
        return context;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.asText();
    }
}
