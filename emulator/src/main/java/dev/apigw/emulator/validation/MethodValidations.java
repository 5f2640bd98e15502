package dev.apigw.emulator.validation;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.Api;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import org.jspecify.annotations.Nullable;

/** The request validation of every REST method, compiled at startup; the pipeline's validate stage. */
public final class MethodValidations {
    private final Map<Method, RequestValidation> byMethod;

    private MethodValidations(Map<Method, RequestValidation> byMethod) {
        this.byMethod = byMethod;
    }

    /** @param problems receives a line for each model schema that cannot be compiled */
    public static MethodValidations compile(Api api, List<String> problems) {
        Map<Method, RequestValidation> byMethod = new IdentityHashMap<>();
        if (api instanceof RestApi rest) {
            for (Resource resource : rest.resources()) {
                for (Method method : resource.methods().values()) {
                    try {
                        RequestValidation validation = RequestValidation.compile(rest, method);
                        if (validation.validates()) {
                            byMethod.put(method, validation);
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add("paths." + resource.path() + ": " + e.getMessage());
                    }
                }
            }
        }
        return new MethodValidations(byMethod);
    }

    /** @throws GatewayException BAD_REQUEST_PARAMETERS or BAD_REQUEST_BODY, with AWS's message */
    public void check(@Nullable Method method, GatewayRequest request, Map<String, String> pathParameters) {
        RequestValidation validation = method == null ? null : byMethod.get(method);
        if (validation == null) {
            return;
        }
        validation.check(request, pathParameters).ifPresent(failure -> {
            throw new GatewayException(GatewayError.valueOf(failure.kind().name()), failure.validationErrorString(),
                    failure.message(), failure.validationErrorString());
        });
    }
}
