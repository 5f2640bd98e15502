package dev.apigw.importer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apigw.importer.ImportResult;
import dev.apigw.importer.OpenApiImporter;
import dev.apigw.importer.Problem;
import dev.apigw.importer.Severity;
import dev.apigw.model.ApiType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Fuzzes the importer with the valid and invalid specs of the test resources and the samples, mutated in their tree
 * (nodes deleted, duplicated, retyped; dangling, cyclic, remote and file {@code $ref}s; deep nesting, huge strings,
 * odd keys and unicode) and then in their text (truncated, cut, lines swapped or re-indented, characters inserted).
 * The importer must answer each with a model or with problems, never with an exception, and within seconds.
 *
 * <p>The number of tries comes from {@code jqwik.tries.default} (src/test/resources/junit-platform.properties);
 * {@code mvn -o -pl openapi-importer test -Dtest=ImporterFuzzTest -Djqwik.tries.default=20000} runs longer. A failure
 * prints jqwik's seed and leaves the smallest failing spec in
 * {@code target/importer-fuzz-failure.txt}; {@code -Djqwik.seeds.whenfixed=ALLOW} and {@code @Property(seed = "…")} replay it.
 */
class ImporterFuzzTest {
    // Writers that go as deep as the DEEP_NESTING mutation does (Jackson's default stops at 1000 levels).
    private static final StreamWriteConstraints DEEP = StreamWriteConstraints.builder().maxNestingDepth(10_000).build();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder().streamWriteConstraints(DEEP).build());
    private static final JsonMapper JSON = new JsonMapper(JsonFactory.builder().streamWriteConstraints(DEEP).build());
    private static final List<Seed> SEEDS = loadSeeds();
    private static final Path FAILED_SPEC = Path.of("target/importer-fuzz-failure.txt");

    /** A spec file and its tree. */
    record Seed(String name, ObjectNode tree) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Property
    void answers_every_mutated_spec_with_a_model_or_problems(
            @ForAll("seeds") Seed seed,
            @ForAll @Size(max = 4) List<@From("treeMutations") SpecMutation> treeMutations,
            @ForAll boolean asJson,
            @ForAll @Size(max = 2) List<@From("textMutations") TextMutation> textMutations,
            @ForAll("apiTypes") @Nullable ApiType apiType) throws IOException {
        ObjectNode tree = seed.tree().deepCopy();
        treeMutations.forEach(mutation -> mutation.applyTo(tree));
        String text = write(tree, asJson);
        for (TextMutation mutation : textMutations) {
            text = mutation.applyTo(text);
        }
        String spec = text;
        try {
            ImportResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> OpenApiImporter.importFrom(spec, "fuzz.yaml", apiType));
            assertAnswered(result);
        } catch (AssertionError | RuntimeException e) {
            // The spec as the importer saw it, for a regression test (jqwik shrinks: the last one is the smallest).
            Files.writeString(FAILED_SPEC, spec);
            throw e;
        }
    }

    /** A model, or at least one error; every message is for people, not a stack trace. */
    static void assertAnswered(ImportResult result) {
        assertThat(result).isNotNull();
        if (result.api() == null) {
            assertThat(result.problems()).anyMatch(problem -> problem.severity() == Severity.ERROR);
        }
        for (Problem problem : result.problems()) {
            assertThat(problem.message())
                    .as("a crash reported as a problem")
                    .doesNotContain("failed on this document", "\tat ", "NullPointerException",
                            "ClassCastException", "IndexOutOfBounds", "StackOverflowError");
        }
    }

    private static String write(ObjectNode tree, boolean asJson) {
        try {
            return (asJson ? JSON : YAML).writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // The YAML writer refuses some strings (an unpaired surrogate); JSON text is still a spec to try.
            return tree.toString();
        }
    }

    @Provide
    Arbitrary<Seed> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<@Nullable ApiType> apiTypes() {
        return Arbitraries.of(ApiType.values()).injectNull(0.5);
    }

    @Provide
    Arbitrary<SpecMutation> treeMutations() {
        return Combinators.combine(Arbitraries.of(SpecMutation.Kind.class), Arbitraries.integers().between(0, 5_000),
                Arbitraries.integers().between(0, 2_000_000), texts()).as(SpecMutation::new);
    }

    @Provide
    Arbitrary<TextMutation> textMutations() {
        return Combinators.combine(Arbitraries.of(TextMutation.Kind.class), Arbitraries.integers(),
                Arbitraries.integers().between(0, 400), texts()).as(TextMutation::new);
    }

    /** Random text (any code point, unpaired surrogates too) or a piece of YAML, JSON or API Gateway syntax. */
    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
                Arbitraries.of("", "&a ", "*a", "&a [*a, *a]", "{", "}", "[", "]", ": ", "- ", "\t", "\u0000",
                        "!!binary", "!!set", "? ", "|", ">-", "---\n", "...\n", "%YAML 1.1\n", "'", "\"", "\ud800",
                        "é😀\u202e", "#/", "$ref", "${AWS::Region}", "${stageVariables.x}", "{proxy+}", "/{a}/{a}",
                        "arn:aws:lambda:us-east-1:000000000000:function:f", "x-amazon-apigateway-integration",
                        "x-amazon-apigateway-any-method", "$default", "1e999", "-0", "0x1F", "null", "~", "NaN"));
    }

    private static List<Seed> loadSeeds() {
        List<Seed> seeds = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/specs"), Path.of("../samples/src/main/resources"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)")).sorted().toList()) {
                    try {
                        if (YAML.readTree(file.toFile()) instanceof ObjectNode tree) {
                            seeds.add(new Seed(dir.relativize(file).toString(), tree));
                        }
                    } catch (IOException e) {
                        // the invalid specs that do not parse are no seeds for tree mutations
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(seeds).hasSizeGreaterThan(50);
        return seeds;
    }
}
