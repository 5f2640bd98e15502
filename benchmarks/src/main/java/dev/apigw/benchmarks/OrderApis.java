package dev.apigw.benchmarks;

import java.util.List;
import java.util.Map;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.SpecSource;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.exchange.RequestContexts;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.emulator.routing.RouteTable;
import dev.apigw.model.Api;
import dev.apigw.model.ApiType;

/**
 * The one-route APIs that serve {@link TypicalRequest}'s {@code POST /orders/{id}} in the event, result and
 * whole-gateway benchmarks, all backed by the Lambda function {@code Orders}: a REST Lambda proxy, an HTTP API with
 * payload 2.0, and a REST Lambda custom integration ({@code type: aws}) with a request and a response template.
 */
final class OrderApis {
    static final String FUNCTION = "Orders";

    private static final String URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:000000000000:function:" + FUNCTION + "/invocations";

    static final String REST_PROXY = """
            openapi: 3.0.1
            info: {title: orders-rest, version: "1"}
            paths:
              /orders/{id}:
                post:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: %s
            """.formatted(URI);

    static final String HTTP_PROXY = """
            openapi: 3.0.1
            info: {title: orders-http, version: "1"}
            paths:
              /orders/{id}:
                post:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    payloadFormatVersion: "2.0"
                    uri: %s
            """.formatted(URI);

    /** The function's result is {@link #CUSTOM_RESULT}; the response template picks three fields of it. */
    static final String REST_CUSTOM = """
            openapi: 3.0.1
            info: {title: orders-custom, version: "1"}
            paths:
              /orders/{id}:
                post:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    "200": {description: ok}
                  x-amazon-apigateway-integration:
                    type: aws
                    httpMethod: POST
                    uri: %s
                    passthroughBehavior: never
                    requestTemplates:
                      application/json: |
                        #set($order = $input.path('$'))
                        {
                          "id": "$input.params('id')",
                          "customer": "$util.escapeJavaScript($order.customer.name)",
                          "items": $input.json('$.items'),
                          "count": $order.items.size(),
                          "limit": "$input.params('limit')",
                          "stage": "$context.stage",
                          "requestId": "$context.requestId"
                        }
                    responses:
                      default:
                        statusCode: "200"
                        responseTemplates:
                          application/json: '{"order": "$input.path(''$.id'')", "status": "$input.path(''$.status'')", "items": $input.path(''$.count'')}'
            """.formatted(URI);

    /** What the custom integration's function answers. */
    static final String CUSTOM_RESULT = "{\"id\":\"42\",\"status\":\"accepted\",\"count\":8}";

    private OrderApis() {}

    /**
     * The exchange the gateway would hand to the integration for {@code request}: the route from a real route table,
     * the request context as the gateway creates it, an anonymous caller and no journal trace.
     */
    static Exchange exchange(ApiType type, String spec, GatewayRequest request) {
        Api api = SpecSource.text("orders.yaml", spec).importApi(type).orThrow();
        String stage = SyntheticSpecs.stage(type);
        MatchedRoute route = RouteTable.forApi(api, stage).match(request);
        RequestContexts contexts = new RequestContexts(api.title(), stage, Map.of(), type == ApiType.HTTP);
        return new Exchange(request, route, contexts.create(request), List.of());
    }
}
