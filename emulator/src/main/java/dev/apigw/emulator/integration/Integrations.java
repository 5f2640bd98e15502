package dev.apigw.emulator.integration;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.apigw.emulator.events.ProxyEventV1;
import dev.apigw.emulator.events.ProxyEventV2;
import dev.apigw.emulator.events.ProxyResponseReader;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.model.Api;
import dev.apigw.model.FunctionRef;
import dev.apigw.model.HttpApi;
import dev.apigw.model.Integration;
import dev.apigw.model.Method;
import dev.apigw.model.PayloadFormatVersion;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import dev.apigw.model.Route;

/**
 * Compiles every integration of an API into its {@link IntegrationInvoker} once, at startup, so a request
 * never dispatches on the integration kind again. Integrations apigw cannot serve yet are listed by
 * {@link #notServed()} and answer 500, as a misconfigured integration does on AWS.
 */
public final class Integrations {
    private static final String METHOD_REQUEST_PATH = "method.request.path.";
    private static final String INTEGRATION_REQUEST_PATH = "integration.request.path.";

    private final Map<Integration, IntegrationInvoker> invokers = new IdentityHashMap<>();
    private final Map<String, String> notServed = new LinkedHashMap<>();
    private final Map<String, String> stageVariables;
    private final Functions functions;
    private final HttpClient httpClient;

    private Integrations(Map<String, String> stageVariables, Functions functions, HttpClient httpClient) {
        this.stageVariables = stageVariables;
        this.functions = functions;
        this.httpClient = httpClient;
    }

    public static Integrations compile(Api api, Map<String, String> stageVariables, Functions functions, HttpClient http) {
        Integrations integrations = new Integrations(stageVariables, functions, http);
        if (api instanceof RestApi rest) {
            for (Resource resource : rest.resources()) {
                for (Method method : resource.methods().values()) {
                    String where = method.httpMethod() + " " + resource.path();
                    integrations.add(where, method.integration(), false, false);
                }
            }
        } else if (api instanceof HttpApi httpApi) {
            for (Route route : httpApi.routes()) {
                integrations.add(route.key().toString(), route.integration(), true, route.key().isDefault());
            }
        } else {
            throw new IllegalStateException("unhandled API kind " + api);
        }
        return integrations;
    }

    /** The invoker compiled for an integration of this API. */
    public IntegrationInvoker invokerFor(Integration integration) {
        IntegrationInvoker invoker = invokers.get(integration);
        if (invoker == null) {
            throw new IllegalStateException("integration was not compiled: " + integration);
        }
        return invoker;
    }

    /** Route description ({@code GET /pets}) → why it is not served. */
    public Map<String, String> notServed() {
        return Map.copyOf(notServed);
    }

    private void add(String where, Integration integration, boolean httpApi, boolean defaultRoute) {
        invokers.put(integration, compile(where, integration, httpApi, defaultRoute));
    }

    private IntegrationInvoker compile(String where, Integration integration, boolean httpApi, boolean defaultRoute) {
        Duration timeout = Duration.ofMillis(integration.options().timeoutInMillis());
        if (integration instanceof Integration.LambdaProxy proxy) {
            return lambdaProxy(proxy, httpApi, timeout);
        }
        if (integration instanceof Integration.HttpProxy proxy) {
            UriTemplate uri = new UriTemplate(proxy.uri(), stageVariables);
            return new HttpProxyInvoker(httpClient, uri, placeholderSources(uri, proxy.options().requestParameters()),
                    httpApi && defaultRoute, proxy.httpMethod().name(), timeout);
        }
        if (integration instanceof Integration.Mock mock) {
            Optional<String> unsupported = MockInvoker.unsupportedReason(mock.options());
            return unsupported.isPresent() ? notServed(where, "MOCK integration: " + unsupported.get())
                    : new MockInvoker(mock.options());
        }
        if (integration instanceof Integration.Lambda || integration instanceof Integration.Http) {
            return notServed(where, integration.awsType() + " (non-proxy) integration: mapping templates are not served yet");
        }
        throw new IllegalStateException("unhandled integration kind " + integration);
    }

    private IntegrationInvoker lambdaProxy(Integration.LambdaProxy proxy, boolean httpApi, Duration timeout) {
        String method = proxy.options().httpMethod();
        if (!httpApi && method != null && !method.equalsIgnoreCase("POST")) {
            // Lambda is invoked with POST only; AWS fails such a method at run time with 500 Internal server error.
            return new FailingInvoker(GatewayError.API_CONFIGURATION_ERROR,
                    "AWS_PROXY integration httpMethod is " + method + "; Lambda integrations must use POST");
        }
        String name = functionName(proxy.function(), stageVariables);
        if (!httpApi) {
            return new LambdaProxyInvoker(name, functions, timeout, e -> ProxyEventV1.build(e, false),
                    ProxyResponseReader::readV1);
        }
        if (proxy.payloadFormatVersion() == PayloadFormatVersion.V1_0) {
            return new LambdaProxyInvoker(name, functions, timeout, e -> ProxyEventV1.build(e, true),
                    ProxyResponseReader::readV1);
        }
        return new LambdaProxyInvoker(name, functions, timeout, ProxyEventV2::build, ProxyResponseReader::readV2);
    }

    private IntegrationInvoker notServed(String where, String reason) {
        notServed.put(where, reason);
        return new FailingInvoker(GatewayError.API_CONFIGURATION_ERROR, where + " is not served: " + reason);
    }

    /** {@code integration.request.path.X = method.request.path.Y} mappings fill uri placeholders; else same names. */
    private static Map<String, String> placeholderSources(UriTemplate uri, Map<String, String> requestParameters) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String placeholder : uri.placeholderNames()) {
            String mapped = requestParameters.get(INTEGRATION_REQUEST_PATH + placeholder);
            sources.put(placeholder, mapped != null && mapped.startsWith(METHOD_REQUEST_PATH)
                    ? mapped.substring(METHOD_REQUEST_PATH.length()) : placeholder);
        }
        return sources;
    }

    /** The function a reference names; a name given as {@code ${stageVariables.x}} takes the stage's value. */
    static String functionName(FunctionRef function, Map<String, String> stageVariables) {
        return UriTemplate.substituteStageVariables(function.functionName(), stageVariables);
    }

    /** Names of every function the API's integrations call, with stage variables substituted. */
    public static List<String> functionNames(Api api, Map<String, String> stageVariables) {
        List<Integration> all = new ArrayList<>();
        if (api instanceof RestApi rest) {
            rest.resources().forEach(r -> all.addAll(r.methods().values().stream().map(Method::integration).toList()));
        } else if (api instanceof HttpApi httpApi) {
            httpApi.routes().forEach(r -> all.add(r.integration()));
        }
        List<String> names = new ArrayList<>();
        for (Integration integration : all) {
            FunctionRef function = integration instanceof Integration.LambdaProxy p ? p.function()
                    : integration instanceof Integration.Lambda l ? l.function() : null;
            String name = function == null ? null : functionName(function, stageVariables);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
