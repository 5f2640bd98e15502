package dev.apigw.emulator.integration;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a non-proxy integration produced, before integration-response mapping.
 *
 * @param status the backend's status, 200 for a Lambda result, the MOCK's statusCode
 * @param selectionValue what selection patterns are matched against — the Lambda {@code errorMessage} of a function
 *     error, or the status code as text; null for a successful Lambda result, which always takes the default
 *     response on AWS, even when a pattern such as {@code 200} would match [S test_lambda_selection_patterns]
 */
record IntegrationOutput(int status, Map<String, List<String>> headers, byte[] body, @Nullable String selectionValue) {

    IntegrationOutput {
        headers = Map.copyOf(headers);
    }

    static IntegrationOutput ofStatus(int status, Map<String, List<String>> headers, byte[] body) {
        return new IntegrationOutput(status, headers, body, String.valueOf(status));
    }

    static IntegrationOutput lambdaResult(byte[] payload) {
        return new IntegrationOutput(200, Map.of(), payload, null);
    }

    static IntegrationOutput lambdaError(byte[] errorDocument, String errorMessage) {
        return new IntegrationOutput(200, Map.of(), errorDocument, errorMessage);
    }
}
