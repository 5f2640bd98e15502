package dev.apigw.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Lambda authorizer's IAM-policy output as API Gateway reads it: principal, policy, context, usage key. The policy
 * is kept, not its verdict, because a cached output is evaluated again against each request's method ARN [K].
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html and
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 *
 * @param context in the order returned; each value a string ({@link ContextValues#SCALARS}) or as JSON gave it
 *     ({@link ContextValues#ANY}: String, Number, Boolean, List, Map or null)
 */
record AuthorizerOutput(
        @Nullable String principalId,
        List<Statement> statements,
        Map<String, Object> context,
        @Nullable String usageIdentifierKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    AuthorizerOutput {
        statements = List.copyOf(statements);
        // Not Map.copyOf: a payload 2.0 context may hold nulls.
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** Which {@code context} values an API accepts. */
    enum ContextValues {
        /**
         * REST APIs (and HTTP API payload 1.0, the REST-compatible format): strings, numbers and booleans, each kept
         * as a string; an object or array is an error [D]. HTTP API 1.0 follows REST here (unconfirmed).
         */
        SCALARS,
        /** HTTP API payload 2.0: any JSON value, arrays and objects too [D http-api-lambda-authorizer example]. */
        ANY
    }

    /** How a policy judges one ARN. */
    enum Verdict { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

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

    /** REST rules: context values must be scalars. */
    static AuthorizerOutput parse(byte[] payload) throws Malformed {
        return parse(payload, ContextValues.SCALARS);
    }

    static AuthorizerOutput parse(byte[] payload, ContextValues contextValues) throws Malformed {
        return parse(object(payload), contextValues);
    }

    static AuthorizerOutput parse(JsonNode root, ContextValues contextValues) throws Malformed {
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
        return new AuthorizerOutput(text(root.get("principalId")), List.copyOf(statements),
                context(root.get("context"), contextValues), text(root.get("usageIdentifierKey")));
    }

    /** The payload as a JSON object, or why it is not one. */
    static JsonNode object(byte[] payload) throws Malformed {
        JsonNode root;
        try {
            root = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Malformed("authorizer output is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("authorizer output is not a JSON object");
        }
        return root;
    }

    /** Explicit Deny wins over any Allow; no matching Allow is an implicit deny. */
    Verdict verdict(String arn) {
        if (statements.stream().anyMatch(s -> !s.allow() && s.matches(arn))) {
            return Verdict.EXPLICIT_DENY;
        }
        if (statements.stream().noneMatch(s -> s.allow() && s.matches(arn))) {
            return Verdict.IMPLICIT_DENY;
        }
        return Verdict.ALLOW;
    }

    /** The verdict as a REST API answers it: null when allowed, else 403 ACCESS_DENIED with AWS's message. */
    AuthorizationResult.@Nullable Denied evaluate(String methodArn) {
        return switch (verdict(methodArn)) {
            case EXPLICIT_DENY -> AuthorizationResult.Denied.explicitDeny("policy denies " + methodArn);
            case IMPLICIT_DENY -> AuthorizationResult.Denied.implicitDeny("no policy statement allows " + methodArn);
            case ALLOW -> null;
        };
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

    /**
     * The {@code context} object in the order returned. {@link ContextValues#SCALARS}: strings, numbers and booleans,
     * each as a string, nulls dropped; {@link ContextValues#ANY}: every value as JSON gave it.
     */
    static Map<String, Object> context(@Nullable JsonNode node, ContextValues contextValues) throws Malformed {
        Map<String, Object> context = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return context;
        }
        if (!node.isObject()) {
            throw new Malformed("context must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (contextValues == ContextValues.ANY) {
                context.put(field.getKey(), JSON.convertValue(value, Object.class));
                continue;
            }
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
