package dev.apigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigw.emulator.handlers.EchoHandler;
import org.junit.jupiter.api.Test;

/** Stage variables in Lambda integration URIs choose the function, as on AWS. */
class StageVariablesTest {

    @Test
    void function_name_from_a_stage_variable_selects_the_function() {
        try (Gateway gateway = Gateway.create(GatewayConfig.builder().spec(TestSpecs.spec("stage-variable-function.yaml"))
                .stageVariable("helloFunction", "HelloBeta")
                .function("HelloBeta", new FunctionDefinition.Instance(new EchoHandler(), null)).build())) {

            assertThat(gateway.handle(GatewayRequest.of("GET", "/dev/hello")).status()).isEqualTo(200);
            assertThat(gateway.invocations("HelloBeta")).hasSize(1);
        }
    }

    @Test
    void the_function_a_stage_variable_names_must_be_registered() {
        assertThatThrownBy(() -> Gateway.create(GatewayConfig.builder().spec(TestSpecs.spec("stage-variable-function.yaml"))
                .stageVariable("helloFunction", "HelloProd").build()))
                .isInstanceOf(GatewayStartupException.class)
                .hasMessageContaining("no function HelloProd is registered");
    }
}
