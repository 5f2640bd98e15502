package dev.apigw.emulator.integration;

import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.exchange.Exchange;

/**
 * One integration, compiled: calls the backend for a request and returns the method response. Throws
 * {@code GatewayException} for the failures AWS answers with a gateway response.
 */
public interface IntegrationInvoker {

    GatewayResponse invoke(Exchange exchange);
}
