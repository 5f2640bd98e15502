package dev.apigw.emulator.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gateway response templates: AWS's simple substitution, not Velocity. */
class TemplateVariablesTest {
    private final TemplateVariables variables = new TemplateVariables(
            Map.of("requestId", "abc", "stage", "dev"), Map.of("env", "test"), Map.of());

    @Test
    void renders_aws_default_template_with_a_quoted_message() {
        assertThat(variables.render("{\"message\":$context.error.messageString}", GatewayError.ROUTE_NOT_FOUND))
                .isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void a_dot_after_a_reference_is_text() {
        assertThat(variables.render("id $context.requestId.", GatewayError.ROUTE_NOT_FOUND)).isEqualTo("id abc.");
    }

    @Test
    void braced_references_and_stage_variables_are_substituted() {
        assertThat(variables.render("${context.stage}/$stageVariables.env/$context.unknown", GatewayError.ROUTE_NOT_FOUND))
                .isEqualTo("dev/test/");
    }

    @Test
    void response_parameter_sources_are_static_values_stage_variables_or_context() {
        assertThat(variables.valueOf("'static'")).isEqualTo("static");
        assertThat(variables.valueOf("stageVariables.env")).isEqualTo("test");
        assertThat(variables.valueOf("context.requestId")).isEqualTo("abc");
    }
}
