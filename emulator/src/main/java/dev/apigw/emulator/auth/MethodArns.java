package dev.apigw.emulator.auth;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.lambda.LocalAccount;

/**
 * {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path}}: how policies, authorizer events
 * ({@code methodArn}, HTTP API {@code routeArn}) and IAM messages name the method a request calls — the request's
 * verb (not ANY) and its actual path without the leading slash, so the root ends in {@code /GET/} [D].
 */
public final class MethodArns {

    private MethodArns() {}

    public static String of(RequestContext context, MatchedRoute route, GatewayRequest request) {
        return of(context.accountId(), context.apiId(), route, request);
    }

    public static String of(String accountId, String apiId, MatchedRoute route, GatewayRequest request) {
        String path = route.path().startsWith("/") ? route.path().substring(1) : route.path();
        return of(accountId, apiId, route.stage(), request.method() + "/" + path);
    }

    /** The ARN of {@code target} ({@code VERB/path}, or a WebSocket route key such as {@code $connect}) on a stage. */
    public static String of(String accountId, String apiId, String stage, String target) {
        return "arn:aws:execute-api:" + LocalAccount.REGION + ":" + accountId + ":" + apiId + "/" + stage + "/" + target;
    }
}
