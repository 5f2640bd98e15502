package dev.apigw.importer;

import dev.apigw.importer.extensions.AuthExtension;
import dev.apigw.importer.extensions.CorsExtension;
import dev.apigw.importer.extensions.IntegrationExtension;
import dev.apigw.model.ApiType;
import dev.apigw.model.HttpApi;
import dev.apigw.model.Integration;
import dev.apigw.model.Route;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds an HTTP API: one route per operation ({@code /$default} with {@code x-amazon-apigateway-any-method} is the
 * {@code $default} route), CORS and authorizers. Request bodies, responses and schemas are not part of an HTTP
 * API, as on AWS, which only reports them as information.
 */
final class HttpApiReader {

    private HttpApiReader() {}

    static HttpApi read(ParsedSpec spec, String title, Problems problems) {
        ApiContext context = ApiContext.create(spec, ApiType.HTTP, problems);
        ExtensionNames.checkRoot(spec.openApi().getExtensions(), ApiType.HTTP, problems);
        List<PathAt> paths = PathOperations.list(spec, ApiType.HTTP, problems);
        PathConflicts.check(paths, ApiType.HTTP, problems);
        List<Route> routes = new ArrayList<>();
        for (PathAt path : paths) {
            for (OperationAt operation : path.operations()) {
                ExtensionNames.checkOperation(operation, ApiType.HTTP, problems);
                Route route = route(context, path, operation);
                if (route != null) {
                    routes.add(route);
                }
            }
        }
        return new HttpApi(title, routes, CorsExtension.read(spec.rootExtension(CorsExtension.NAME), problems),
                context.schemes().authorizers());
    }

    private static @Nullable Route route(ApiContext context, PathAt path, OperationAt at) {
        Integration integration = context.integrations().read(at.extension(IntegrationExtension.NAME));
        SecuritySchemes.Access access = context.schemes().access(at.operation().getSecurity(), at.location() + ".security");
        String authType = AuthExtension.read(at.extension(AuthExtension.NAME), context.problems());
        if (integration == null) {
            return null;
        }
        return new Route(path.routeKey(at.method()), at.operation().getOperationId(), integration, access.security(),
                authType == null && access.iam() ? "AWS_IAM" : authType);
    }
}
