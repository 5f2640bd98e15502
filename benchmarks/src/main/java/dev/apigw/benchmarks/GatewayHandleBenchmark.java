package dev.apigw.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.SpecSource;
import dev.apigw.model.ApiType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link TypicalRequest} (10 headers, 3 query parameters, 1 KB JSON body) through {@code Gateway.handle}, in
 * memory, no sockets, with the handler on the calling thread as the HTTP server runs it, with the gateway's defaults (observability on: journal, metrics, statistics): request context,
 * routing, access control, metering, integration, response headers, journal entry. The function is an in-process
 * Java handler that does not read its input. {@code restProxy}: a REST Lambda proxy (event 1.0, proxy result read
 * with REST rules). {@code httpApiV2}: an HTTP API Lambda proxy with payload 2.0. {@code restCustom}: a REST Lambda
 * custom integration ({@code type: aws}) whose request template reads the body, path and query and whose response
 * template picks three fields of the function's JSON answer. Each gateway is created once in setup, so the templates
 * are parsed and the functions warm before measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class GatewayHandleBenchmark {

    /** A proxy function that answers a fixed 200 with a small JSON body, without reading the event. */
    public static class ProxyNoopHandler implements RequestStreamHandler {
        private static final byte[] RESULT = ("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":\"{\\\"ok\\\":true}\"}").getBytes(StandardCharsets.UTF_8);

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write(RESULT);
        }
    }

    /** A custom-integration function that answers {@link OrderApis#CUSTOM_RESULT} without reading its input. */
    public static class CustomNoopHandler implements RequestStreamHandler {
        private static final byte[] RESULT = OrderApis.CUSTOM_RESULT.getBytes(StandardCharsets.UTF_8);

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write(RESULT);
        }
    }

    private Gateway restProxy;
    private Gateway httpApi;
    private Gateway restCustom;
    private GatewayRequest restRequest;
    private GatewayRequest httpApiRequest;

    @Setup
    public void setUp() {
        restProxy = gateway(ApiType.REST, OrderApis.REST_PROXY, ProxyNoopHandler.class);
        httpApi = gateway(ApiType.HTTP, OrderApis.HTTP_PROXY, ProxyNoopHandler.class);
        restCustom = gateway(ApiType.REST, OrderApis.REST_CUSTOM, CustomNoopHandler.class);
        restRequest = TypicalRequest.rest();
        httpApiRequest = TypicalRequest.httpApi();
        expect(restProxy.handle(restRequest), "{\"ok\":true}");
        expect(httpApi.handle(httpApiRequest), "{\"ok\":true}");
        expect(restCustom.handle(restRequest), "{\"order\": \"42\", \"status\": \"accepted\", \"items\": 8}");
    }

    @TearDown
    public void tearDown() {
        restProxy.close();
        httpApi.close();
        restCustom.close();
    }

    @Benchmark
    public GatewayResponse restProxy() {
        return OnTheRequestThread.serve(restProxy, restRequest);
    }

    @Benchmark
    public GatewayResponse httpApiV2() {
        return OnTheRequestThread.serve(httpApi, httpApiRequest);
    }

    @Benchmark
    public GatewayResponse restCustom() {
        return OnTheRequestThread.serve(restCustom, restRequest);
    }

    private static Gateway gateway(ApiType type, String spec, Class<? extends RequestStreamHandler> handler) {
        return Gateway.create(GatewayConfig.builder()
                .spec(SpecSource.text("orders.yaml", spec))
                .apiType(type)
                .accountThrottle(LoadTestSettings.ACCOUNT_THROTTLE)
                .function(OrderApis.FUNCTION, FunctionDefinition.HandlerClass.of(handler.getName()))
                .build());
    }

    /** Measuring an error path by mistake would flatter the gateway, so setup checks the answer first. */
    private static void expect(GatewayResponse response, String body) {
        String actual = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() != 200 || !actual.equals(body)) {
            throw new IllegalStateException("expected 200 " + body + " but the gateway answered " + response.status()
                    + " " + actual + ". Check the spec in OrderApis against the emulator.");
        }
    }
}
