package dev.apigw.emulator.integration;

import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Exchange;
import dev.apigw.emulator.response.GatewayError;
import dev.apigw.emulator.response.GatewayException;

/** An integration that can only fail, the way AWS fails it at run time (e.g. a Lambda proxy called with GET). */
final class FailingInvoker implements IntegrationInvoker {
    private final GatewayError error;
    private final String detail;

    FailingInvoker(GatewayError error, String detail) {
        this.error = error;
        this.detail = detail;
    }

    @Override
    public GatewayResponse invoke(Exchange exchange) {
        throw new GatewayException(error, detail);
    }
}
