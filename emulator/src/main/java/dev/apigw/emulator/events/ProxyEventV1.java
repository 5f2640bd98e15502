package dev.apigw.emulator.events;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.routing.MatchedRoute;
import org.jspecify.annotations.Nullable;

/**
 * The Lambda proxy event, payload format 1.0: what a REST API's {@code AWS_PROXY} integration sends, and the
 * variant HTTP APIs send for {@code payloadFormatVersion: "1.0"} (top-level {@code version}, their own
 * requestContext, path with the stage prefix). Every empty collection is {@code null}, never {@code {}} [S].
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html and
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
public final class ProxyEventV1 {
    private ProxyEventV1() {}

    /** The event as UTF-8 JSON; {@code httpApi} selects the HTTP API variant. */
    public static byte[] build(Exchange exchange, boolean httpApi) {
        return EventJson.object(json -> {
            if (httpApi) {
                writeHttpApi(json, exchange);
            } else {
                writeRest(json, exchange);
            }
        });
    }

    /** Key order of real REST events [E apigw-request.json; K captures]. */
    private static void writeRest(JsonGenerator json, Exchange exchange) throws IOException {
        MatchedRoute route = exchange.route();
        json.writeStringField("resource", route.resourcePath());
        json.writeStringField("path", route.path());
        json.writeStringField("httpMethod", exchange.request().method());
        writeHeaders(json, HeaderViews.rest(ForwardedHeaders.of(exchange)));
        writeQuery(json, exchange);
        EventJson.stringMap(json, "pathParameters", pathParameters(route));
        EventJson.stringMap(json, "stageVariables", exchange.context().stageVariables());
        RequestContextV1.writeRest(json, exchange);
        writeBody(json, EventBody.rest(exchange));
    }

    /**
     * HTTP API order differs: {@code version} first, pathParameters and stageVariables after requestContext
     * [K real captures: serverless/serverless#7860 demo, firetail-io fixture]. Cookies stay in the headers: 1.0 has
     * no {@code cookies} field.
     */
    private static void writeHttpApi(JsonGenerator json, Exchange exchange) throws IOException {
        MatchedRoute route = exchange.route();
        json.writeStringField("version", "1.0");
        json.writeStringField("resource", route.resourcePath());
        json.writeStringField("path", exchange.request().rawPath());
        json.writeStringField("httpMethod", exchange.request().method());
        List<Header> headers = ForwardedHeaders.withContentLength(ForwardedHeaders.of(exchange), exchange.request());
        writeHeaders(json, HeaderViews.httpV1(headers));
        writeQuery(json, exchange);
        RequestContextV1.writeHttpApi(json, exchange);
        EventJson.stringMap(json, "pathParameters", pathParameters(route));
        EventJson.stringMap(json, "stageVariables", exchange.context().stageVariables());
        writeBody(json, EventBody.httpApi(exchange.request()));
    }

    /** {@code headers} keeps one value per name, the last (as [L]); {@code multiValueHeaders} keeps them all [S]. */
    private static void writeHeaders(JsonGenerator json, List<HeaderGroup> headers) throws IOException {
        if (headers.isEmpty()) {
            json.writeNullField("headers");
            json.writeNullField("multiValueHeaders");
            return;
        }
        json.writeObjectFieldStart("headers");
        for (HeaderGroup header : headers) {
            json.writeStringField(header.name(), header.last());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("multiValueHeaders");
        for (HeaderGroup header : headers) {
            EventJson.stringArray(json, header.name(), header.values());
        }
        json.writeEndObject();
    }

    /** Last value wins in {@code queryStringParameters} ({@code ?price=10&price=20} gives {@code "20"}) [S]. */
    private static void writeQuery(JsonGenerator json, Exchange exchange) throws IOException {
        Map<String, List<String>> query = QueryString.parse(exchange.request().rawQuery());
        if (query.isEmpty()) {
            json.writeNullField("queryStringParameters");
            json.writeNullField("multiValueQueryStringParameters");
            return;
        }
        EventJson.lastValues(json, "queryStringParameters", query);
        EventJson.listMap(json, "multiValueQueryStringParameters", query);
    }

    private static void writeBody(JsonGenerator json, EventBody body) throws IOException {
        EventJson.nullableString(json, "body", body.text());
        json.writeBooleanField("isBase64Encoded", body.base64Encoded());
    }

    /** Raw, not percent-decoded; a greedy {@code {proxy+}} value has no leading slash [S]. */
    private static @Nullable Map<String, String> pathParameters(MatchedRoute route) {
        return route.pathParameters().isEmpty() ? null : route.pathParameters();
    }
}
