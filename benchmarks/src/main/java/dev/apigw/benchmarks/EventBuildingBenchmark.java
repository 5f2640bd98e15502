package dev.apigw.benchmarks;

import java.util.concurrent.TimeUnit;
import dev.apigw.emulator.events.ProxyEventV1;
import dev.apigw.emulator.events.ProxyEventV2;
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
 * Building the Lambda proxy event for {@link TypicalRequest} (10 headers, 3 query parameters, 1 KB JSON body) to the
 * UTF-8 bytes handed to the function, through the public entry points the Lambda proxy invoker calls:
 * {@code ProxyEventV1.build} for a REST API ({@code restV1}) and for an HTTP API with payload 1.0 ({@code httpApiV1}),
 * {@code ProxyEventV2.build} for an HTTP API with payload 2.0 ({@code httpApiV2}). The exchange (route from a real
 * route table, request context) is built once in setup, as the gateway builds it before the integration; the score is
 * the event alone. The target: single-digit microseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class EventBuildingBenchmark {
    private Exchange rest;
    private Exchange httpApi;

    @Setup
    public void setUp() {
        rest = OrderApis.exchange(ApiType.REST, OrderApis.REST_PROXY, TypicalRequest.rest());
        httpApi = OrderApis.exchange(ApiType.HTTP, OrderApis.HTTP_PROXY, TypicalRequest.httpApi());
    }

    @Benchmark
    public byte[] restV1() {
        return ProxyEventV1.build(rest, false);
    }

    @Benchmark
    public byte[] httpApiV1() {
        return ProxyEventV1.build(httpApi, true);
    }

    @Benchmark
    public byte[] httpApiV2() {
        return ProxyEventV2.build(httpApi);
    }
}
