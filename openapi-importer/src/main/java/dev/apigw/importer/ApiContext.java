package dev.apigw.importer;

import dev.apigw.importer.extensions.IntegrationExtension;
import dev.apigw.importer.extensions.SpecNode;
import dev.apigw.model.ApiType;
import io.swagger.v3.oas.models.Components;

/** What reading any operation needs: the document, the API type, the problems, schemes and integrations. */
record ApiContext(
        ParsedSpec spec, ApiType apiType, Problems problems, SecuritySchemes schemes, IntegrationExtension integrations) {

    private static final String REUSABLE_INTEGRATIONS = "x-amazon-apigateway-integrations";

    static ApiContext create(ParsedSpec spec, ApiType apiType, Problems problems) {
        Components components = spec.openApi().getComponents();
        Object reusable = components == null || components.getExtensions() == null
                ? null
                : components.getExtensions().get(REUSABLE_INTEGRATIONS);
        SpecNode integrations = SpecNode.of(reusable, "components." + REUSABLE_INTEGRATIONS);
        return new ApiContext(spec, apiType, problems, SecuritySchemes.read(spec, apiType, problems),
                new IntegrationExtension(apiType, integrations, problems));
    }
}
