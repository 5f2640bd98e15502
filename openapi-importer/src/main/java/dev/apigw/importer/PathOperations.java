package dev.apigw.importer;

import dev.apigw.importer.extensions.AnyMethodExtension;
import dev.apigw.model.ApiType;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.PathTemplate;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Lists the document's paths in document order, each with its parsed template and its operations, including the
 * {@code ANY} method of {@code x-amazon-apigateway-any-method}. A path that does not parse is reported and left
 * out. The base path (Swagger 2.0 {@code basePath}, OpenAPI 3 {@code servers[].url}) is ignored, as API Gateway
 * does by default ({@code basepath=ignore}).
 */
final class PathOperations {

    // What CreateResource accepts in a REST API path part besides {variables}.
    private static final Pattern REST_LITERAL = Pattern.compile("[A-Za-z0-9._,:-]+");

    private PathOperations() {}

    static List<PathAt> list(ParsedSpec spec, ApiType apiType, Problems problems) {
        Paths paths = spec.openApi().getPaths();
        List<PathAt> listed = new ArrayList<>();
        if (paths == null) {
            return listed;
        }
        for (Map.Entry<String, PathItem> entry : paths.entrySet()) {
            String path = entry.getKey();
            if (AnyMethodExtension.isSynthetic(path)) {
                continue;
            }
            String location = "paths." + path;
            if (entry.getValue() == null) {
                // swagger-parser leaves a path item it could not read (a $ref to something else than a path) empty.
                problems.error(location, "the path has no readable operations (is its `$ref` broken?). Write the"
                        + " operations under the path, or point the `$ref` at a path item.");
                continue;
            }
            List<OperationAt> operations = operations(path, entry.getValue(), paths, location, problems);
            if (apiType == ApiType.HTTP && path.equals(PathAt.DEFAULT_ROUTE_PATH)) {
                listed.add(new PathAt(path, null, location, defaultRouteOperations(operations, problems)));
                continue;
            }
            PathTemplate template = template(path, apiType, location, problems);
            if (template != null) {
                listed.add(new PathAt(path, template, location, operations));
            }
        }
        return listed;
    }

    private static List<OperationAt> operations(
            String path, PathItem item, Paths paths, String location, Problems problems) {
        List<OperationAt> operations = new ArrayList<>();
        item.readOperationsMap().forEach((method, operation) -> {
            String key = method.name().toLowerCase(Locale.ROOT);
            if (method == PathItem.HttpMethod.TRACE) {
                problems.warning(location + "." + key, "API Gateway has no TRACE method: the operation is ignored.");
                return;
            }
            operations.add(new OperationAt(HttpMethod.fromSpec(method.name()), operation, location + "." + key));
        });
        Operation any = AnyMethodExtension.operation(paths, path);
        if (any != null) {
            operations.add(new OperationAt(HttpMethod.ANY, any, location + "." + AnyMethodExtension.NAME));
        }
        return operations;
    }

    /** An HTTP API's {@code /$default} path holds the $default route, which catches every method. */
    private static List<OperationAt> defaultRouteOperations(List<OperationAt> operations, Problems problems) {
        List<OperationAt> kept = new ArrayList<>();
        for (OperationAt operation : operations) {
            if (operation.method() == HttpMethod.ANY) {
                kept.add(operation);
            } else {
                problems.error(operation.location(), "the $default route takes every method: declare it with "
                        + AnyMethodExtension.NAME + " instead of " + operation.method().name().toLowerCase(Locale.ROOT)
                        + ".");
            }
        }
        return kept;
    }

    private static @Nullable PathTemplate template(String path, ApiType apiType, String location, Problems problems) {
        PathTemplate template;
        try {
            template = PathTemplate.parse(path);
        } catch (IllegalArgumentException e) {
            problems.error(location, e.getMessage() + ".");
            return null;
        }
        if (apiType == ApiType.REST) {
            for (PathTemplate.Segment segment : template.segments()) {
                if (segment instanceof PathTemplate.Segment.Literal literal
                        && !REST_LITERAL.matcher(literal.text()).matches()) {
                    problems.error(location, "path `" + path + "` has the segment `" + literal.text() + "`: REST API"
                            + " paths may only use letters, digits and . _ - , : outside {variables}.");
                    return null;
                }
            }
        }
        return template;
    }
}
