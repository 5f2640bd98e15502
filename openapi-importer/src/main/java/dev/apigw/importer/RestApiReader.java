package dev.apigw.importer;

import dev.apigw.importer.extensions.ApiKeySourceExtension;
import dev.apigw.importer.extensions.BinaryMediaTypesExtension;
import dev.apigw.importer.extensions.GatewayResponsesExtension;
import dev.apigw.importer.extensions.MinimumCompressionSizeExtension;
import dev.apigw.importer.extensions.PolicyExtension;
import dev.apigw.importer.extensions.RequestValidatorsExtension;
import dev.apigw.model.ApiType;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Method;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds a REST API: one resource per path, one method per operation, and the root-level extensions. */
final class RestApiReader {

    private RestApiReader() {}

    static RestApi read(ParsedSpec spec, String title, Problems problems) {
        ApiContext context = ApiContext.create(spec, ApiType.REST, problems);
        ExtensionNames.checkRoot(spec.openApi().getExtensions(), ApiType.REST, problems);
        Map<String, RequestValidator> validators =
                RequestValidatorsExtension.readValidators(spec.rootExtension(RequestValidatorsExtension.NAME), problems);
        String defaultValidator = RequestValidatorsExtension.readSelected(
                spec.rootExtension(RequestValidatorsExtension.SELECTED), validators, problems);
        SchemaModels models = new SchemaModels(spec, problems);
        MethodReader methods = new MethodReader(context, models, validators, defaultValidator);

        List<PathAt> paths = PathOperations.list(spec, ApiType.REST, problems);
        PathConflicts.check(paths, ApiType.REST, problems);
        List<Resource> resources = new ArrayList<>();
        for (PathAt path : paths) {
            Map<HttpMethod, Method> byMethod = new EnumMap<>(HttpMethod.class);
            for (OperationAt operation : path.operations()) {
                ExtensionNames.checkOperation(operation, ApiType.REST, problems);
                Method method = methods.read(operation, ModelNames.of(operation, path.path()));
                if (method != null) {
                    byMethod.put(method.httpMethod(), method);
                }
            }
            resources.add(new Resource(path.template(), byMethod));
        }
        return new RestApi(
                title,
                resources,
                models.models(),
                GatewayResponsesExtension.read(spec.rootExtension(GatewayResponsesExtension.NAME), problems),
                BinaryMediaTypesExtension.read(spec.rootExtension(BinaryMediaTypesExtension.NAME), problems),
                ApiKeySourceExtension.read(spec.rootExtension(ApiKeySourceExtension.NAME), problems),
                validators,
                context.schemes().authorizers(),
                PolicyExtension.read(spec.rootExtension(PolicyExtension.NAME), problems),
                MinimumCompressionSizeExtension.read(spec.rootExtension(MinimumCompressionSizeExtension.NAME), problems));
    }
}
