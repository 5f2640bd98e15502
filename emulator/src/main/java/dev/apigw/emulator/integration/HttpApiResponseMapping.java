package dev.apigw.emulator.integration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.Header;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.mapping.ContextVariable;
import dev.apigw.emulator.mapping.HttpApiParameterMapping;

/**
 * An HTTP API integration with response parameter mapping: the integration's answer, changed as its
 * {@code responseParameters} for that status code say ({@code overwrite:statuscode}, header append/overwrite/remove).
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
final class HttpApiResponseMapping implements IntegrationInvoker {
    private final IntegrationInvoker integration;
    private final HttpApiParameterMapping.ResponseMapping mapping;

    HttpApiResponseMapping(IntegrationInvoker integration, HttpApiParameterMapping.ResponseMapping mapping) {
        this.integration = integration;
        this.mapping = mapping;
    }

    @Override
    public CompletableFuture<GatewayResponse> invoke(Exchange exchange, Executor runner) {
        return integration.invoke(exchange, runner).thenApply(response -> mapped(exchange, response));
    }

    private GatewayResponse mapped(Exchange exchange, GatewayResponse response) {
        Map<String, String> stageVariables = exchange.context().stageVariables();
        ContextVariable context = ContextVariable.of(exchange);
        HttpApiParameterMapping.ResponseParts mapped = mapping.apply(
                new HttpApiParameterMapping.ResponseParts(response.status(),
                        IntegrationResponses.headersOf(response.headers())),
                new String(response.body(), StandardCharsets.UTF_8),
                name -> context.lookup(name).orElse(null),
                stageVariables == null ? Map.of() : stageVariables);
        List<Header> headers = new ArrayList<>();
        mapped.headers().forEach((name, values) -> values.forEach(value -> headers.add(new Header(name, value))));
        return new GatewayResponse(mapped.statusCode(), new Headers(headers), response.body());
    }
}
