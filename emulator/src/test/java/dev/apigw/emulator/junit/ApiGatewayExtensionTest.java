package dev.apigw.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.emulator.handlers.ResultHandler;
import dev.apigw.emulator.handlers.SlowHandler;
import dev.apigw.lambda.LambdaFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The fixture's lifecycle, run through the JUnit engine as a user's test class would be. */
class ApiGatewayExtensionTest {
    static final List<Integer> PORTS = new ArrayList<>();
    static final List<Integer> CALLS_SEEN = new ArrayList<>();

    static ApiGatewayExtension base() {
        return ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
                .withFunction("Echo", new EchoHandler())
                .withFunction("Result", new ResultHandler())
                .withFunction("Slow", new SlowHandler())
                .withStageVariable("backend", "http://127.0.0.1:9");
    }

    static void callEcho(ApiGatewayExtension gateway) throws Exception {
        HttpResponse<String> response = gateway.httpClient().send(HttpRequest.newBuilder(gateway.uri("/echo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    @Test
    void static_field_shares_one_gateway_per_class_and_resets_invocations_between_tests() {
        PORTS.clear();
        CALLS_SEEN.clear();

        run(StaticField.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(PORTS).hasSize(2).containsOnly(PORTS.get(0));
        assertThat(CALLS_SEEN).containsExactly(1, 1);
    }

    @Test
    void instance_field_starts_a_gateway_per_test() {
        PORTS.clear();

        run(InstanceField.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(PORTS).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void a_missing_function_fails_the_class_with_the_problem_listed() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(MissingFunction.class)).execute()
                .containerEvents().assertThatEvents().haveExactly(1, org.junit.platform.testkit.engine.EventConditions
                        .finishedWithFailure(org.junit.platform.testkit.engine.TestExecutionResultConditions
                                .message(m -> m.contains("no function Slow is registered"))));
    }

    @Test
    void nested_classes_share_the_enclosing_class_gateway() {
        PORTS.clear();

        run(WithNested.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(PORTS).hasSize(2).containsOnly(PORTS.get(0));
    }

    @Test
    void a_lambda_function_given_by_the_test_outlives_each_gateway() {
        run(SharedFunctionInstanceField.class).assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void accessors_explain_when_the_gateway_is_not_running() {
        assertThatThrownBy(() -> base().port()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension");
    }

    @Test
    void a_spec_that_cannot_be_found_names_where_it_looked() {
        assertThatThrownBy(() -> SpecLocator.locate("nope/openapi.yaml"))
                .hasMessageContaining("classpath resource 'nope/openapi.yaml'").hasMessageContaining("file");
    }

    static class StaticField {
        @RegisterExtension
        static ApiGatewayExtension gateway = base();

        @Test
        void first() throws Exception {
            record();
        }

        @Test
        void second() throws Exception {
            record();
        }

        private void record() throws Exception {
            callEcho(gateway);
            PORTS.add(gateway.port());
            CALLS_SEEN.add(gateway.invocations("Echo").size());
        }
    }

    static class InstanceField {
        @RegisterExtension
        ApiGatewayExtension gateway = base();

        @Test
        void first() throws Exception {
            callEcho(gateway);
            PORTS.add(gateway.port());
        }

        @Test
        void second() throws Exception {
            callEcho(gateway);
            PORTS.add(gateway.port());
        }
    }

    static class WithNested {
        @RegisterExtension
        static ApiGatewayExtension gateway = base();

        @Test
        void outer() throws Exception {
            callEcho(gateway);
            PORTS.add(gateway.port());
        }

        @Nested
        class Inner {
            @Test
            void inner() throws Exception {
                callEcho(gateway);
                PORTS.add(gateway.port());
            }
        }
    }

    static class SharedFunctionInstanceField {
        static final LambdaFunction ECHO = LambdaFunction.ofStream(new EchoHandler());

        @RegisterExtension
        ApiGatewayExtension gateway = base().withFunction("Echo", ECHO);

        @Test
        void first() throws Exception {
            callEcho(gateway);
        }

        @Test
        void second() throws Exception {
            callEcho(gateway);
        }
    }

    static class MissingFunction {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-api.yaml")
                .withFunction("Echo", new EchoHandler())
                .withFunction("Result", new ResultHandler());

        @Test
        void never_runs() {}
    }
}
