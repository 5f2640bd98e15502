package dev.apigw.emulator.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A REST API's resource policy ({@code x-amazon-apigateway-policy}), evaluated for a caller that is not signed with
 * SigV4 and not identified by a Lambda authorizer, i.e. AWS's {@code anonymous} principal.
 *
 * <p>Evaluation [D policy evaluation for API Gateway resource policies]: an applicable {@code Deny} wins ("with an
 * explicit deny"); otherwise an applicable {@code Allow} lets the request through; otherwise, since a policy is
 * present, the request is implicitly denied. A statement applies when its principal covers anonymous ({@code "*"} or
 * {@code {"AWS":"*"}}), its action covers {@code execute-api:Invoke}, its resource covers the method ARN and every
 * condition holds. Supported conditions: {@code IpAddress} / {@code NotIpAddress} on {@code aws:SourceIp} (IPv4 and
 * IPv6, a bare address or a CIDR, one or a list). Anything else is refused at compile time rather than guessed.
 *
 * <p>The denial body is AWS's {@code {"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on
 * resource: <methodArn>[ with an explicit deny]"}} with the account id masked to its last four digits, e.g.
 * {@code arn:aws:execute-api:us-west-2:********2543:vd2gh6uqw3/api/GET/} [K curl capture, ASFHyP3/hyp3#2283; wording
 * of both variants: AWS Knowledge Center "api-gateway-403-error-lambda-authorizer"].
 */
public final class ResourcePolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTION = "execute-api:Invoke";
    private static final String SHORTHAND = "execute-api:";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final ResourcePolicy ALLOW_ALL = new ResourcePolicy(List.of(), false);

    private final List<Statement> statements;
    private final boolean present;

    private ResourcePolicy(List<Statement> statements, boolean present) {
        this.statements = statements;
        this.present = present;
    }

    /**
     * Compiles a policy document.
     *
     * @param policyJson the policy as JSON text; null when the API has none (everything is allowed)
     * @param location where the policy was written, for error messages
     * @throws IllegalArgumentException when the text is not a policy document this emulator can evaluate
     */
    public static ResourcePolicy compile(@Nullable String policyJson, String location) {
        if (policyJson == null) {
            return ALLOW_ALL;
        }
        JsonNode root;
        try {
            root = JSON.readTree(policyJson);
        } catch (JsonProcessingException e) {
            throw invalid(location, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(location, "expected a policy document (an object with Statement)");
        }
        JsonNode statementNode = root.get("Statement");
        List<JsonNode> nodes = new ArrayList<>();
        if (statementNode != null && statementNode.isObject()) {
            nodes.add(statementNode);
        } else if (statementNode != null && statementNode.isArray()) {
            statementNode.forEach(nodes::add);
        } else {
            throw invalid(location, "Statement must be an object or a list of objects");
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            statements.add(Statement.compile(nodes.get(i), i, location));
        }
        return new ResourcePolicy(List.copyOf(statements), true);
    }

    /** The allow-everything policy of an API without {@code x-amazon-apigateway-policy}. */
    public static ResourcePolicy allowAll() {
        return ALLOW_ALL;
    }

    /** Whether the API has a policy at all. */
    public boolean isPresent() {
        return present;
    }

    /**
     * Evaluates the policy for an anonymous caller.
     *
     * @param methodArn {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}
     * @param sourceIp the caller's address ({@code $context.identity.sourceIp})
     * @return empty when the request may proceed, else the 403 ACCESS_DENIED to send
     */
    public Optional<AuthorizationResult.Denied> evaluate(String methodArn, String sourceIp) {
        if (!present) {
            return Optional.empty();
        }
        byte @Nullable [] ip = parseAddress(sourceIp);
        Statement allowedBy = null;
        for (Statement statement : statements) {
            if (!statement.applies(methodArn, ip)) {
                continue;
            }
            if (!statement.allow()) {
                return Optional.of(denied(methodArn, true,
                        "resource policy: explicit Deny (" + statement.name() + ") for " + methodArn + " from "
                                + sourceIp));
            }
            if (allowedBy == null) {
                allowedBy = statement;
            }
        }
        if (allowedBy != null) {
            return Optional.empty();
        }
        return Optional.of(denied(methodArn, false,
                "resource policy: no Allow statement covers " + methodArn + " from " + sourceIp + " (implicit deny)"));
    }

    /** The message AWS reports, account id masked to its last four digits. */
    static String message(String methodArn, boolean explicit) {
        return "User: anonymous is not authorized to perform: " + ACTION + " on resource: " + maskAccount(methodArn)
                + (explicit ? " with an explicit deny" : "");
    }

    static String maskAccount(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || parts[4].length() <= 4) {
            return arn;
        }
        String account = parts[4];
        parts[4] = "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
        return String.join(":", parts);
    }

    private static AuthorizationResult.Denied denied(String methodArn, boolean explicit, String detail) {
        String message = message(methodArn, explicit);
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("Message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new AuthorizationResult.Denied("ACCESS_DENIED", 403, message, body, "AccessDeniedException", detail);
    }

    private static IllegalArgumentException invalid(String location, String why) {
        return new IllegalArgumentException(
                location + ": invalid resource policy (x-amazon-apigateway-policy): " + why);
    }

    /** An IP literal as bytes (4 or 16); null when it is not one. Never resolves host names. */
    static byte @Nullable [] parseAddress(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            if (!IPV4.matcher(s).matches()) {
                return null;
            }
            for (String octet : s.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else if (!s.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(s).getAddress();
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Statement(
            String name,
            boolean allow,
            boolean anonymous,
            List<Pattern> actions,
            boolean notAction,
            List<ResourcePattern> resources,
            boolean notResource,
            List<IpCondition> conditions) {

        static Statement compile(JsonNode node, int index, String location) {
            if (!node.isObject()) {
                throw invalid(location, "Statement[" + index + "] must be an object");
            }
            String name = node.hasNonNull("Sid") ? "Sid " + node.get("Sid").asText() : "Statement[" + index + "]";
            String where = location + " " + name;
            JsonNode effect = node.get("Effect");
            if (effect == null || !effect.isTextual()
                    || !(effect.asText().equals("Allow") || effect.asText().equals("Deny"))) {
                throw invalid(where, "Effect must be \"Allow\" or \"Deny\"");
            }
            if (node.has("NotPrincipal")) {
                throw invalid(where, "NotPrincipal is not supported");
            }
            boolean anonymous = principal(node.get("Principal"), where);
            boolean notAction = node.has("NotAction");
            if (notAction == node.has("Action")) {
                throw invalid(where, "exactly one of Action and NotAction is required");
            }
            List<Pattern> actions = new ArrayList<>();
            for (String action : strings(node.get(notAction ? "NotAction" : "Action"), where, "Action")) {
                actions.add(AuthorizerOutput.wildcard(action, Pattern.CASE_INSENSITIVE));
            }
            boolean notResource = node.has("NotResource");
            if (notResource == node.has("Resource")) {
                throw invalid(where, "exactly one of Resource and NotResource is required");
            }
            List<ResourcePattern> resources = new ArrayList<>();
            for (String resource : strings(node.get(notResource ? "NotResource" : "Resource"), where, "Resource")) {
                resources.add(ResourcePattern.of(resource, where));
            }
            List<IpCondition> conditions = IpCondition.compile(node.get("Condition"), where);
            return new Statement(name, effect.asText().equals("Allow"), anonymous, List.copyOf(actions), notAction,
                    List.copyOf(resources), notResource, conditions);
        }

        /** True when the principal covers the anonymous caller. */
        private static boolean principal(@Nullable JsonNode node, String where) {
            if (node == null) {
                throw invalid(where, "Principal is required in a resource policy");
            }
            if (node.isTextual()) {
                if (!node.asText().equals("*")) {
                    throw invalid(where, "Principal must be \"*\" or an object such as {\"AWS\": \"*\"}");
                }
                return true;
            }
            if (!node.isObject()) {
                throw invalid(where, "Principal must be \"*\" or an object such as {\"AWS\": \"*\"}");
            }
            boolean anonymous = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                List<String> values = strings(entry.getValue(), where, "Principal." + entry.getKey());
                if (entry.getKey().equals("AWS") && values.contains("*")) {
                    anonymous = true;
                }
            }
            return anonymous;
        }

        boolean applies(String methodArn, byte @Nullable [] ip) {
            if (!anonymous) {
                return false; // names IAM principals: needs AWS_IAM authorization, which this caller lacks
            }
            boolean actionListed = actions.stream().anyMatch(p -> p.matcher(ACTION).matches());
            if (actionListed == notAction) {
                return false;
            }
            boolean resourceListed = resources.stream().anyMatch(r -> r.matches(methodArn));
            if (resourceListed == notResource) {
                return false;
            }
            return conditions.stream().allMatch(c -> c.holds(ip));
        }
    }

    /** A full ARN (wildcards allowed) or AWS's {@code execute-api:/stage/METHOD/path} shorthand for this API. */
    private record ResourcePattern(boolean shorthand, Pattern pattern) {
        static ResourcePattern of(String resource, String where) {
            if (resource.startsWith(SHORTHAND)) {
                return new ResourcePattern(
                        true, AuthorizerOutput.wildcard(resource.substring(SHORTHAND.length()), 0));
            }
            if (!resource.equals("*") && !resource.startsWith("arn:")) {
                throw invalid(where,
                        "Resource `" + resource + "` is neither an ARN nor execute-api:/stage/METHOD/path");
            }
            return new ResourcePattern(false, AuthorizerOutput.wildcard(resource, 0));
        }

        boolean matches(String methodArn) {
            if (!shorthand) {
                return pattern.matcher(methodArn).matches();
            }
            int slash = methodArn.indexOf('/');
            return slash >= 0 && pattern.matcher(methodArn.substring(slash)).matches();
        }
    }

    /** {@code IpAddress} / {@code NotIpAddress} on {@code aws:SourceIp}: any listed range matches. */
    private record IpCondition(boolean negated, List<Cidr> ranges) {

        static List<IpCondition> compile(@Nullable JsonNode node, String where) {
            if (node == null) {
                return List.of();
            }
            if (!node.isObject()) {
                throw invalid(where, "Condition must be an object");
            }
            List<IpCondition> conditions = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> operator = it.next();
                boolean negated;
                switch (operator.getKey()) {
                    case "IpAddress" -> negated = false;
                    case "NotIpAddress" -> negated = true;
                    default -> throw invalid(where, "Condition operator " + operator.getKey()
                            + " is not supported (only IpAddress and NotIpAddress on aws:SourceIp)");
                }
                if (!operator.getValue().isObject()) {
                    throw invalid(where, "Condition." + operator.getKey() + " must be an object");
                }
                for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext(); ) {
                    Map.Entry<String, JsonNode> key = keys.next();
                    if (!key.getKey().toLowerCase(Locale.ROOT).equals("aws:sourceip")) {
                        throw invalid(where,
                                "Condition key " + key.getKey() + " is not supported (only aws:SourceIp)");
                    }
                    List<Cidr> ranges = new ArrayList<>();
                    for (String value : strings(key.getValue(), where, "aws:SourceIp")) {
                        ranges.add(Cidr.parse(value, where));
                    }
                    conditions.add(new IpCondition(negated, List.copyOf(ranges)));
                }
            }
            return List.copyOf(conditions);
        }

        boolean holds(byte @Nullable [] ip) {
            boolean inAny = ip != null && ranges.stream().anyMatch(r -> r.contains(ip));
            return inAny != negated;
        }
    }

    private record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text, String where) {
            int slash = text.indexOf('/');
            byte[] address = parseAddress(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw invalid(where, "aws:SourceIp `" + text + "` is not an IP address or CIDR block");
            }
            int bits = address.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw invalid(where, "aws:SourceIp `" + text + "` has an invalid prefix length");
                }
            }
            return new Cidr(address, prefix);
        }

        boolean contains(byte[] ip) {
            if (ip.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (ip[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (ip[full] & mask) == (network[full] & mask);
        }
    }

    private static List<String> strings(@Nullable JsonNode node, String where, String field) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isTextual()) {
            values.add(node.asText());
        } else if (node != null && node.isArray() && !node.isEmpty()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw invalid(where, field + " must be a string or a list of strings");
                }
                values.add(item.asText());
            }
        } else {
            throw invalid(where, field + " must be a string or a non-empty list of strings");
        }
        return values;
    }
}
