package dev.apigw.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A REST API (API Gateway v1): a resource tree with methods and everything else the document says.
 *
 * @param resources resources in document order (each path once)
 * @param policy the resource policy ({@code x-amazon-apigateway-policy}) as JSON text
 * @param minimumCompressionSize {@code x-amazon-apigateway-minimum-compression-size}
 */
public record RestApi(
        String title,
        List<Resource> resources,
        Map<String, SchemaModel> models,
        Map<GatewayResponseType, GatewayResponse> gatewayResponses,
        List<String> binaryMediaTypes,
        ApiKeySource apiKeySource,
        Map<String, RequestValidator> requestValidators,
        Map<String, Authorizer> authorizers,
        @Nullable String policy,
        @Nullable Integer minimumCompressionSize)
        implements Api {

    public RestApi {
        requireNonNull(title, "title");
        resources = List.copyOf(resources);
        models = Map.copyOf(models);
        gatewayResponses = Map.copyOf(gatewayResponses);
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        requireNonNull(apiKeySource, "apiKeySource");
        requestValidators = Map.copyOf(requestValidators);
        authorizers = Map.copyOf(authorizers);
    }

    /** A REST API with only resources, for APIs built in code. */
    public static RestApi of(String title, List<Resource> resources) {
        return new RestApi(title, resources, Map.of(), Map.of(), List.of(), ApiKeySource.HEADER, Map.of(), Map.of(), null, null);
    }

    public Optional<Resource> resource(String path) {
        return resources.stream().filter(r -> r.path().text().equals(path)).findFirst();
    }

    @Override
    public ApiType type() {
        return ApiType.REST;
    }
}
