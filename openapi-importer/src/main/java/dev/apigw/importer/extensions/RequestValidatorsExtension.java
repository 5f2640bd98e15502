package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import dev.apigw.model.RequestValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-request-validators} (the named validators of a REST API) and
 * {@code x-amazon-apigateway-request-validator} (the validator in force: the API's default at the root, a
 * method's own on an operation).
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validators.html">
 *     x-amazon-apigateway-request-validators</a>
 */
public final class RequestValidatorsExtension {

    public static final String NAME = "x-amazon-apigateway-request-validators";
    public static final String SELECTED = "x-amazon-apigateway-request-validator";

    private RequestValidatorsExtension() {}

    /** The validators by name; each flag defaults to false, as on AWS. */
    public static Map<String, RequestValidator> readValidators(SpecNode node, Problems problems) {
        Map<String, RequestValidator> validators = new LinkedHashMap<>();
        node.fields(problems).forEach((name, validator) -> {
            if (!validator.isObject()) {
                problems.error(validator.location(), "expected an object (validateRequestBody,"
                        + " validateRequestParameters) but found `" + validator.toJson() + "`.");
                return;
            }
            validators.put(name, new RequestValidator(
                    validator.get("validateRequestBody").bool(problems, false),
                    validator.get("validateRequestParameters").bool(problems, false)));
        });
        return validators;
    }

    /** The name of the validator {@code node} selects, which must be declared. */
    public static @Nullable String readSelected(
            SpecNode node, Map<String, RequestValidator> validators, Problems problems) {
        String name = node.text(problems);
        if (name == null || validators.containsKey(name)) {
            return name;
        }
        problems.error(node.location(), "unknown request validator `" + name + "`. " + (validators.isEmpty()
                ? "Declare it under " + NAME + " at the root of the document."
                : "Expected one of " + String.join(", ", validators.keySet()) + " (declared under " + NAME + ")."));
        return null;
    }
}
