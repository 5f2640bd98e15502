package dev.apigw.emulator.events;

import java.io.IOException;
import java.util.Map;
import java.time.Instant;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;

/**
 * The {@code requestContext} of payload 1.0 events. REST APIs and HTTP APIs are different services and write
 * different key orders and identity blocks, each copied from real captures. Authorizer output is not written yet;
 * when it is, its {@code authorizer} block goes where the comments mark (AWS's position in real captures).
 */
public final class RequestContextV1 {
    private RequestContextV1() {}

    /** {@code requestTime} in Common Log Format, as events and {@code $context.requestTime} show it. */
    public static String requestTime(Instant time) {
        return EventJson.clf(time);
    }

    /**
     * REST order as real REST APIs send it (Lambda console / CloudWatch captures: resourceId, resourcePath,
     * httpMethod, extendedRequestId, requestTime, path, …, identity, domainName, apiId)
     * [K serverless-tools/lambda-apig, blog.daringkoala.com captures]. {@code deploymentId} is newer than those
     * captures and absent from them; we put it before apiId (unconfirmed position). {@code path} is the
     * stage-prefixed raw path [S].
     */
    static void writeRest(JsonGenerator json, Exchange exchange) throws IOException {
        RequestContext context = exchange.context();
        MatchedRoute route = exchange.route();
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("resourceId", route.resourceId());
        // A Lambda authorizer's principalId and context values, right after resourceId as in real captures.
        if (!exchange.authorizer().isEmpty()) {
            json.writeObjectFieldStart("authorizer");
            for (Map.Entry<String, Object> entry : exchange.authorizer().entrySet()) {
                json.writeObjectField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
        json.writeStringField("resourcePath", route.resourcePath());
        json.writeStringField("httpMethod", exchange.request().method());
        json.writeStringField("extendedRequestId", context.extendedRequestId());
        json.writeStringField("requestTime", EventJson.clf(context.requestTime()));
        json.writeStringField("path", stagePrefixedPath(exchange));
        json.writeStringField("accountId", context.accountId());
        json.writeStringField("protocol", context.protocol());
        json.writeStringField("stage", route.stage());
        json.writeStringField("domainPrefix", context.domainPrefix());
        json.writeNumberField("requestTimeEpoch", context.requestTime().toEpochMilli());
        json.writeStringField("requestId", context.requestId());
        writeRestIdentity(json, context);
        json.writeStringField("domainName", context.domainName());
        json.writeStringField("deploymentId", context.deploymentId());
        json.writeStringField("apiId", context.apiId());
        json.writeEndObject();
    }

    /**
     * HTTP API payload 1.0: keys sorted, no deploymentId, {@code resourceId} is the route key ({@code GET /hello}),
     * {@code path} the raw path including a named stage's prefix, and {@code requestId} equal to
     * {@code extendedRequestId} [K real captures: serverless/serverless#7860 demo, firetail-io fixture; §2.2].
     */
    static void writeHttpApi(JsonGenerator json, Exchange exchange) throws IOException {
        RequestContext context = exchange.context();
        MatchedRoute route = exchange.route();
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("accountId", context.accountId());
        json.writeStringField("apiId", context.apiId());
        // authorizer (HTTP API 1.0): written here, between apiId and domainName, once authorizers exist.
        json.writeStringField("domainName", context.domainName());
        json.writeStringField("domainPrefix", context.domainPrefix());
        // HTTP APIs have one id per request, the short one also sent as apigw-requestid; both keys carry it.
        json.writeStringField("extendedRequestId", context.requestId());
        json.writeStringField("httpMethod", exchange.request().method());
        writeHttpApiIdentity(json, context);
        json.writeStringField("path", exchange.request().rawPath());
        json.writeStringField("protocol", context.protocol());
        json.writeStringField("requestId", context.requestId());
        json.writeStringField("requestTime", EventJson.clf(context.requestTime()));
        json.writeNumberField("requestTimeEpoch", context.requestTime().toEpochMilli());
        json.writeStringField("resourceId", route.routeKey() != null ? route.routeKey() : route.resourceId());
        json.writeStringField("resourcePath", route.resourcePath());
        json.writeStringField("stage", route.stage());
        json.writeEndObject();
    }

    /** All twelve keys, unset ones null, in the order real REST events list them [S keys; K order]. */
    private static void writeRestIdentity(JsonGenerator json, RequestContext context) throws IOException {
        json.writeObjectFieldStart("identity");
        json.writeNullField("cognitoIdentityPoolId");
        json.writeNullField("accountId");
        json.writeNullField("cognitoIdentityId");
        json.writeNullField("caller");
        json.writeStringField("sourceIp", context.sourceIp());
        json.writeNullField("principalOrgId");
        json.writeNullField("accessKey");
        json.writeNullField("cognitoAuthenticationType");
        json.writeNullField("cognitoAuthenticationProvider");
        json.writeNullField("userArn");
        EventJson.nullableString(json, "userAgent", context.userAgent());
        json.writeNullField("user");
        json.writeEndObject();
    }

    /** Sorted keys; {@code cognitoAmr} appears in the 2022 capture, not in the 2020 one [K]. */
    private static void writeHttpApiIdentity(JsonGenerator json, RequestContext context) throws IOException {
        json.writeObjectFieldStart("identity");
        json.writeNullField("accessKey");
        json.writeNullField("accountId");
        json.writeNullField("caller");
        json.writeNullField("cognitoAmr");
        json.writeNullField("cognitoAuthenticationProvider");
        json.writeNullField("cognitoAuthenticationType");
        json.writeNullField("cognitoIdentityId");
        json.writeNullField("cognitoIdentityPoolId");
        json.writeNullField("principalOrgId");
        json.writeStringField("sourceIp", context.sourceIp());
        json.writeNullField("user");
        EventJson.nullableString(json, "userAgent", context.userAgent());
        json.writeNullField("userArn");
        json.writeEndObject();
    }

    /** {@code /stage/path}, raw, inner {@code //} kept; a doubled slash before the stage is ignored [S]. */
    public static String stagePrefixedPath(Exchange exchange) {
        String raw = exchange.request().rawPath();
        int start = 0;
        while (start + 1 < raw.length() && raw.charAt(start + 1) == '/') {
            start++;
        }
        return raw.substring(start);
    }
}
