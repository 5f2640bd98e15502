package dev.apigw.importer.extensions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.importer.Problems;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-policy}: a REST API's resource policy, an IAM policy document written as an object or
 * as a JSON string. Returned as JSON text with the AWS variables resolved.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/openapi-extensions-policy.html">
 *     x-amazon-apigateway-policy</a>
 */
public final class PolicyExtension {

    public static final String NAME = "x-amazon-apigateway-policy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyExtension() {}

    public static @Nullable String read(SpecNode node, Problems problems) {
        if (!node.isPresent()) {
            return null;
        }
        if (node.isObject()) {
            return AwsVariables.resolve(node.toJson());
        }
        String text = node.text(problems);
        if (text == null) {
            return null;
        }
        try {
            if (JSON.readTree(text).isObject()) {
                return AwsVariables.resolve(text);
            }
        } catch (JsonProcessingException e) {
            // reported below, like any other text that is not a policy document
        }
        problems.error(node.location(), "expected an IAM policy document (an object with Version and Statement,"
                + " or that object as a JSON string) but found `" + text + "`.");
        return null;
    }
}
