package dev.apigw.emulator.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;

/**
 * The HTTP API Lambda event, payload format 2.0. Unlike 1.0, empty collections are left out rather than
 * {@code null}, repeated headers and query parameters are joined with commas, and cookies get their own list [D][E].
 * Key order follows the real capture aws-lambda-go {@code events/testdata/apigw-v2-request-no-authorizer.json}
 * and, for the optional keys it lacks, the order of the real HTTP API 1.0 captures (parameters after requestContext).
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
public final class ProxyEventV2 {
    private ProxyEventV2() {}

    public static byte[] build(Exchange exchange) {
        return EventJson.object(json -> write(json, exchange));
    }

    private static void write(JsonGenerator json, Exchange exchange) throws IOException {
        GatewayRequest request = exchange.request();
        MatchedRoute route = exchange.route();
        json.writeStringField("version", "2.0");
        json.writeStringField("routeKey", routeKey(route));
        // rawPath is the path as received, so it keeps a named stage's prefix (/dev/pets) [K]; $default has none.
        json.writeStringField("rawPath", request.rawPath());
        json.writeStringField("rawQueryString", QueryString.raw(request.rawQuery()));
        writeCookies(json, request);
        writeHeaders(json, exchange);
        writeJoined(json, "queryStringParameters", QueryString.parse(request.rawQuery()));
        writeRequestContext(json, exchange);
        if (!route.pathParameters().isEmpty()) {
            EventJson.stringMap(json, "pathParameters", route.pathParameters());
        }
        if (exchange.context().stageVariables() != null) {
            EventJson.stringMap(json, "stageVariables", exchange.context().stageVariables());
        }
        EventBody body = EventBody.httpApi(request);
        if (body.text() != null) {
            json.writeStringField("body", body.text());
        }
        json.writeBooleanField("isBase64Encoded", body.base64Encoded());
    }

    /** Every Cookie header, split at {@code ;} and trimmed: {@code a=1; b=2} gives two entries [D][K mangum#153]. */
    private static void writeCookies(JsonGenerator json, GatewayRequest request) throws IOException {
        List<String> cookies = new ArrayList<>();
        for (String header : request.headers().values("Cookie")) {
            for (String cookie : header.split(";")) {
                if (!cookie.isBlank()) {
                    cookies.add(cookie.trim());
                }
            }
        }
        if (cookies.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("cookies");
        for (String cookie : cookies) {
            json.writeString(cookie);
        }
        json.writeEndArray();
    }

    /**
     * Lower-cased names, repeats joined with a bare comma [D]. The Cookie header is left out: it is moved to
     * {@code cookies} — the docs' 2.0 sample shows cookies only in that list (whether AWS also keeps it in
     * {@code headers} is unconfirmed, AWS-REFERENCE §2.1).
     */
    private static void writeHeaders(JsonGenerator json, Exchange exchange) throws IOException {
        List<Header> forwarded = ForwardedHeaders.withContentLength(ForwardedHeaders.of(exchange), exchange.request());
        List<Header> headers = new ArrayList<>(forwarded.size());
        for (Header header : forwarded) {
            if (!header.name().equalsIgnoreCase("Cookie")) {
                headers.add(header);
            }
        }
        List<HeaderGroup> grouped = HeaderViews.httpV2(headers);
        if (grouped.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart("headers");
        for (HeaderGroup header : grouped) {
            json.writeStringField(header.name(), joined(header.values()));
        }
        json.writeEndObject();
    }

    private static void writeJoined(JsonGenerator json, String field, Map<String, List<String>> multi)
            throws IOException {
        if (multi.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : multi.entrySet()) {
            json.writeStringField(entry.getKey(), joined(entry.getValue()));
        }
        json.writeEndObject();
    }

    /** Repeats joined with a bare comma [D]; a single value (the usual case) needs no joining. */
    private static String joined(List<String> values) {
        return values.size() == 1 ? values.get(0) : String.join(",", values);
    }

    /** Sorted keys, as in the real capture; {@code http.path} equals rawPath [E]. */
    private static void writeRequestContext(JsonGenerator json, Exchange exchange) throws IOException {
        RequestContext context = exchange.context();
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("accountId", context.accountId());
        json.writeStringField("apiId", context.apiId());
        RequestContextV1.writeAuthorizer(json, exchange.caller().principal().httpV2Authorizer());
        json.writeStringField("domainName", context.domainName());
        json.writeStringField("domainPrefix", context.domainPrefix());
        json.writeObjectFieldStart("http");
        json.writeStringField("method", exchange.request().method());
        json.writeStringField("path", exchange.request().rawPath());
        json.writeStringField("protocol", context.protocol());
        json.writeStringField("sourceIp", context.sourceIp());
        EventJson.nullableString(json, "userAgent", context.userAgent());
        json.writeEndObject();
        json.writeStringField("requestId", context.requestId());
        json.writeStringField("routeKey", routeKey(exchange.route()));
        json.writeStringField("stage", exchange.route().stage());
        json.writeStringField("time", EventJson.clf(context.requestTime()));
        json.writeNumberField("timeEpoch", context.requestTime().toEpochMilli());
        json.writeEndObject();
    }

    private static String routeKey(MatchedRoute route) {
        String routeKey = route.routeKey();
        if (routeKey == null) {
            throw new IllegalStateException("payload 2.0 needs an HTTP API route key, but route " + route.resourcePath()
                    + " has none (a REST API route?)");
        }
        return routeKey;
    }
}
