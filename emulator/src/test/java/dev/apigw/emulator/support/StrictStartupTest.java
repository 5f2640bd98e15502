package dev.apigw.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayStartupException;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.LambdaFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Strict mode refuses a document with unenforced settings; without it the gateway starts and says so once. */
class StrictStartupTest {
    private static final Path UNENFORCED = Path.of("src/test/resources/specs/unenforced-rest.yaml");
    private static final LambdaFunction PETS = (payload, options) ->
            new InvocationResult.Success("{\"statusCode\":200,\"body\":\"[]\"}".getBytes(StandardCharsets.UTF_8));

    private static GatewayConfig.Builder config() {
        return GatewayConfig.builder().spec(UNENFORCED).function("Pets", new FunctionDefinition.Instance(PETS, null));
    }

    @Test
    void strict_startup_fails_listing_every_unenforced_setting_with_its_location() {
        GatewayStartupException refused = catchThrowableOfType(
                () -> Gateway.create(config().strict(true).build()), GatewayStartupException.class);

        assertThat(refused.problems()).hasSize(6).allSatisfy(problem -> assertThat(problem)
                .startsWith("--strict: ").contains(UNENFORCED.toString())
                .endsWith(". Remove the setting, or start without --strict."));
        assertThat(refused.problems().get(2)).isEqualTo("--strict: x-amazon-apigateway-security-policy at "
                + UNENFORCED + " line 11 (x-amazon-apigateway-security-policy): apigw serves plain HTTP, so TLS"
                + " versions and cipher suites are not restricted. Remove the setting, or start without --strict.");
        assertThat(refused.getMessage()).contains("paths./legacy/{proxy+}.x-amazon-apigateway-any-method"
                + ".x-amazon-apigateway-integration.connectionType");
    }

    @Test
    void strict_startup_of_a_clean_document_serves_it() {
        GatewayConfig.Builder clean = GatewayConfig.builder().spec(Path.of("src/test/resources/specs/rest-api.yaml"))
                .strict(true);
        for (String function : new String[] {"Echo", "Result", "Slow"}) {
            clean.function(function, new FunctionDefinition.Instance(PETS, null));
        }

        try (Gateway gateway = Gateway.create(clean.build())) {
            assertThat(gateway.handle(GatewayRequest.of("GET", "/dev/echo")).status()).isEqualTo(200);
        }
    }

    @Test
    void without_strict_the_gateway_starts_and_warns_once_listing_every_setting() {
        String log = stderrOf(() -> {
            try (Gateway gateway = Gateway.create(config().build())) {
                assertThat(gateway.handle(GatewayRequest.of("GET", "/dev/pets")).status())
                        .isEqualTo(200);
            }
        });

        Matcher warnings = Pattern.compile("apigw does not enforce 6 setting\\(s\\) of ").matcher(log);
        assertThat(warnings.results().count()).isEqualTo(1);
        assertThat(log).contains("x-amazon-apigateway-security-policy at " + UNENFORCED + " line 11")
                .contains("x-amazon-apigateway-integration.connectionType at " + UNENFORCED + " line 40");
    }

    @Test
    void the_fixture_in_strict_mode_fails_the_test_class_with_the_settings_listed() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(StrictFixture.class)).execute()
                .containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                        instanceOf(GatewayStartupException.class),
                        message(m -> m.contains("--strict: x-amazon-apigateway-security-policy at"
                                + " classpath:specs/unenforced-rest.yaml line 11"))));
    }

    @Test
    void the_fixture_without_strict_mode_serves_the_document() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(LenientFixture.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    /** Runs {@code action} with standard error captured, where apigw's log (slf4j-simple) writes. */
    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    static class StrictFixture {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/unenforced-rest.yaml")
                .withFunction("Pets", PETS)
                .strict();

        @Test
        void never_runs() {}
    }

    static class LenientFixture {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/unenforced-rest.yaml")
                .withFunction("Pets", PETS);

        @Test
        void serves_the_document() throws Exception {
            assertThat(gateway.httpClient().send(java.net.http.HttpRequest.newBuilder(gateway.uri("/pets")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}
