package dev.apigw.emulator.validation;

import dev.apigw.emulator.events.MediaTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.model.RestApi;
import dev.apigw.model.SchemaModel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The body half of a request validator: the body is checked against the JSON schema (draft 4) of the model that
 * the method's {@code requestModels} names for the request's Content-Type. A body that is not JSON fails too; an
 * empty body is validated as {@code {}}.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
final class RequestBodies {
    /** API Gateway assumes JSON when a request has no Content-Type. */
    private static final String DEFAULT_CONTENT_TYPE = "application/json";
    private static final String DEFAULT_MODEL_KEY = "$default";
    private static final String INVALID_BODY = "Invalid request body";
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonSchemaFactory DRAFT_4 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();

    /** Lower-case content type (or {@code $default}) → compiled model. */
    private final Map<String, CompiledModel> schemas;

    /** A model's schema, parsed once, with what turns its violations into AWS's words. */
    private record CompiledModel(JsonSchema schema, SchemaMessages messages) {}

    private RequestBodies(Map<String, CompiledModel> schemas) {
        this.schemas = Map.copyOf(schemas);
    }

    /**
     * Parses each model's schema once. A model name the API does not define is skipped: the importer reports it.
     *
     * @throws IllegalArgumentException if a model's schema is not JSON
     */
    static RequestBodies compile(RestApi api, Map<String, String> requestModels) {
        Map<String, CompiledModel> byModel = new HashMap<>();
        Map<String, CompiledModel> byContentType = new HashMap<>();
        requestModels.forEach((contentType, modelName) -> {
            SchemaModel model = api.models().get(modelName);
            if (model != null) {
                CompiledModel schema = byModel.computeIfAbsent(modelName, name -> parse(model));
                byContentType.put(contentType.toLowerCase(Locale.ROOT), schema);
            }
        });
        return new RequestBodies(byContentType);
    }

    private static CompiledModel parse(SchemaModel model) {
        try {
            JsonNode root = JSON.readTree(model.schemaJson());
            return new CompiledModel(DRAFT_4.getSchema(root, CONFIG), new SchemaMessages(root));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model " + model.name() + " has a schema that is not JSON", e);
        }
    }

    Optional<ValidationFailure> check(GatewayRequest request) {
        CompiledModel model = modelFor(request.headers().first("Content-Type").orElse(null));
        if (model == null) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = parseBody(request.body());
        } catch (JsonProcessingException e) {
            return Optional.of(failure(INVALID_BODY));
        }
        Set<ValidationMessage> violations = model.schema().validate(body);
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        List<String> errors = model.messages().format(body, violations);
        return Optional.of(failure("[" + String.join(", ", errors) + "]"));
    }

    private @Nullable CompiledModel modelFor(@Nullable String header) {
        String contentType = mediaType(header);
        CompiledModel schema = schemas.get(contentType);
        return schema != null ? schema : schemas.get(DEFAULT_MODEL_KEY);
    }

    /** The media type without parameters, lower case; JSON when the header is missing or blank. */
    static String mediaType(@Nullable String header) {
        String type = MediaTypes.essence(header);
        return type.isEmpty() ? DEFAULT_CONTENT_TYPE : type;
    }

    private static JsonNode parseBody(byte[] bytes) throws JsonProcessingException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        // AWS validates an empty body as an empty object [L].
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    private static ValidationFailure failure(String validationErrorString) {
        return new ValidationFailure(ValidationFailure.Kind.BAD_REQUEST_BODY, INVALID_BODY, validationErrorString);
    }
}
