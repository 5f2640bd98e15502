package dev.apigw.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.events.ProxyResponseReader;
import dev.apigw.emulator.exchange.Exchange;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Interpreting what a Lambda proxy function returned, from its raw UTF-8 bytes to the client's
 * {@link GatewayResponse}: a typical result with {@code statusCode}, three {@code headers}, two
 * {@code multiValueHeaders} (Set-Cookie twice, Vary twice) and a 1 KB JSON body as a string. {@code restV1}: through
 * {@code ProxyResponseReader.readV1} with REST 1.0 rules (key check, header merge, default Content-Type).
 * {@code httpApiV2}: the same bytes through {@code readV2} with HTTP API 2.0 rules (multiValueHeaders ignored). The
 * exchanges are built once in setup; gateway headers (request ids) are not added here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class ProxyResultBenchmark {
    private Exchange rest;
    private Exchange httpApi;
    private byte[] result;

    @Setup
    public void setUp() throws JsonProcessingException {
        rest = OrderApis.exchange(ApiType.REST, OrderApis.REST_PROXY, TypicalRequest.rest());
        httpApi = OrderApis.exchange(ApiType.HTTP, OrderApis.HTTP_PROXY, TypicalRequest.httpApi());
        result = typicalResult();
    }

    @Benchmark
    public GatewayResponse restV1() {
        return ProxyResponseReader.readV1(result, rest);
    }

    @Benchmark
    public GatewayResponse httpApiV2() {
        return ProxyResponseReader.readV2(result, httpApi);
    }

    static byte[] typicalResult() throws JsonProcessingException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("statusCode", 200);
        result.put("headers", Map.of("Content-Type", "application/json", "X-Order-Id", "42",
                "Cache-Control", "no-store"));
        result.put("multiValueHeaders", Map.of("Set-Cookie", List.of("session=5f2b8c1d; Path=/", "theme=dark"),
                "Vary", List.of("Accept", "Origin")));
        result.put("body", TypicalRequest.jsonBodyOf(TypicalRequest.BODY_BYTES));
        result.put("isBase64Encoded", false);
        return new ObjectMapper().writeValueAsBytes(result);
    }
}
