package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayStartupException;
import dev.apigw.emulator.TestSpecs;
import org.junit.jupiter.api.Test;

/** A WebSocket route's mapping template that does not parse stops the gateway, naming where it is. */
class WebSocketIntegrationsStartupAcceptanceTest {

    @Test
    void request_template_parse_error_is_a_startup_problem_with_its_location() {
        assertThatThrownBy(() -> Gateway.create(GatewayConfig.builder()
                .spec(TestSpecs.spec("ws-integrations-broken.yaml")).build()))
                .isInstanceOf(GatewayStartupException.class)
                .hasMessageContaining("x-apigw-websocket.routes.$default.integration.requestTemplates.application/json");
    }
}
