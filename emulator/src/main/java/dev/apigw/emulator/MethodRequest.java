package dev.apigw.emulator;

import java.util.List;
import java.util.Optional;
import dev.apigw.emulator.auth.AccessControl;
import dev.apigw.emulator.auth.AuthorizationResult;
import dev.apigw.emulator.auth.iam.IamAuthorization;
import dev.apigw.emulator.cors.HttpApiCors;
import dev.apigw.emulator.exchange.Caller;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.observe.RequestObservation;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.emulator.routing.RouteTable;
import dev.apigw.emulator.usage.MeterResult;
import dev.apigw.emulator.usage.UsageMeter;
import dev.apigw.emulator.validation.MethodValidations;
import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.RestApi;
import org.jspecify.annotations.Nullable;

/**
 * The Method Request stage of the gateway's pipeline: everything that may refuse a request before its integration is
 * called, in AWS's order (route, authorization, usage plan and throttling, validation).
 */
final class MethodRequest {
    private final Api api;
    private final String stage;
    private final RouteTable routes;
    private final HttpApiCors cors;
    private final AccessControl accessControl;
    private final UsageMeter meter;
    private final MethodValidations validations;
    private final List<String> binaryMediaTypes;

    MethodRequest(Api api, String stage, RouteTable routes, HttpApiCors cors, AccessControl accessControl,
            UsageMeter meter, MethodValidations validations, List<String> binaryMediaTypes) {
        this.api = api;
        this.stage = stage;
        this.routes = routes;
        this.cors = cors;
        this.accessControl = accessControl;
        this.meter = meter;
        this.validations = validations;
        this.binaryMediaTypes = binaryMediaTypes;
    }

    /**
     * Method Request: the route, authorization, usage plan and validation, each of which may refuse the request
     * (a GatewayException); null for a CORS preflight the gateway answers itself.
     */
    @Nullable Exchange admit(GatewayRequest request, RequestContext context,
            RequestObservation observation) {
        MatchedRoute route = match(request);
        observation.routed();
        if (route == null) {
            return null;
        }
        observation.route(route);
        AuthorizationResult authorization = accessControl.authorize(route, request, context, observation.trace());
        if (authorization instanceof AuthorizationResult.Denied denied) {
            throw refusal(denied);
        }
        observation.authorized();
        AuthorizationResult.Allowed allowed = (AuthorizationResult.Allowed) authorization;
        // Throttles count per method as declared (an ANY method is one method, whatever the verb).
        String declaredMethod = route.method() != null ? route.method().httpMethod().name() : request.method();
        MeterResult metered = meter.admit(route.method() != null && route.method().apiKeyRequired(),
                apiKey(request, allowed), route.resourcePath(), declaredMethod, route.routeKey(), stage);
        if (metered instanceof MeterResult.Refused limit) {
            GatewayError error = GatewayError.valueOf(limit.responseType());
            throw new GatewayException(error, "usage plan or throttle", error.restMessage(),
                    new GatewayException.DefaultAnswer(limit.status(), limit.body(), limit.errorType()));
        }
        observation.metered();
        validations.check(route.method(), request, route.pathParameters());
        observation.validated();
        MeterResult.Admitted admitted = (MeterResult.Admitted) metered;
        Caller caller = new Caller(allowed.principal(), admitted.apiKey(), admitted.apiKeyId());
        observation.caller(caller);
        return new Exchange(request, route, context, binaryMediaTypes, caller, observation.trace());
    }

    /** A resource policy's or an authorizer's refusal, with AWS's exact default answer. */
    private static GatewayException refusal(AuthorizationResult.Denied denied) {
        return new GatewayException(GatewayError.valueOf(denied.responseType()), denied.detail(),
                denied.message(),
                new GatewayException.DefaultAnswer(denied.status(), denied.body(), denied.errorType(),
                        denied.headers()));
    }

    /** The API key: the {@code x-api-key} header, or the authorizer's usageIdentifierKey (apiKeySource AUTHORIZER). */
    private @Nullable String apiKey(GatewayRequest request, AuthorizationResult.Allowed allowed) {
        if (api instanceof RestApi rest && rest.apiKeySource() == ApiKeySource.AUTHORIZER) {
            return allowed.usageIdentifierKey();
        }
        return request.headers().first("x-api-key").orElse(null);
    }

    /**
     * The route, or null for a CORS preflight no route takes: HTTP APIs answer those themselves, but a matching route
     * (an OPTIONS route, {@code ANY /{proxy+}}, {@code $default}) gets the preflight like any request [D http-api-cors].
     * A REST request no route takes gets Missing Authentication Token, or the incomplete-signature answer when it
     * carries an Authorization header that is not SigV4.
     */
    private @Nullable MatchedRoute match(GatewayRequest request) {
        try {
            return routes.match(request);
        } catch (GatewayException missed) {
            if (cors.isPreflight(request)) {
                return null;
            }
            if (api instanceof RestApi) {
                Optional<AuthorizationResult.Denied> unsigned = IamAuthorization.unroutedRestRefusal(request);
                if (unsigned.isPresent()) {
                    throw refusal(unsigned.get());
                }
            }
            throw missed;
        }
    }
}
