package dev.apigw.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.TreeSet;

/**
 * The message texts of fge json-schema-validator 2.2 (its {@code validation.properties} bundle) for the draft 4
 * keywords, filled in from a violation. Keywords without a text here fall back to the violation's own message.
 */
final class FgeText {
    private FgeText() {}

    /**
     * @param keyword the violated keyword
     * @param schema the schema object holding the keyword
     * @param violations the violations of that keyword at one instance location (several for
     *     {@code required} and {@code additionalProperties}, one per property)
     */
    static String keyword(String keyword, JsonNode schema, List<ValidationMessage> violations) {
        ValidationMessage first = violations.get(0);
        JsonNode instance = first.getInstanceNode();
        JsonNode value = schema.path(keyword);
        switch (keyword) {
            case "required":
                return "object has missing required properties (" + properties(violations) + ")";
            case "additionalProperties":
                return "object instance has properties which are not allowed by the schema: " + properties(violations);
            case "type":
                return "instance type (" + typeOf(instance) + ") does not match any allowed primitive type (allowed: "
                        + allowedTypes(value.isMissingNode() ? first.getSchemaNode() : value) + ")";
            case "enum":
                return "instance value (" + instance + ") not found in enum (possible values: " + value + ")";
            case "pattern":
                return "ECMA 262 regex \"" + value.asText() + "\" does not match input string \"" + instance.asText()
                        + "\"";
            case "minLength":
                return "string \"" + instance.asText() + "\" is too short (length: " + length(instance)
                        + ", required minimum: " + value + ")";
            case "maxLength":
                return "string \"" + instance.asText() + "\" is too long (length: " + length(instance)
                        + ", maximum allowed: " + value + ")";
            case "minimum":
                return schema.path("exclusiveMinimum").asBoolean(false) && instance.decimalValue().compareTo(
                                value.decimalValue()) == 0
                        ? "numeric instance is not strictly greater than the required minimum " + value
                        : "numeric instance is lower than the required minimum (minimum: " + value + ", found: "
                                + instance + ")";
            case "maximum":
                return schema.path("exclusiveMaximum").asBoolean(false) && instance.decimalValue().compareTo(
                                value.decimalValue()) == 0
                        ? "numeric instance is not strictly lower than the required maximum " + value
                        : "numeric instance is greater than the required maximum (maximum: " + value + ", found: "
                                + instance + ")";
            case "multipleOf":
                return "remainder of division is not zero (" + instance + " / " + value + ")";
            case "minItems":
                return "array is too short: must have at least " + value + " elements but instance has "
                        + instance.size() + " elements";
            case "maxItems":
                return "array is too long: must have at most " + value + " elements but instance has "
                        + instance.size() + " elements";
            case "uniqueItems":
                return "array must not contain duplicate elements";
            case "minProperties":
                return "object has too few properties (found " + instance.size() + " but schema requires at least "
                        + value + ")";
            case "maxProperties":
                return "object has too many properties (found " + instance.size() + " but schema requires at most "
                        + value + ")";
            default:
                return withoutLocation(first);
        }
    }

    static String combinator(String keyword, int branches, int failedBranches, List<ValidationMessage> own) {
        switch (keyword) {
            case "oneOf":
                Object[] arguments = own.isEmpty() ? new Object[0] : own.get(0).getArguments();
                String matched = arguments.length > 0 ? String.valueOf(arguments[0]) : "0";
                return "instance failed to match exactly one schema (matched " + matched + " out of " + branches + ")";
            case "anyOf":
                return "instance failed to match at least one required schema among " + branches;
            case "allOf":
                return "instance failed to match all required schemas (matched only " + (branches - failedBranches)
                        + " out of " + branches + ")";
            default:
                return "instance matched a schema which it should not have";
        }
    }

    /** The names of the properties the violations are about, sorted, as a JSON array. */
    private static String properties(List<ValidationMessage> violations) {
        TreeSet<String> names = new TreeSet<>();
        for (ValidationMessage violation : violations) {
            if (violation.getProperty() != null) {
                names.add(violation.getProperty());
            }
        }
        return SchemaMessages.textArray(names).toString();
    }

    /** fge's type names: {@code 1} is an integer, {@code 1.0} a number. */
    static String typeOf(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY:
                return "array";
            case BOOLEAN:
                return "boolean";
            case NUMBER:
                return node.isIntegralNumber() ? "integer" : "number";
            case OBJECT:
                return "object";
            case STRING:
                return "string";
            default:
                return "null";
        }
    }

    /** The allowed types in fge's order (its {@code NodeType} enum, which is alphabetical). */
    private static String allowedTypes(JsonNode type) {
        TreeSet<String> names = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> names.add(t.asText()));
        } else {
            names.add(type.asText());
        }
        return SchemaMessages.textArray(names).toString();
    }

    private static int length(JsonNode text) {
        String s = text.asText();
        return s.codePointCount(0, s.length());
    }

    private static String withoutLocation(ValidationMessage violation) {
        String message = violation.getMessage();
        String prefix = violation.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
