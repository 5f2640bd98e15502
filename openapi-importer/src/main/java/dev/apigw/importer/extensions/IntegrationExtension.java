package dev.apigw.importer.extensions;

import dev.apigw.importer.FunctionRefs;
import dev.apigw.importer.Problems;
import dev.apigw.model.ApiType;
import dev.apigw.model.ConnectionType;
import dev.apigw.model.FunctionRef;
import dev.apigw.model.HttpMethod;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationOptions;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code x-amazon-apigateway-integration}: the integration of a REST API method or an HTTP API route, and the
 * {@code integration} of a WebSocket API route (which follows the REST rules, except that a Lambda integration's
 * {@code httpMethod} defaults to POST). HTTP APIs may instead {@code $ref} a reusable one under
 * {@code components.x-amazon-apigateway-integrations}.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html">
 *     x-amazon-apigateway-integration</a>
 */
public final class IntegrationExtension {

    public static final String NAME = "x-amazon-apigateway-integration";
    private static final String REF_PREFIX = "#/components/x-amazon-apigateway-integrations/";
    private static final List<String> TYPES = List.of("aws", "aws_proxy", "http", "http_proxy", "mock");

    private enum Type { AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK }

    private final ApiType apiType;
    private final SpecNode components;
    private final Problems problems;

    /** @param components {@code components.x-amazon-apigateway-integrations}, for {@code $ref}s */
    public IntegrationExtension(ApiType apiType, SpecNode components, Problems problems) {
        this.apiType = apiType;
        this.components = components;
        this.problems = problems;
    }

    /** The integration, or null (reported) when it is missing, invalid, or not one the API type supports. */
    public @Nullable Integration read(SpecNode declared) {
        String deployable = apiType == ApiType.REST ? "method" : "route";
        if (!declared.isPresent()) {
            problems.warning(declared.location(), "no " + NAME + ": the " + deployable + " is not deployed. Add an"
                    + " integration (for example type: aws_proxy with a Lambda uri) to serve it.");
            return null;
        }
        SpecNode node = dereference(declared);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problems.error(node.location(), "expected an integration object (type, uri, ...) but found `"
                    + node.toJson() + "`.");
            return null;
        }
        Type type = type(node.get("type"));
        if (type == null) {
            return null;
        }
        if (apiType == ApiType.HTTP && type != Type.AWS_PROXY && type != Type.HTTP_PROXY) {
            problems.warning(node.get("type").location(), "type `" + node.get("type").text(problems) + "` is not"
                    + " supported by HTTP APIs, which have aws_proxy and http_proxy integrations only: the route is"
                    + " not deployed. Use aws_proxy for a Lambda function or http_proxy for an HTTP backend.");
            return null;
        }
        boolean lambda = type == Type.AWS || type == Type.AWS_PROXY;
        String defaultHttpMethod = lambda && apiType == ApiType.WEBSOCKET ? "POST" : null;
        IntegrationOptions options = IntegrationSettings.read(node, apiType, defaultHttpMethod, problems);
        if (type == Type.MOCK) {
            return new Integration.Mock(options);
        }
        return lambda ? lambda(type, node, options) : http(type, node, options);
    }

    private @Nullable SpecNode dereference(SpecNode declared) {
        SpecNode ref = declared.get("$ref");
        if (!ref.isPresent()) {
            return declared;
        }
        String target = ref.text(problems);
        if (target == null) {
            return null;
        }
        if (!target.startsWith(REF_PREFIX)) {
            problems.error(ref.location(), "unsupported $ref `" + target + "`: an integration can only refer to "
                    + REF_PREFIX + "NAME.");
            return null;
        }
        String name = target.substring(REF_PREFIX.length()).replace("~1", "/").replace("~0", "~");
        SpecNode integration = components.get(name);
        if (!integration.isPresent()) {
            problems.error(ref.location(), "no integration named `" + name + "` under components."
                    + "x-amazon-apigateway-integrations. Define it there, or fix the $ref.");
            return null;
        }
        return integration;
    }

    private @Nullable Type type(SpecNode node) {
        String written = node.text(problems);
        if (written == null) {
            problems.error(node.location(), "missing type. Expected one of " + String.join(", ", TYPES) + ".");
            return null;
        }
        if (!TYPES.contains(written.toLowerCase(Locale.ROOT))) {
            problems.error(node.location(), "unknown integration type `" + written + "`. Expected one of "
                    + String.join(", ", TYPES) + ".");
            return null;
        }
        return Type.valueOf(written.toUpperCase(Locale.ROOT));
    }

    private @Nullable Integration lambda(Type type, SpecNode node, IntegrationOptions options) {
        SpecNode subtype = node.get("integrationSubtype");
        if (subtype.isPresent()) {
            problems.error(subtype.location(), "integrationSubtype `" + subtype.text(problems) + "` is an AWS"
                    + " service integration: only Lambda function integrations are supported for type aws/aws_proxy.");
            return null;
        }
        SpecNode uri = node.get("uri");
        if (!uri.isPresent()) {
            problems.error(uri.location(), "missing uri: a Lambda integration needs uri: " + FunctionRefs.EXPECTED_URI + ".");
            return null;
        }
        FunctionRef function = FunctionRefs.resolve(uri.json(), uri.location(), problems);
        if (apiType != ApiType.HTTP) {
            checkLambdaHttpMethod(node.get("httpMethod"));
        }
        if (function == null) {
            return null;
        }
        return type == Type.AWS
                ? new Integration.Lambda(function, options)
                : new Integration.LambdaProxy(function, IntegrationSettings.payloadFormatVersion(
                        node.get("payloadFormatVersion"), apiType, problems), options);
    }

    private void checkLambdaHttpMethod(SpecNode node) {
        String method = node.text(problems);
        if (method == null && apiType == ApiType.REST) {
            problems.error(node.location(), "missing httpMethod: API Gateway calls Lambda functions with POST."
                    + " Add httpMethod: POST.");
        } else if (method != null && !method.equalsIgnoreCase("POST")) {
            problems.warning(node.location(), "httpMethod `" + method + "` on a Lambda integration: API Gateway"
                    + " calls Lambda with POST, and AWS answers every request with 500 Internal server error. Use"
                    + " httpMethod: POST.");
        }
    }

    private @Nullable Integration http(Type type, SpecNode node, IntegrationOptions options) {
        SpecNode uriNode = node.get("uri");
        String uri = uriNode.text(problems);
        if (uri == null) {
            problems.error(uriNode.location(), "missing uri: an " + type.name().toLowerCase(Locale.ROOT)
                    + " integration needs the backend URL, e.g. uri: https://example.com/pets/{id}.");
            return null;
        }
        uri = AwsVariables.resolve(uri);
        // Behind a VPC link the uri names a load balancer listener, not a URL; a stage variable may hold the whole URL.
        if (options.connectionType() == ConnectionType.INTERNET && !uri.matches("(?i)https?://.+")
                && !uri.startsWith("${stageVariables.")) {
            problems.error(uriNode.location(), "expected an absolute http:// or https:// URL but found `" + uri + "`.");
            return null;
        }
        HttpMethod method = httpMethod(node.get("httpMethod"));
        if (method == null) {
            return null;
        }
        return type == Type.HTTP_PROXY
                ? new Integration.HttpProxy(uri, method, options)
                : new Integration.Http(uri, method, options);
    }

    /** Required on REST APIs; HTTP APIs default to ANY, which forwards the client's method. */
    private @Nullable HttpMethod httpMethod(SpecNode node) {
        if (!node.isPresent()) {
            if (apiType == ApiType.HTTP) {
                return HttpMethod.ANY;
            }
            problems.error(node.location(), "missing httpMethod: an HTTP integration needs the method to call the"
                    + " backend with. Add httpMethod: GET (or POST, ANY, ...).");
            return null;
        }
        return node.oneOf(problems, HttpMethod::fromSpec, SpecNode.names(HttpMethod.values()));
    }
}
