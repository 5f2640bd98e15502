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
import dev.apigw.lambda.InvocationOptions;
import dev.apigw.lambda.InvocationResult;
import dev.apigw.lambda.java.FunctionSettings;
import dev.apigw.lambda.java.JavaHandlerFunction;
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
 * What running a function in-process costs. {@code gatewayHandle}: one request through {@code Gateway.handle} to a
 * REST Lambda proxy route whose handler does nothing (routing, proxy event, invocation on a warm instance, proxy
 * result), no sockets. {@code invokeWarm}: the invocation alone, on the same kind of function. {@code coldStart}:
 * {@code JavaHandlerFunction.load} and its first invocation, in a JVM where the handler class is already loaded, i.e.
 * what a new execution environment costs (instance, serializers, worker thread). The function's START/END/REPORT
 * lines are turned off, so console output is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class InvocationOverheadBenchmark {
    static final String SPEC = """
            openapi: 3.0.1
            info: {title: overhead, version: "1"}
            paths:
              /noop:
                get:
                  x-amazon-apigateway-integration:
                    type: aws_proxy
                    httpMethod: POST
                    uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Noop/invocations
            """;
    static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);
    static final InvocationOptions OPTIONS = InvocationOptions.of("bench-request", "Noop");

    /** Answers an empty 200 without reading the event. */
    public static class NoopHandler implements RequestStreamHandler {
        private static final byte[] RESULT = "{\"statusCode\":200,\"body\":\"\"}".getBytes(StandardCharsets.UTF_8);

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            output.write(RESULT);
        }
    }

    private Gateway gateway;
    private GatewayRequest request;
    private JavaHandlerFunction warm;
    private FunctionSettings settings;

    @Setup
    public void setUp() {
        gateway = Gateway.create(GatewayConfig.builder()
                .spec(SpecSource.text("overhead.yaml", SPEC))
                .function("Noop", FunctionDefinition.HandlerClass.of(NoopHandler.class.getName()))
                .accountThrottle(LoadTestSettings.ACCOUNT_THROTTLE)
                .build());
        request = GatewayRequest.of("GET", "/dev/noop");
        settings = FunctionSettings.defaults("Noop").withHandler(NoopHandler.class.getName());
        warm = JavaHandlerFunction.load(settings, getClass().getClassLoader());
    }

    @TearDown
    public void tearDown() {
        warm.close();
        gateway.close();
    }

    @Benchmark
    public GatewayResponse gatewayHandle() {
        return gateway.handle(request);
    }

    @Benchmark
    public InvocationResult invokeWarm() {
        return warm.invoke(EVENT, OPTIONS);
    }

    @Benchmark
    public InvocationResult coldStart() {
        try (JavaHandlerFunction function = JavaHandlerFunction.load(settings, getClass().getClassLoader())) {
            return function.invoke(EVENT, OPTIONS);
        }
    }
}
