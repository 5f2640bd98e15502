package dev.apigw.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import dev.apigw.benchmarks.load.HelloHandler;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.MutableClock;
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
 * A gateway started in a JVM that has already run one, as the JUnit fixture starts one per test class: from a
 * 20-route REST spec file to the first 200 over loopback, then closed. Configured as {@code ApiGatewayExtension}
 * configures it (a free port, a {@link MutableClock}, the function as a handler instance, no issuer key file). The
 * issue's target: 50 ms.
 *
 * <p>The default mode repeats the start until the JIT has settled (a long test suite's later gateways). The second
 * gateway of a fresh JVM, which the JIT has not seen yet, is {@code -bm ss -wi 1 -i 10} (one warm-up gateway, then
 * ten single starts).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class SecondGatewayStartupBenchmark {
    private static final int ROUTES = 20;

    private Path spec;
    private HttpClient client;

    @Setup
    public void setUp() throws IOException {
        spec = Files.createTempFile("second-gateway-", ".yaml");
        Files.writeString(spec, SyntheticSpecs.spec(ApiType.REST, ROUTES), StandardCharsets.UTF_8);
        client = HttpClient.newHttpClient();
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(spec);
    }

    @Benchmark
    public int startServeClose() throws IOException, InterruptedException {
        GatewayConfig config = GatewayConfig.builder().spec(spec).port(0).clock(MutableClock.now())
                .function("Noop", new FunctionDefinition.Instance(new HelloHandler(), null)).build();
        try (GatewayServer server = GatewayServer.start(config)) {
            URI uri = server.uri("/svc0/res0");
            int status = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + status + ", not 200");
            }
            return status;
        }
    }
}
