package dev.apigw.emulator.events;

import static dev.apigw.emulator.events.ProxyResultFields.malformed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.response.GatewayError;

/**
 * Turns what a Lambda proxy function returned into the client's response, as API Gateway does; a result AWS would
 * reject throws {@link GatewayError#LAMBDA_PROXY_FAILURE} (REST 502, HTTP API 500). Gateway headers such as
 * {@code x-amzn-RequestId} / {@code apigw-requestid} are not added here.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-output-format
 * and https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
public final class ProxyResponseReader {
    /** Decimals keep their written form ({@code 1.50} stays {@code "1.50"} as a header value); trailing junk fails. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Payload 1.0 keys; any other top-level key makes the result malformed [S wrongValue case]. */
    private static final Set<String> V1_KEYS = Set.of("statusCode", "headers", "multiValueHeaders", "body",
            "isBase64Encoded");

    /** REST's default when the function sets no Content-Type [S]. */
    private static final String REST_DEFAULT_TYPE = "application/json";

    /**
     * HTTP APIs answer a structured result without Content-Type with {@code text/plain; charset=utf-8}
     * [K aasisodiya.github.io capture, 2020]; only inferred results get application/json [D].
     */
    private static final String HTTP_API_DEFAULT_TYPE = "text/plain; charset=utf-8";

    private ProxyResponseReader() {}

    /**
     * Payload 1.0: REST APIs, and HTTP APIs with payload 1.0 (told apart by the route key only HTTP API routes have).
     * Headers from {@code multiValueHeaders} and {@code headers} merge into one line per name, joined with
     * {@code ", "}, multiValueHeaders first and its spelling kept [S]. A base64 body is decoded on REST only when the
     * request's first Accept type matches binaryMediaTypes, otherwise the base64 text is the body [S][D]; HTTP APIs
     * have no binaryMediaTypes and always decode.
     */
    public static GatewayResponse readV1(byte[] payload, Exchange exchange) {
        JsonNode result = parse(payload);
        if (!result.isObject()) {
            throw malformed("expected a JSON object, got " + result.getNodeType());
        }
        for (String key : (Iterable<String>) result::fieldNames) {
            if (!V1_KEYS.contains(key)) {
                throw malformed("unexpected key '" + key + "'");
            }
        }
        int status = ProxyResultFields.statusCode(result.get("statusCode"));
        MergedHeaders headers = new MergedHeaders();
        ProxyResultFields.multiValueHeaders(result.get("multiValueHeaders"), headers::add);
        ProxyResultFields.headers(result.get("headers"), headers::add);
        boolean httpApi = exchange.route().routeKey() != null;
        byte[] body = bodyV1(result, exchange, httpApi);
        return new GatewayResponse(status, headers.toHeaders(httpApi ? HTTP_API_DEFAULT_TYPE : REST_DEFAULT_TYPE),
                body);
    }

    private static byte[] bodyV1(JsonNode result, Exchange exchange, boolean httpApi) {
        String body = bodyText(result.get("body"));
        boolean base64 = ProxyResultFields.isBase64Encoded(result.get("isBase64Encoded"));
        if (httpApi && base64) {
            return ProxyResultFields.decodeBase64(body, GatewayError.LAMBDA_PROXY_FAILURE);
        }
        if (!httpApi && base64 && acceptsBinary(exchange)) {
            // A body that does not decode is an API configuration error, 500 [L].
            return ProxyResultFields.decodeBase64(body, GatewayError.API_CONFIGURATION_ERROR);
        }
        return utf8(body);
    }

    /**
     * Payload 2.0. An object with a {@code statusCode} key is the structured form; any other JSON is inferred: 200,
     * {@code content-type: application/json}, the output as the body — a JSON string's value, anything else the JSON
     * text as returned [D]. Our choices where AWS is silent: a numeric string statusCode is accepted as on REST;
     * {@code multiValueHeaders} and other unknown keys are ignored (2.0 has no multiValueHeaders, and HTTP APIs do
     * not document rejecting extra keys); each {@code cookies} entry becomes its own Set-Cookie line [D].
     */
    public static GatewayResponse readV2(byte[] payload, Exchange exchange) {
        JsonNode result = parse(payload);
        if (!result.isObject() || !result.has("statusCode")) {
            return inferred(payload, result);
        }
        int status = ProxyResultFields.statusCode(result.get("statusCode"));
        List<Header> headers = new ArrayList<>();
        ProxyResultFields.headers(result.get("headers"), (name, value) -> headers.add(new Header(name, value)));
        for (String cookie : ProxyResultFields.list(result.get("cookies"), "cookies")) {
            headers.add(new Header("Set-Cookie", cookie));
        }
        if (headers.stream().noneMatch(header -> header.name().equalsIgnoreCase("Content-Type"))) {
            headers.add(0, new Header("Content-Type", HTTP_API_DEFAULT_TYPE));
        }
        String body = bodyText(result.get("body"));
        byte[] bytes = ProxyResultFields.isBase64Encoded(result.get("isBase64Encoded"))
                ? ProxyResultFields.decodeBase64(body, GatewayError.LAMBDA_PROXY_FAILURE)
                : utf8(body);
        return new GatewayResponse(status, new Headers(headers), bytes);
    }

    private static GatewayResponse inferred(byte[] payload, JsonNode result) {
        byte[] body = result.isTextual() ? utf8(result.textValue()) : payload;
        return new GatewayResponse(200, Headers.of("Content-Type", "application/json"), body);
    }

    /** {@code body} must be a string; null or absent is an empty body; an object or a list is malformed. */
    private static String bodyText(JsonNode node) {
        String body = ProxyResultFields.scalar(node, "body");
        return body == null ? "" : body;
    }

    private static boolean acceptsBinary(Exchange exchange) {
        String accept = exchange.request().headers().first("Accept").orElse(null);
        return MediaTypes.matches(accept, exchange.binaryMediaTypes());
    }

    private static JsonNode parse(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || node.isMissingNode()) {
                throw malformed("the function returned nothing");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed("not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw malformed("unreadable (" + e.getMessage() + ")");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
