package dev.apigw.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigw.importer.extensions.SpecNode;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Map;

/**
 * A document that swagger-parser has read: its OpenAPI 3 model (Swagger 2.0 documents are converted) next to the
 * original tree, whose shape the problem locations follow.
 */
record ParsedSpec(JsonNode root, OpenAPI openApi, Version version) {

    /** The versions of the specification that API Gateway imports. */
    enum Version {
        SWAGGER_2_0,
        OPENAPI_3_0,
        OPENAPI_3_1
    }

    boolean isSwagger2() {
        return version == Version.SWAGGER_2_0;
    }

    /** A root-level extension, located at its name. */
    SpecNode rootExtension(String name) {
        Map<String, Object> extensions = openApi.getExtensions();
        return SpecNode.of(extensions == null ? null : extensions.get(name), name);
    }

    /** Where security schemes are in the original document. */
    String securitySchemesLocation() {
        return isSwagger2() ? "securityDefinitions" : "components.securitySchemes";
    }

    /** Where models are in the original document. */
    String schemasLocation() {
        return isSwagger2() ? "definitions" : "components.schemas";
    }
}
