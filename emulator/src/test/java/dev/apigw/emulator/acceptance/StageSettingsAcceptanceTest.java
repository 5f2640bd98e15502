package dev.apigw.emulator.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.apigw.emulator.AccessLogSettings;
import dev.apigw.emulator.Canary;
import dev.apigw.emulator.StageOptions;
import dev.apigw.emulator.StageThrottle;
import dev.apigw.emulator.cache.StageCacheSettings;
import dev.apigw.emulator.handlers.CountingHandler;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import dev.apigw.lambda.InvocationResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several stages in one fixture, each with its own throttle, cache and access log over the shared settings; the
 * account throttle, and a stage's throttle, count across stages and canaries as on AWS.
 */
class StageSettingsAcceptanceTest {

    static HttpResponse<String> get(ApiGatewayExtension gateway, String stage, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(stage, path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return gateway.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class Throttles {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-cache.yaml")
                .withFunction("Counter", new CountingHandler())
                .withThrottle(100, 100)
                .withStages("dev", "prod")
                .withStage("prod", StageOptions.NONE.withThrottle(new StageThrottle(1, 2))
                        .withRouteThrottle("/toys/GET", new StageThrottle(1, 1))
                        .withCanary(Canary.of(50)));

        @Test
        void a_stage_throttle_of_its_own_refuses_only_that_stages_requests() throws Exception {
            // The clock stands still: prod's burst of 2 is all it gets; dev keeps the shared 100.
            assertThat(get(gateway, "prod", "/pets").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "prod", "/pets").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "prod", "/pets").statusCode()).isEqualTo(429);
            for (int i = 0; i < 5; i++) {
                assertThat(get(gateway, "dev", "/pets").statusCode()).isEqualTo(200);
            }
            gateway.clock().advance(Duration.ofSeconds(1));
            assertThat(get(gateway, "prod", "/pets").statusCode()).isEqualTo(200);
        }

        @Test
        void a_stage_method_throttle_goes_over_its_default() throws Exception {
            assertThat(get(gateway, "prod", "/toys").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "prod", "/toys").statusCode()).isEqualTo(429);
            assertThat(get(gateway, "dev", "/toys").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "dev", "/toys").statusCode()).isEqualTo(200);
        }

        @Test
        void the_canary_counts_against_its_stages_throttle() throws Exception {
            assertThat(get(gateway, "prod", "/pets", "X-Apigw-Canary", "true").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "prod", "/pets", "X-Apigw-Canary", "false").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "prod", "/pets", "X-Apigw-Canary", "true").statusCode()).isEqualTo(429);
        }
    }

    @Nested
    class AccountThrottle {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-cache.yaml")
                .withFunction("Counter", new CountingHandler())
                .withAccountThrottle(1, 3)
                .withStages("dev", "prod");

        @Test
        void every_stage_draws_on_one_account_bucket() throws Exception {
            assertThat(get(gateway, "dev", "/pets").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "dev", "/pets").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "prod", "/pets").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "prod", "/pets").statusCode()).isEqualTo(429);
            assertThat(get(gateway, "dev", "/pets").statusCode()).isEqualTo(429);
        }

        @Test
        void the_reset_between_tests_refilled_it_for_every_stage() throws Exception {
            assertThat(get(gateway, "prod", "/pets").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "dev", "/pets").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Caches {
        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-cache.yaml")
                .withFunction("Counter", new CountingHandler())
                .withStageCache(Duration.ofSeconds(300))
                .withStages("dev", "prod")
                .withStage("dev", StageOptions.NONE.withCache(StageCacheSettings.OFF));

        @Test
        void a_stage_without_a_cache_calls_the_function_every_time_while_the_other_caches() throws Exception {
            String first = get(gateway, "prod", "/toys").body();
            assertThat(get(gateway, "prod", "/toys").body()).isEqualTo(first);
            assertThat(gateway.gateway("prod").invocations("Counter")).hasSize(1);

            get(gateway, "dev", "/toys");
            get(gateway, "dev", "/toys");
            assertThat(gateway.gateway("dev").invocations("Counter")).hasSize(2);
            assertThat(gateway.gateway("dev").stageCache().size()).isZero();
            assertThat(gateway.gateway("prod").stageCache().size()).isEqualTo(1);
        }

        @Test
        void the_fixture_flushes_every_stages_cache_and_stubs_every_stage() throws Exception {
            get(gateway, "prod", "/toys");
            gateway.flushCache();
            assertThat(gateway.gateway("prod").stageCache().size()).isZero();

            gateway.stubFunction("Counter", (payload, options) -> new InvocationResult.Success(
                    "{\"statusCode\":200,\"body\":\"stubbed\"}".getBytes(StandardCharsets.UTF_8)));
            assertThat(get(gateway, "dev", "/toys").body()).isEqualTo("stubbed");
            assertThat(get(gateway, "prod", "/toys").body()).isEqualTo("stubbed");
        }
    }

    @Nested
    class AccessLogs {
        static final Path LOGS = temporaryDirectory();

        @RegisterExtension
        static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("specs/rest-cache.yaml")
                .withFunction("Counter", new CountingHandler())
                .withStages("dev", "prod")
                .withStage("dev", StageOptions.NONE.withAccessLog(
                        new AccessLogSettings("$context.requestId $context.stage $context.resourcePath", LOGS.resolve("dev.log"))))
                .withStage("prod", StageOptions.NONE.withAccessLog(
                        new AccessLogSettings("json", LOGS.resolve("prod.log"))));

        @Test
        void each_stage_writes_its_own_format_to_its_own_file() throws Exception {
            assertThat(get(gateway, "dev", "/toys").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "prod", "/pets").statusCode()).isEqualTo(200);
            assertThat(get(gateway, "prod", "/pets").statusCode()).isEqualTo(200);

            // A request's line is written before its answer, so the files are complete when the answers are in.
            assertThat(Files.readAllLines(LOGS.resolve("dev.log"))).singleElement().asString().endsWith(" dev /toys");
            assertThat(Files.readAllLines(LOGS.resolve("prod.log"))).hasSize(2)
                    .allSatisfy(line -> assertThat(line).startsWith("{ \"requestId\":").contains("\"resourcePath\":\"/pets\""));
        }

        private static Path temporaryDirectory() {
            try {
                Path directory = Files.createTempDirectory("apigw-stage-logs");
                directory.toFile().deleteOnExit();
                return directory;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
