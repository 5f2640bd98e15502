package dev.apigw.emulator.validation;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.events.QueryString;
import dev.apigw.model.RequestParameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameter half of a request validator: every required {@code method.request.{path|querystring|header}.X}
 * must be present and not blank ({@code ?q=} fails). AWS lists the missing names sorted by their full key, so
 * headers come before path parameters before query parameters, e.g.
 * {@code Missing required request parameters: [x-header-param, issuer, qs1]}.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
final class RequiredParameters {
    private final List<RequestParameter> required;

    RequiredParameters(List<RequestParameter> parameters) {
        this.required = parameters.stream()
                .filter(RequestParameter::required)
                .sorted(Comparator.comparing(RequestParameter::expression))
                .toList();
    }

    Optional<ValidationFailure> check(GatewayRequest request, Map<String, String> pathParameters) {
        if (required.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> query = QueryString.parse(request.rawQuery());
        List<String> missing = new ArrayList<>();
        for (RequestParameter parameter : required) {
            List<String> values = switch (parameter.location()) {
                case PATH -> Optional.ofNullable(pathParameters.get(parameter.name())).stream().toList();
                case QUERYSTRING -> query.getOrDefault(parameter.name(), List.of());
                case HEADER -> request.headers().values(parameter.name());
            };
            if (values.stream().allMatch(String::isBlank)) {
                missing.add(parameter.name());
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String message = "Missing required request parameters: [" + String.join(", ", missing) + "]";
        return Optional.of(new ValidationFailure(ValidationFailure.Kind.BAD_REQUEST_PARAMETERS, message, message));
    }
}
