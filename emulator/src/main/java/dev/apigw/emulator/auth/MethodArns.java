package dev.apigw.emulator.auth;

import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.routing.MatchedRoute;

/**
 * {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path}}: how policies, authorizer events
 * ({@code methodArn}, HTTP API {@code routeArn}) and IAM messages name the method a request calls — the request's
 * verb (not ANY) and its actual path without the leading slash, so the root ends in {@code /GET/} [D].
 */
public final class MethodArns {
    public static final String REGION = "us-east-1";

    private MethodArns() {}

    public static String of(RequestContext context, MatchedRoute route, GatewayRequest request) {
        return of(context.accountId(), context.apiId(), route, request);
    }

    public static String of(String accountId, String apiId, MatchedRoute route, GatewayRequest request) {
        String path = route.path().startsWith("/") ? route.path().substring(1) : route.path();
        return "arn:aws:execute-api:" + REGION + ":" + accountId + ":" + apiId + "/" + route.stage() + "/"
                + request.method() + "/" + path;
    }
}
