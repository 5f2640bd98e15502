package dev.apigw.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.model.ApiType;
import java.util.List;

/**
 * Decides what kind of API a document describes when the caller does not say. A document with apigw's root
 * {@code x-apigw-websocket} is a WebSocket API. Otherwise Swagger 2.0 is
 * always REST (HTTP APIs import OpenAPI 3 only). An OpenAPI 3 document is an HTTP API when it uses something only
 * HTTP APIs have: a {@code /$default} path, an integration with {@code payloadFormatVersion}, or the root
 * {@code x-amazon-apigateway-cors} / {@code x-amazon-apigateway-importexport-version}; otherwise it is REST.
 */
final class ApiTypeDetection {

    private static final List<String> HTTP_ONLY_ROOT_EXTENSIONS =
            List.of("x-amazon-apigateway-cors", "x-amazon-apigateway-importexport-version");
    private static final String INTEGRATION = "x-amazon-apigateway-integration";

    private ApiTypeDetection() {}

    static ApiType detect(ParsedSpec spec) {
        if (spec.root().has(ExtensionNames.WEBSOCKET)) {
            return ApiType.WEBSOCKET;
        }
        if (spec.isSwagger2()) {
            return ApiType.REST;
        }
        JsonNode root = spec.root();
        boolean httpOnly = HTTP_ONLY_ROOT_EXTENSIONS.stream().anyMatch(root::has)
                || root.path("paths").has("/$default")
                || anyOperationHasPayloadFormat(root.path("paths"))
                || anyHasPayloadFormat(root.path("components").path("x-amazon-apigateway-integrations"));
        return httpOnly ? ApiType.HTTP : ApiType.REST;
    }

    private static boolean anyOperationHasPayloadFormat(JsonNode paths) {
        for (JsonNode item : paths) {
            for (JsonNode operation : item) {
                if (operation.path(INTEGRATION).has("payloadFormatVersion")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyHasPayloadFormat(JsonNode integrations) {
        for (JsonNode integration : integrations) {
            if (integration.has("payloadFormatVersion")) {
                return true;
            }
        }
        return false;
    }
}
