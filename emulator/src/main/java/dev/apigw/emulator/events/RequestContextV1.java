package dev.apigw.emulator.events;

import java.io.IOException;
import java.util.Map;
import java.time.Instant;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.Principal;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;

/**
 * The {@code requestContext} of payload 1.0 events. REST APIs and HTTP APIs are different services and write
 * different key orders and identity blocks, each copied from real captures.
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
        // The authorizer's block right after resourceId, as in real captures.
        writeAuthorizer(json, exchange.caller().principal().restAuthorizer());
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
        writeRestIdentity(json, context, exchange.caller());
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
        writeAuthorizer(json, exchange.caller().principal().httpV1Authorizer());
        json.writeStringField("domainName", context.domainName());
        json.writeStringField("domainPrefix", context.domainPrefix());
        // HTTP APIs have one id per request, the short one also sent as apigw-requestid; both keys carry it.
        json.writeStringField("extendedRequestId", context.requestId());
        json.writeStringField("httpMethod", exchange.request().method());
        writeHttpApiIdentity(json, context, exchange.caller());
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

    /** An authorizer block; nothing when it is empty (AWS leaves the key out without an authorizer [S]). */
    static void writeAuthorizer(JsonGenerator json, Map<String, Object> block) throws IOException {
        if (!block.isEmpty()) {
            json.writeObjectField("authorizer", block);
        }
    }

    /**
     * All twelve keys, unset ones null, in the order real REST events list them [S keys; K order]; SigV4 fills the
     * IAM keys, and {@code apiKey}/{@code apiKeyId} follow {@code caller} when an API key was required [D; position
     * unconfirmed].
     */
    private static void writeRestIdentity(JsonGenerator json, RequestContext context, Caller caller)
            throws IOException {
        Principal.Iam iam = caller.iam();
        json.writeObjectFieldStart("identity");
        json.writeNullField("cognitoIdentityPoolId");
        EventJson.nullableString(json, "accountId", iam == null ? null : iam.accountId());
        json.writeNullField("cognitoIdentityId");
        EventJson.nullableString(json, "caller", iam == null ? null : iam.userId());
        if (caller.apiKey() != null) {
            json.writeStringField("apiKey", caller.apiKey());
            EventJson.nullableString(json, "apiKeyId", caller.apiKeyId());
        }
        json.writeStringField("sourceIp", context.sourceIp());
        json.writeNullField("principalOrgId");
        EventJson.nullableString(json, "accessKey", iam == null ? null : iam.accessKey());
        json.writeNullField("cognitoAuthenticationType");
        json.writeNullField("cognitoAuthenticationProvider");
        EventJson.nullableString(json, "userArn", iam == null ? null : iam.userArn());
        EventJson.nullableString(json, "userAgent", context.userAgent());
        EventJson.nullableString(json, "user", iam == null ? null : iam.userId());
        json.writeEndObject();
    }

    /** Sorted keys; {@code cognitoAmr} appears in the 2022 capture, not in the 2020 one [K]. */
    private static void writeHttpApiIdentity(JsonGenerator json, RequestContext context, Caller caller)
            throws IOException {
        Principal.Iam iam = caller.iam();
        json.writeObjectFieldStart("identity");
        EventJson.nullableString(json, "accessKey", iam == null ? null : iam.accessKey());
        EventJson.nullableString(json, "accountId", iam == null ? null : iam.accountId());
        EventJson.nullableString(json, "caller", iam == null ? null : iam.userId());
        json.writeNullField("cognitoAmr");
        json.writeNullField("cognitoAuthenticationProvider");
        json.writeNullField("cognitoAuthenticationType");
        json.writeNullField("cognitoIdentityId");
        json.writeNullField("cognitoIdentityPoolId");
        json.writeNullField("principalOrgId");
        json.writeStringField("sourceIp", context.sourceIp());
        EventJson.nullableString(json, "user", iam == null ? null : iam.userId());
        EventJson.nullableString(json, "userAgent", context.userAgent());
        EventJson.nullableString(json, "userArn", iam == null ? null : iam.userArn());
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
