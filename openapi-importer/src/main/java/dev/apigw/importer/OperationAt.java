package dev.apigw.importer;

import dev.apigw.importer.extensions.SpecNode;
import dev.apigw.model.HttpMethod;
import io.swagger.v3.oas.models.Operation;
import java.util.Map;

/** One operation of the document: its method, swagger-parser's reading of it, and where it is written. */
record OperationAt(HttpMethod method, Operation operation, String location) {

    /** An extension of the operation, located below it. */
    SpecNode extension(String name) {
        Map<String, Object> extensions = operation.getExtensions();
        return SpecNode.of(extensions == null ? null : extensions.get(name), location + "." + name);
    }
}
