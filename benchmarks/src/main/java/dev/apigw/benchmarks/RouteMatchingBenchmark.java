package dev.apigw.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.routing.MatchedRoute;
import dev.apigw.emulator.routing.RouteTable;
import dev.apigw.model.ApiType;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The route stage alone: {@code RouteTable.match} on a table compiled from a spec of 10, 1,000 or 10,000 routes (see
 * {@link SyntheticSpecs}: a REST resource tree, or HTTP API route keys plus {@code $default}). Each call matches the
 * next of a fixed mix of pre-built requests — static paths, paths with one and two parameters in the first, middle
 * and last service of the spec, a path only the greedy {@code /files/{proxy+}} takes and, on HTTP APIs, one only
 * {@code $default} takes — so the score is the mean over that mix, including building the {@link MatchedRoute}
 * (path parameters map). The target: the 10,000-route score at most twice the 10-route one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class RouteMatchingBenchmark {

    @Param({"10", "1000", "10000"})
    public int routes;

    @Param({"rest", "http"})
    public String api;

    private RouteTable table;
    private GatewayRequest[] requests;
    private int next;

    @Setup
    public void setUp() {
        ApiType type = SyntheticSpecs.apiType(api);
        table = RouteTable.forApi(SyntheticSpecs.importApi(type, routes), SyntheticSpecs.stage(type));
        List<GatewayRequest> mix = SyntheticSpecs.requests(type, routes);
        for (GatewayRequest request : mix) {
            String matched = table.match(request).resourcePath();
            String expected = SyntheticSpecs.expectedResource(request, type);
            if (!matched.equals(expected)) {
                throw new IllegalStateException(request.rawPath() + " matched " + matched + ", expected " + expected
                        + ". The synthetic spec or the route table changed; fix one of them before measuring.");
            }
        }
        requests = mix.toArray(GatewayRequest[]::new);
    }

    @Benchmark
    public MatchedRoute match() {
        GatewayRequest request = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return table.match(request);
    }
}
