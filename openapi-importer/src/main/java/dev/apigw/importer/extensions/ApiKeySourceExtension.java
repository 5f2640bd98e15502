package dev.apigw.importer.extensions;

import dev.apigw.importer.Problems;
import dev.apigw.model.ApiKeySource;

/**
 * {@code x-amazon-apigateway-api-key-source}: where a REST API reads API keys from, {@code HEADER} (the
 * {@code X-API-Key} header, AWS's default) or {@code AUTHORIZER} (a Lambda authorizer's {@code usageIdentifierKey}).
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-api-key-source.html">
 *     x-amazon-apigateway-api-key-source</a>
 */
public final class ApiKeySourceExtension {

    public static final String NAME = "x-amazon-apigateway-api-key-source";

    private ApiKeySourceExtension() {}

    public static ApiKeySource read(SpecNode node, Problems problems) {
        ApiKeySource source = node.oneOf(problems, ApiKeySource::fromSpec, SpecNode.names(ApiKeySource.values()));
        return source == null ? ApiKeySource.HEADER : source;
    }
}
