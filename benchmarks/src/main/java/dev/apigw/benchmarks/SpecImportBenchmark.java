package dev.apigw.benchmarks;

import java.util.concurrent.TimeUnit;
import dev.apigw.emulator.SpecSource;
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
 * What loading a large spec costs, one import per iteration: {@code SpecSource.text(...).importApi} of the
 * 1,000- or 10,000-route document from {@link SyntheticSpecs} (YAML parsing, swagger-parser, the importer's checks and
 * model) followed by {@code RouteTable.forApi} for its stage. The text is generated once in setup and not measured;
 * the gateway's other startup work (functions, templates, authorizers) is not included. The first warmup iteration in
 * the output is the cold figure (classes loaded, nothing compiled yet); the score is the warm one. The issue's
 * target: the 10,000-route import within 2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class SpecImportBenchmark {

    @Param({"1000", "10000"})
    public int routes;

    @Param({"rest", "http"})
    public String api;

    private ApiType type;
    private String stage;
    private String text;

    @Setup
    public void setUp() {
        type = SyntheticSpecs.apiType(api);
        stage = SyntheticSpecs.stage(type);
        text = SyntheticSpecs.spec(type, routes);
    }

    @Benchmark
    public RouteTable importAndCompile() {
        return RouteTable.forApi(SpecSource.text("synthetic.yaml", text).importApi(type).orThrow(), stage);
    }
}
