package dev.apigw.emulator.integration;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.apigw.emulator.RequestLimits;
import dev.apigw.emulator.events.ProxyEventV1;
import dev.apigw.emulator.events.ProxyEventV2;
import dev.apigw.emulator.events.ProxyResponseReader;
import dev.apigw.emulator.mapping.HttpApiParameterMapping;
import dev.apigw.emulator.mapping.MappingTemplates;
import dev.apigw.emulator.mapping.ParameterMapping;
import dev.apigw.emulator.mapping.PayloadConversion;
import dev.apigw.emulator.mapping.TemplateException;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.model.Api;
import dev.apigw.model.HttpApi;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.PayloadFormatVersion;
import dev.apigw.model.Resource;
import dev.apigw.model.RestApi;
import dev.apigw.model.Route;
import dev.apigw.model.WebSocketApi;
import org.jspecify.annotations.Nullable;

/**
 * Compiles every integration of an API into its {@link IntegrationInvoker} once, at startup — templates parsed,
 * mappings checked, functions resolved — so a request never dispatches on the integration kind again. What cannot
 * be compiled (a template that does not parse, a bad mapping) is listed by {@link #problems()} with its location.
 */
public final class Integrations {
    private static final String METHOD_REQUEST_PATH = "method.request.path.";
    private static final String INTEGRATION_REQUEST_PATH = "integration.request.path.";

    private final Map<Integration, IntegrationInvoker> invokers = new IdentityHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, String> stageVariables;
    private final Functions functions;
    private final HttpClient httpClient;
    private final MappingTemplates engine;
    private final PayloadConversion conversion;
    private final int lambdaPayloadBytes;

    private Integrations(Map<String, String> stageVariables, Functions functions, HttpClient httpClient,
            MappingTemplates engine, PayloadConversion conversion, int lambdaPayloadBytes) {
        this.lambdaPayloadBytes = lambdaPayloadBytes;
        this.stageVariables = stageVariables;
        this.functions = functions;
        this.httpClient = httpClient;
        this.engine = engine;
        this.conversion = conversion;
    }

    /** With Lambda's 6 MB request payload limit. */
    public static Integrations compile(Api api, Map<String, String> stageVariables, Functions functions,
            HttpClient http, MappingTemplates engine) {
        return compile(api, stageVariables, functions, http, engine, RequestLimits.AWS_LAMBDA_PAYLOAD_BYTES);
    }

    /** @param lambdaPayloadBytes the largest proxy event a Lambda proxy integration sends (Lambda's 6 MB) */
    public static Integrations compile(Api api, Map<String, String> stageVariables, Functions functions,
            HttpClient http, MappingTemplates engine, int lambdaPayloadBytes) {
        Integrations integrations = new Integrations(stageVariables, functions, http, engine,
                new PayloadConversion(api instanceof RestApi rest ? rest.binaryMediaTypes() : List.of()),
                lambdaPayloadBytes);
        if (api instanceof RestApi rest) {
            for (Resource resource : rest.resources()) {
                for (Method method : resource.methods().values()) {
                    integrations.add(location(resource.path().text(), method.httpMethod()), method.integration(),
                            method.responses(), false, false);
                }
            }
        } else if (api instanceof HttpApi httpApi) {
            for (Route route : httpApi.routes()) {
                String location = route.key().isDefault() ? location("/$default", HttpMethod.ANY)
                        : location(route.key().path().text(), route.key().method());
                integrations.add(location, route.integration(), Map.of(), true, route.key().isDefault());
            }
        } else if (!(api instanceof WebSocketApi)) {
            // WebSocket routes are compiled by the WebSocketGateway; they have no HTTP integration here.
            throw new IllegalStateException("unhandled API kind " + api);
        }
        return integrations;
    }

    private static String location(String path, HttpMethod method) {
        String operation = method == HttpMethod.ANY ? "x-amazon-apigateway-any-method" : method.name().toLowerCase(Locale.ROOT);
        return "paths." + path + "." + operation + ".x-amazon-apigateway-integration";
    }

    /** The invoker compiled for an integration of this API. */
    public IntegrationInvoker invokerFor(Integration integration) {
        IntegrationInvoker invoker = invokers.get(integration);
        if (invoker == null) {
            throw new IllegalStateException("integration was not compiled: " + integration);
        }
        return invoker;
    }

    /** Integrations that could not be compiled: one line each, with the location in the spec and the fix. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void add(String location, Integration integration, Map<String, MethodResponse> methodResponses,
            boolean httpApi, boolean defaultRoute) {
        IntegrationInvoker invoker;
        try {
            invoker = compile(location, integration, methodResponses, httpApi, defaultRoute);
            if (httpApi && !integration.options().httpResponseParameters().isEmpty()) {
                invoker = new HttpApiResponseMapping(invoker, HttpApiParameterMapping.compileResponse(
                        integration.options().httpResponseParameters(), location + ".responseParameters"));
            }
        } catch (TemplateException | IllegalArgumentException e) {
            problems.add(e.getMessage());
            invoker = (IntegrationInvoker.Synchronous) exchange -> {
                throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR, e.getMessage());
            };
        }
        invokers.put(integration, invoker);
    }

    private IntegrationInvoker compile(String location, Integration integration,
            Map<String, MethodResponse> methodResponses, boolean httpApi, boolean defaultRoute) {
        Duration timeout = Duration.ofMillis(integration.options().timeoutInMillis());
        if (integration instanceof Integration.LambdaProxy proxy) {
            return lambdaProxy(proxy, httpApi, timeout);
        }
        if (integration instanceof Integration.HttpProxy proxy) {
            UriTemplate uri = new UriTemplate(proxy.uri(), stageVariables);
            Map<String, String> parameters = proxy.options().requestParameters();
            return new HttpProxyInvoker(httpClient, uri, placeholderSources(uri, httpApi ? Map.of() : parameters),
                    httpApi && defaultRoute, proxy.httpMethod().name(), timeout,
                    HttpApiParameterMapping.compileRequest(httpApi ? parameters : Map.of(),
                            location + ".requestParameters"),
                    ParameterMapping.compileRequest(httpApi ? Map.of() : withoutPathMappings(parameters),
                            location + ".requestParameters"));
        }
        NonProxyParts parts = NonProxyParts.compile(integration.options(), integration instanceof Integration.Lambda
                ? ParameterMapping.MappedIntegration.AWS : ParameterMapping.MappedIntegration.HTTP,
                methodResponses, engine, conversion, location);
        if (integration instanceof Integration.Mock) {
            return new MockInvoker(engine, parts.requestTemplates(), parts.responses());
        }
        if (integration instanceof Integration.Lambda lambda) {
            IntegrationInvoker notPost = unlessPost(lambda.options().httpMethod(), "AWS");
            if (notPost != null) {
                return notPost;
            }
            return new LambdaInvoker(FunctionNames.of(lambda.function(), stageVariables), functions, timeout, engine,
                    parts);
        }
        if (integration instanceof Integration.Http http) {
            return new HttpInvoker(httpClient, new UriTemplate(http.uri(), stageVariables), http.httpMethod().name(),
                    timeout, engine, parts);
        }
        throw new IllegalStateException("unhandled integration kind " + integration);
    }

    private IntegrationInvoker lambdaProxy(Integration.LambdaProxy proxy, boolean httpApi, Duration timeout) {
        IntegrationInvoker notPost = httpApi ? null : unlessPost(proxy.options().httpMethod(), "AWS_PROXY");
        if (notPost != null) {
            return notPost;
        }
        String name = FunctionNames.of(proxy.function(), stageVariables);
        if (!httpApi) {
            return new LambdaProxyInvoker(name, functions, timeout, lambdaPayloadBytes,
                    e -> ProxyEventV1.build(e, false), ProxyResponseReader::readV1);
        }
        if (proxy.payloadFormatVersion() == PayloadFormatVersion.V1_0) {
            return new LambdaProxyInvoker(name, functions, timeout, lambdaPayloadBytes,
                    e -> ProxyEventV1.build(e, true), ProxyResponseReader::readV1);
        }
        return new LambdaProxyInvoker(name, functions, timeout, lambdaPayloadBytes, ProxyEventV2::build,
                ProxyResponseReader::readV2);
    }

    /** Lambda is invoked with POST only; AWS fails other methods at run time with 500 Internal server error. */
    private static @Nullable IntegrationInvoker unlessPost(@Nullable String method, String type) {
        if (method == null || method.equalsIgnoreCase("POST")) {
            return null;
        }
        return (IntegrationInvoker.Synchronous) exchange -> {
            throw new GatewayException(GatewayError.API_CONFIGURATION_ERROR,
                    type + " integration httpMethod is " + method + "; Lambda integrations must use POST");
        };
    }

    /** Path mappings of an HTTP proxy fill URI placeholders (see placeholderSources), the rest is forwarded. */
    private static Map<String, String> withoutPathMappings(Map<String, String> parameters) {
        Map<String, String> rest = new LinkedHashMap<>(parameters);
        rest.keySet().removeIf(key -> key.startsWith(INTEGRATION_REQUEST_PATH));
        return rest;
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
}
