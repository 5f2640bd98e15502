package dev.apigw.emulator.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.apigw.model.Api;
import dev.apigw.model.Authorizer;
import dev.apigw.model.FunctionRef;
import dev.apigw.model.HttpApi;
import dev.apigw.model.Integration;
import dev.apigw.model.Method;
import dev.apigw.model.RestApi;
import dev.apigw.model.WebSocketApi;

/** The functions an API calls, by name; a name written as {@code ${stageVariables.x}} takes the stage's value. */
public final class FunctionNames {
    private FunctionNames() {}

    public static String of(FunctionRef function, Map<String, String> stageVariables) {
        return UriTemplate.substituteStageVariables(function.functionName(), stageVariables);
    }

    /** Every function the API's integrations and authorizers call, in document order, each once. */
    public static List<String> calledBy(Api api, Map<String, String> stageVariables) {
        List<Integration> all = new ArrayList<>();
        if (api instanceof RestApi rest) {
            rest.resources().forEach(r -> all.addAll(r.methods().values().stream().map(Method::integration).toList()));
        } else if (api instanceof HttpApi httpApi) {
            httpApi.routes().forEach(r -> all.add(r.integration()));
        } else if (api instanceof WebSocketApi webSocket) {
            webSocket.routes().stream().filter(r -> r.integration() != null).forEach(r -> all.add(r.integration()));
        }
        List<String> names = new ArrayList<>();
        for (Integration integration : all) {
            FunctionRef function = integration instanceof Integration.LambdaProxy p ? p.function()
                    : integration instanceof Integration.Lambda l ? l.function() : null;
            String name = function == null ? null : of(function, stageVariables);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        // Lambda authorizers are functions the API calls too.
        for (Authorizer authorizer : api.authorizers().values()) {
            if (authorizer.function() != null) {
                String name = of(authorizer.function(), stageVariables);
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
