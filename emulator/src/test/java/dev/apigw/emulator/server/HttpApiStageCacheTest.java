package dev.apigw.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.TestSpecs;
import dev.apigw.emulator.handlers.EchoHandler;
import dev.apigw.model.ApiType;
import org.junit.jupiter.api.Test;

/** Only REST API stages have a cache on AWS: an HTTP API given one says so at startup and caches nothing. */
class HttpApiStageCacheTest {
    @Test
    void an_http_api_ignores_a_stage_cache_with_a_warning() {
        GatewayConfig config = GatewayConfig.builder().spec(TestSpecs.spec("stages-http.yaml")).apiType(ApiType.HTTP)
                .stageCache(cache -> cache.withTtl(300))
                .function("Echo", new FunctionDefinition.Instance(new EchoHandler(), null)).build();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Gateway gateway;
        try {
            gateway = Gateway.create(config);
        } finally {
            System.setErr(original);
        }
        try (gateway) {
            assertThat(captured.toString(StandardCharsets.UTF_8)).contains("the stage cache of stage '$default' is"
                    + " ignored: API Gateway caches only REST API stages, and this is an HTTP API");
            assertThat(gateway.handle(GatewayRequest.of("GET", "/echo")).status()).isEqualTo(200);
            assertThat(gateway.handle(GatewayRequest.of("GET", "/echo")).status()).isEqualTo(200);
            assertThat(gateway.invocations("Echo")).hasSize(2);
            assertThat(gateway.stageCache().size()).isZero();
        }
    }
}
