package dev.apigw.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;
import dev.apigw.emulator.SpecSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What observability costs per request: {@code Gateway.handle} on a REST Lambda proxy route with a no-op handler,
 * run on the calling thread as the HTTP server runs it, with everything off ({@code --no-observability}), with the
 * defaults on (metrics, the 1,000-entry request journal, route statistics, the live feed without a subscriber), the
 * same without the journal, and with a JSON access log written to a file on top.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class ObservabilityOverheadBenchmark {

    @Param({"off", "on-without-journal", "on", "on+access-log"})
    public String observability;

    private Gateway gateway;
    private GatewayRequest request;
    private Path accessLog;

    @Setup
    public void setUp() throws IOException {
        GatewayConfig.Builder config = GatewayConfig.builder()
                .spec(SpecSource.text("overhead.yaml", InvocationOverheadBenchmark.SPEC))
                .function("Noop", FunctionDefinition.HandlerClass.of(
                        InvocationOverheadBenchmark.NoopHandler.class.getName()))
                .observability(!observability.equals("off"))
                .accountThrottle(LoadTestSettings.ACCOUNT_THROTTLE)
                .journalSize(observability.equals("on-without-journal") ? 0 : GatewayConfig.DEFAULT_JOURNAL_SIZE);
        if (observability.equals("on+access-log")) {
            accessLog = Files.createTempFile("apigw-access", ".log");
            config.accessLog("json", accessLog);
        }
        gateway = Gateway.create(config.build());
        request = GatewayRequest.of("GET", "/dev/noop");
    }

    @TearDown
    public void tearDown() throws IOException {
        gateway.close();
        if (accessLog != null) {
            Files.deleteIfExists(accessLog);
        }
    }

    @Benchmark
    public GatewayResponse gatewayHandle() {
        return OnTheRequestThread.serve(gateway, request);
    }
}
