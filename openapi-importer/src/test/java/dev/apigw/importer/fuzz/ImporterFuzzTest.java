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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the importer with the valid and invalid specs of the test resources and the samples, mutated in their tree
 * (nodes deleted, duplicated, retyped; dangling, cyclic, remote and file {@code $ref}s; deep nesting, huge strings,
 * odd keys and unicode) and then in their text (truncated, cut, lines swapped or re-indented, characters inserted).
 * The importer must answer each with a model or with problems, never with an exception, and within seconds.
 *
 * <p>Plain JUnit over a seeded {@link java.util.Random} ({@link FuzzRun}): 250 tries by default;
 * {@code mvn -o -pl openapi-importer test -Dtest=ImporterFuzzTest -Dapigw.fuzz.tries=20000} runs longer. A failure
 * names the seed and the try to replay ({@code -Dapigw.fuzz.seed=…}), and leaves the smallest failing spec (the
 * failing case with every change left out that it still fails without) in {@code target/importer-fuzz-failure.txt}.
 */
class ImporterFuzzTest {
    // Writers that go as deep as the DEEP_NESTING mutation does (Jackson's default stops at 1000 levels).
    private static final StreamWriteConstraints DEEP = StreamWriteConstraints.builder().maxNestingDepth(10_000).build();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder().streamWriteConstraints(DEEP).build());
    private static final JsonMapper JSON = new JsonMapper(JsonFactory.builder().streamWriteConstraints(DEEP).build());
    private static final List<Seed> SEEDS = loadSeeds();
    private static final Path FAILED_SPEC = Path.of("target/importer-fuzz-failure.txt");
    private static final Duration PER_TRY = Duration.ofSeconds(10);

    /** A spec file and its tree. */
    record Seed(String name, ObjectNode tree) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void answers_every_mutated_spec_with_a_model_or_problems() throws IOException {
        FuzzRun run = FuzzRun.fromSystemProperties();
        for (int index = 0; index < run.tries(); index++) {
            FuzzCase fuzzCase = FuzzCase.random(run.forTry(index), SEEDS);
            Throwable failure = check(fuzzCase);
            if (failure != null) {
                FuzzCase smallest = shrink(fuzzCase);
                Files.createDirectories(FAILED_SPEC.toAbsolutePath().getParent());
                Files.writeString(FAILED_SPEC, smallest.spec());
                Throwable smallestFailure = check(smallest);
                throw new AssertionError("importer fuzz try " + index + " failed (replay: " + run.replay(index)
                        + "); smallest failing case: " + smallest + "; its spec is in " + FAILED_SPEC.toAbsolutePath()
                        + ": " + (smallestFailure == null ? failure : smallestFailure).getMessage(),
                        smallestFailure == null ? failure : smallestFailure);
            }
        }
    }

    /** Why the importer failed on the case, or null when it answered. */
    private static @Nullable Throwable check(FuzzCase fuzzCase) {
        String spec = fuzzCase.spec();
        try {
            ImportResult result = assertTimeoutPreemptively(PER_TRY,
                    () -> OpenApiImporter.importFrom(spec, "fuzz.yaml", fuzzCase.apiType()));
            assertAnswered(result);
            return null;
        } catch (AssertionError | RuntimeException | StackOverflowError e) {
            return e;
        }
    }

    /** Leaves out changes while the case still fails; at most one pass per change, so it ends. */
    private static FuzzCase shrink(FuzzCase failing) {
        FuzzCase smallest = failing;
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (FuzzCase candidate : smallest.smaller()) {
                if (check(candidate) != null) {
                    smallest = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return smallest;
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

    static String write(ObjectNode tree, boolean asJson) {
        try {
            return (asJson ? JSON : YAML).writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // The YAML writer refuses some strings (an unpaired surrogate); JSON text is still a spec to try.
            return tree.toString();
        }
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
