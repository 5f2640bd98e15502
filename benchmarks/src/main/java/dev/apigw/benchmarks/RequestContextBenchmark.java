package dev.apigw.benchmarks;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.Headers;
import dev.apigw.emulator.exchange.RequestContext;
import dev.apigw.emulator.exchange.RequestContexts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A request's context with its unpredictable ids, as the gateway makes one per request: {@code rest} (a UUID request
 * id plus an extended id) and {@code httpApi} (one short id). {@code baselineRandomUuid} is {@code UUID.randomUUID()}
 * alone, the JDK's secure UUID, for comparison. Two threads, as requests arrive concurrently: a generator shared by
 * all threads would show here as contention.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class RequestContextBenchmark {
    private final RequestContexts rest = new RequestContexts("Orders", "dev", Map.of(), false);
    private final RequestContexts httpApi = new RequestContexts("Orders", "dev", Map.of(), true);
    private GatewayRequest request;

    @Setup
    public void setUp() {
        request = GatewayRequest.of("GET", "/dev/orders/42",
                Headers.of("Host", "a1b2c3d4e5.execute-api.localhost:3000", "User-Agent", "bench/1.0"), "");
    }

    @Benchmark
    public RequestContext rest() {
        return rest.create(request);
    }

    @Benchmark
    public RequestContext httpApi() {
        return httpApi.create(request);
    }

    @Benchmark
    public UUID baselineRandomUuid() {
        return UUID.randomUUID();
    }
}
