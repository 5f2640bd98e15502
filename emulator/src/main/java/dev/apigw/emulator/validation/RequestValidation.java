package dev.apigw.emulator.validation;

import static java.util.Objects.requireNonNull;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.RestApi;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A REST method's request validation, compiled once at startup: what its request validator
 * ({@code x-amazon-apigateway-request-validator}) asks for. Without a validator AWS enforces nothing, neither
 * required parameters nor the body model. Parameters are checked before the body [L].
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 *
 * <pre>{@code
 * RequestValidation validation = RequestValidation.compile(api, method);
 * validation.check(request, route.pathParameters()).ifPresent(failure -> ...);
 * }</pre>
 */
public final class RequestValidation {
    private static final RequestValidation NONE = new RequestValidation(null, null);

    private final @Nullable RequiredParameters parameters;
    private final @Nullable RequestBodies bodies;

    private RequestValidation(@Nullable RequiredParameters parameters, @Nullable RequestBodies bodies) {
        this.parameters = parameters;
        this.bodies = bodies;
    }

    /** Validation that lets every request through, for methods without a validator and for HTTP APIs. */
    public static RequestValidation none() {
        return NONE;
    }

    /**
     * The validation the method's request validator asks for. The importer has already folded the API-level
     * default validator into {@link Method#requestValidator()}; a name the API does not define validates nothing
     * (the importer reports it).
     *
     * @throws IllegalArgumentException if a model the method uses has a schema that is not JSON
     */
    public static RequestValidation compile(RestApi api, Method method) {
        requireNonNull(api, "api");
        String name = method.requestValidator();
        RequestValidator validator = name == null ? null : api.requestValidators().get(name);
        if (validator == null) {
            return NONE;
        }
        RequiredParameters parameters =
                validator.validateRequestParameters() ? new RequiredParameters(method.requestParameters()) : null;
        RequestBodies bodies =
                validator.validateRequestBody() ? RequestBodies.compile(api, method.requestModels()) : null;
        return parameters == null && bodies == null ? NONE : new RequestValidation(parameters, bodies);
    }

    /** The first failure, parameters before body; empty when the request may go on to the integration. */
    public Optional<ValidationFailure> check(GatewayRequest request, Map<String, String> pathParameters) {
        if (parameters != null) {
            Optional<ValidationFailure> failure = parameters.check(request, pathParameters);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return bodies == null ? Optional.empty() : bodies.check(request);
    }

    /** Whether {@link #check} can ever fail; false for {@link #none()}. */
    public boolean validates() {
        return this != NONE;
    }
}
