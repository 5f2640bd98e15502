package dev.apigw.importer;

import dev.apigw.importer.extensions.AuthExtension;
import dev.apigw.importer.extensions.IntegrationExtension;
import dev.apigw.importer.extensions.RequestValidatorsExtension;
import dev.apigw.importer.extensions.SpecNode;
import dev.apigw.model.Integration;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.RequestParameter;
import dev.apigw.model.RequestValidator;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A REST API method from an operation: its integration and its method request (parameters, body models,
 * validator, security) and method responses.
 */
final class MethodReader {

    private static final String STATUS_CODE = "[1-5]\\d\\d";
    private static final Pattern METHOD_PARAMETER = Pattern.compile(
            "method\\.request\\.(path|querystring|multivaluequerystring|header|multivalueheader)\\.(.+)");

    private final ApiContext context;
    private final SchemaModels models;
    private final Map<String, RequestValidator> validators;
    private final @Nullable String defaultValidator;

    MethodReader(ApiContext context, SchemaModels models, Map<String, RequestValidator> validators,
            @Nullable String defaultValidator) {
        this.context = context;
        this.models = models;
        this.validators = validators;
        this.defaultValidator = defaultValidator;
    }

    /**
     * The method, or null when it has no usable integration (reported). The rest of the operation is read either
     * way, so that its problems are reported too.
     */
    @Nullable Method read(OperationAt at, String modelBaseName) {
        Integration integration = context.integrations().read(at.extension(IntegrationExtension.NAME));
        Operation operation = at.operation();
        SecuritySchemes.Access access = context.schemes().access(operation.getSecurity(), at.location() + ".security");
        String authType = AuthExtension.read(at.extension(AuthExtension.NAME), context.problems());
        SpecNode validatorNode = at.extension(RequestValidatorsExtension.SELECTED);
        String validator = validatorNode.isPresent()
                ? RequestValidatorsExtension.readSelected(validatorNode, validators, context.problems())
                : defaultValidator;
        RequestBody body = operation.getRequestBody();
        List<RequestParameter> parameters = parameters(operation, at.location());
        Map<String, String> requestModels = requestModels(body, at.location(), modelBaseName);
        Map<String, MethodResponse> responses = responses(operation, at.location(), modelBaseName);
        if (integration == null) {
            return null;
        }
        warnUndeclaredMappings(at.extension(IntegrationExtension.NAME), integration, parameters);
        return new Method(
                at.method(),
                operation.getOperationId(),
                integration,
                parameters,
                requestModels,
                body != null && Boolean.TRUE.equals(body.getRequired()),
                responses,
                validator,
                access.security(),
                access.apiKeyRequired(),
                authType == null && access.iam() ? "AWS_IAM" : authType);
    }

    /**
     * A mapping from a method request parameter the method does not declare runs here, but AWS refuses it at import
     * ("Invalid mapping expression parameter specified"), so the document would not deploy: a warning says so.
     */
    private void warnUndeclaredMappings(SpecNode integrationNode, Integration integration,
            List<RequestParameter> declared) {
        SpecNode mappings = integrationNode.get("requestParameters");
        integration.options().requestParameters().forEach((target, source) -> {
            Matcher parameter = METHOD_PARAMETER.matcher(source);
            if (!parameter.matches()) {
                return;
            }
            RequestParameter.Location in = switch (parameter.group(1)) {
                case "path" -> RequestParameter.Location.PATH;
                case "querystring", "multivaluequerystring" -> RequestParameter.Location.QUERYSTRING;
                default -> RequestParameter.Location.HEADER;
            };
            String name = parameter.group(2);
            // Header names are case-insensitive; path and query string names are not.
            boolean isDeclared = declared.stream().anyMatch(p -> p.location() == in
                    && (in == RequestParameter.Location.HEADER ? p.name().equalsIgnoreCase(name)
                            : p.name().equals(name)));
            if (!isDeclared) {
                String openApiIn = in == RequestParameter.Location.QUERYSTRING ? "query" : in.spelling();
                context.problems().warning(mappings.get(target).location(), "maps `" + source + "`, which the method"
                        + " does not declare; AWS refuses this at import (\"Invalid mapping expression parameter"
                        + " specified\"). Declare it: parameters: [{name: " + name + ", in: " + openApiIn + "}]");
            }
        });
    }

    private List<RequestParameter> parameters(Operation operation, String location) {
        List<RequestParameter> parameters = new ArrayList<>();
        for (Parameter parameter : nonNull(operation.getParameters())) {
            if (parameter.get$ref() != null) {
                unresolved(parameter.get$ref(), location + ".parameters");
                continue;
            }
            if (parameter.getName() == null || parameter.getName().isBlank()) {
                // OpenAPI requires a name; without one there is no method.request.<location>.<name> to declare.
                context.problems().error(location + ".parameters", "a parameter " + (parameter.getIn() == null
                        ? "" : "in " + parameter.getIn() + " ") + "has no name. Add `name:` to it, or remove it.");
                continue;
            }
            RequestParameter.Location in = location(parameter.getIn());
            if (in == null) {
                context.problems().warning(location + ".parameters", "parameter `" + parameter.getName() + "` in "
                        + parameter.getIn() + " is ignored: API Gateway method requests have path, query and"
                        + " header parameters only.");
                continue;
            }
            boolean required = in == RequestParameter.Location.PATH || Boolean.TRUE.equals(parameter.getRequired());
            parameters.add(new RequestParameter(in, parameter.getName(), required));
        }
        return parameters;
    }

    private Map<String, String> requestModels(@Nullable RequestBody body, String location, String baseName) {
        // Swagger 2.0 bodies are `in: body` parameters.
        String bodyLocation = location + (context.spec().isSwagger2() ? ".parameters" : ".requestBody");
        if (body != null && body.get$ref() != null) {
            unresolved(body.get$ref(), bodyLocation);
            return Map.of();
        }
        return contentModels(body == null ? null : body.getContent(), bodyLocation, baseName + "Request");
    }

    private Map<String, MethodResponse> responses(Operation operation, String location, String baseName) {
        Map<String, MethodResponse> responses = new LinkedHashMap<>();
        if (operation.getResponses() == null) {
            return responses;
        }
        operation.getResponses().forEach((status, response) -> {
            String at = location + ".responses." + status;
            if (!status.matches(STATUS_CODE)) {
                context.problems().warning(at, "response `" + status + "` is ignored: API Gateway method responses"
                        + " need an HTTP status code such as 200.");
            } else if (response.get$ref() != null) {
                unresolved(response.get$ref(), at);
            } else {
                responses.put(status, new MethodResponse(status, headers(response),
                        contentModels(response.getContent(), at, baseName + "Response" + status)));
            }
        });
        return responses;
    }

    private static Map<String, Boolean> headers(ApiResponse response) {
        Map<String, Boolean> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, header) ->
                    headers.put("method.response.header." + name, Boolean.TRUE.equals(header.getRequired())));
        }
        return headers;
    }

    private Map<String, String> contentModels(@Nullable Map<String, MediaType> content, String location, String name) {
        Map<String, String> byContentType = new LinkedHashMap<>();
        if (content == null) {
            return byContentType;
        }
        content.forEach((contentType, media) -> {
            // Swagger 2.0 has one schema per body or response, not one per content type.
            String schemaLocation = context.spec().isSwagger2() ? location : location + ".content." + contentType + ".schema";
            String model = models.modelFor(media.getSchema(), name, schemaLocation);
            if (model != null) {
                byContentType.put(contentType(contentType), model);
            }
        });
        return byContentType;
    }

    /** swagger-parser's converter writes {@code *}{@code /*} where Swagger 2.0 had no consumes / produces. */
    private String contentType(String written) {
        return context.spec().isSwagger2() && written.equals("*/*") ? "application/json" : written;
    }

    private static RequestParameter.@Nullable Location location(@Nullable String in) {
        if (in == null) {
            return null;
        }
        switch (in) {
            case "path":
                return RequestParameter.Location.PATH;
            case "query":
                return RequestParameter.Location.QUERYSTRING;
            case "header":
                return RequestParameter.Location.HEADER;
            default:
                return null;
        }
    }

    private void unresolved(String ref, String location) {
        context.problems().error(location, "cannot resolve $ref `" + ref + "`: there is no such component. Define"
                + " it under components, or fix the $ref.");
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
