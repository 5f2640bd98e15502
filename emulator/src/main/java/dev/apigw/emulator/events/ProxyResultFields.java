package dev.apigw.emulator.events;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a Lambda proxy result the way API Gateway does. The REST rules observed on real AWS (numeric
 * strings accepted as statusCode, booleans stringified in headers, a bare string in multiValueHeaders rejected,
 * unknown keys rejected) [S test_aws_proxy_response_payload_format_validation] are exactly what default Jackson
 * data binding into {@code {Integer statusCode; Map<String,String> headers; Map<String,List<String>>
 * multiValueHeaders; String body; Boolean isBase64Encoded}} does, so cases AWS does not show follow that model:
 * scalars coerce to strings, objects and arrays where a string belongs are malformed, {@code null} means absent.
 */
final class ProxyResultFields {
    private ProxyResultFields() {}

    static GatewayException malformed(String why) {
        return new GatewayException(GatewayError.LAMBDA_PROXY_FAILURE, "Malformed Lambda proxy response: " + why);
    }

    static boolean isAbsent(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /**
     * 200 when absent [S]; an integer or a numeric string ({@code "201"}) [S]; anything else, or a number outside
     * 100–599, is malformed (the range check is ours: AWS's reaction to e.g. 600 is unconfirmed).
     */
    static int statusCode(@Nullable JsonNode node) {
        if (isAbsent(node)) {
            return 200;
        }
        int status;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            status = node.intValue();
        } else if (node.isFloatingPointNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0) {
            status = node.intValue();
        } else if (node.isTextual()) {
            try {
                status = Integer.parseInt(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw malformed("statusCode '" + node.textValue() + "' is not a number");
            }
        } else {
            throw malformed("statusCode must be a number, was " + node.getNodeType());
        }
        if (status < 100 || status > 599) {
            throw malformed("statusCode " + status + " is not an HTTP status");
        }
        return status;
    }

    /** A string field's value: strings as they are, numbers and booleans as their JSON text, null when absent. */
    static @Nullable String scalar(@Nullable JsonNode node, String where) {
        if (isAbsent(node)) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw malformed(where + " must be a string, was " + node.getNodeType());
    }

    /** {@code headers}: an object of scalar values; {@code null} is no headers [S]. */
    static void headers(@Nullable JsonNode node, BiConsumer<String, String> sink) {
        for (Map.Entry<String, JsonNode> field : fields(node, "headers")) {
            String value = scalar(field.getValue(), "header " + field.getKey());
            if (value != null) {
                sink.accept(field.getKey(), value);
            }
        }
    }

    /** {@code multiValueHeaders}: an object of lists of scalars; a bare value instead of a list is malformed [S]. */
    static void multiValueHeaders(@Nullable JsonNode node, BiConsumer<String, String> sink) {
        for (Map.Entry<String, JsonNode> field : fields(node, "multiValueHeaders")) {
            JsonNode values = field.getValue();
            if (isAbsent(values)) {
                continue;
            }
            if (!values.isArray()) {
                throw malformed("multiValueHeaders." + field.getKey() + " must be a list, was " + values.getNodeType());
            }
            for (JsonNode value : values) {
                String text = scalar(value, "multiValueHeaders." + field.getKey() + " entry");
                if (text != null) {
                    sink.accept(field.getKey(), text);
                }
            }
        }
    }

    /** A list of scalars ({@code cookies}); absent or null is an empty list. */
    static List<String> list(@Nullable JsonNode node, String where) {
        List<String> values = new ArrayList<>();
        if (isAbsent(node)) {
            return values;
        }
        if (!node.isArray()) {
            throw malformed(where + " must be a list, was " + node.getNodeType());
        }
        for (JsonNode value : node) {
            String text = scalar(value, where + " entry");
            if (text != null) {
                values.add(text);
            }
        }
        return values;
    }

    static boolean isBase64Encoded(@Nullable JsonNode node) {
        if (isAbsent(node)) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
        }
        if (node.isIntegralNumber()) {
            return node.longValue() != 0;
        }
        throw malformed("isBase64Encoded must be a boolean, was " + node);
    }

    /** Decodes a base64 body; line breaks and spaces, as MIME encoders write them, are skipped. */
    static byte[] decodeBase64(String body, GatewayError onFailure) {
        StringBuilder compact = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
                compact.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(compact.toString());
        } catch (IllegalArgumentException e) {
            throw new GatewayException(onFailure, "Lambda proxy response body is not valid base64: " + e.getMessage());
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(@Nullable JsonNode node, String where) {
        if (isAbsent(node)) {
            return List.of();
        }
        if (!node.isObject()) {
            throw malformed(where + " must be an object, was " + node.getNodeType());
        }
        return node.properties();
    }
}
