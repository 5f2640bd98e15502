package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the template engine: the golden templates (AWS's documentation examples and the quirks recorded on AWS) and
 * a few AWS-style templates, mutated with VTL pieces out of place, loops, recursion, doubling, huge ranges and class
 * access, rendered over random JSON (or not-quite-JSON) bodies. Each must render or fail with one sentence that names
 * the template, within the render deadline, and no output may show a class, class loader or reflection the template
 * did not spell out itself.
 *
 * <p>Plain JUnit over a seeded {@link Random} ({@link FuzzRun}): 250 tries by default;
 * {@code mvn -o -pl emulator test -Dtest=TemplateFuzzTest -Dapigw.fuzz.tries=20000 -Dapigw.fuzz.seed=…} runs longer
 * or replays a failure, whose smallest form (mutations left out while it still fails) goes to
 * {@code target/template-fuzz-failure.txt}.
 */
class TemplateFuzzTest {
    private static final Path FAILURE = Path.of("target/template-fuzz-failure.txt");
    /** The render deadline (10 s) and some room for a loaded machine. */
    private static final Duration PER_TRY = Duration.ofSeconds(40);
    private static final List<String> LEAKS = List.of("java.lang.Class", "ClassLoader", "class java.", "class dev.",
            "java.lang.reflect", "java.lang.Runtime", "java.lang.Process");
    private static final List<String> SEEDS = seeds();

    private final MappingTemplates templates = new MappingTemplates();

    /** A seed template, its mutations in order, and the body it renders over. */
    record FuzzCase(String seed, List<TemplateMutation> mutations, String body) {
        static FuzzCase random(Random random) {
            List<TemplateMutation> mutations = new ArrayList<>();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                mutations.add(TemplateMutation.random(random));
            }
            return new FuzzCase(SEEDS.get(random.nextInt(SEEDS.size())), List.copyOf(mutations), RandomJson.body(random));
        }

        String template() {
            String template = seed;
            for (TemplateMutation mutation : mutations) {
                template = mutation.applyTo(template);
            }
            return template;
        }

        List<FuzzCase> smaller() {
            List<FuzzCase> candidates = new ArrayList<>();
            for (int i = 0; i < mutations.size(); i++) {
                List<TemplateMutation> fewer = new ArrayList<>(mutations);
                fewer.remove(i);
                candidates.add(new FuzzCase(seed, List.copyOf(fewer), body));
            }
            return candidates;
        }
    }

    @Test
    void every_mutated_template_renders_or_fails_with_one_sentence() throws IOException {
        FuzzRun run = FuzzRun.fromSystemProperties();
        for (int index = 0; index < run.tries(); index++) {
            FuzzCase fuzzCase = FuzzCase.random(run.forTry(index));
            Throwable failure = check(fuzzCase);
            if (failure != null) {
                FuzzCase smallest = shrink(fuzzCase);
                Throwable smallestFailure = check(smallest);
                Throwable reported = smallestFailure == null ? failure : smallestFailure;
                Files.createDirectories(FAILURE.toAbsolutePath().getParent());
                Files.writeString(FAILURE, "template:\n" + smallest.template() + "\nbody:\n" + smallest.body() + "\n");
                throw new AssertionError("template fuzz try " + index + " failed (replay: " + run.replay(index)
                        + "); the smallest failing template and body are in " + FAILURE.toAbsolutePath() + ": "
                        + reported, reported);
            }
        }
    }

    /** Why the case failed the property, or null when it held. */
    private @Nullable Throwable check(FuzzCase fuzzCase) {
        String template = fuzzCase.template();
        try {
            String output = assertTimeoutPreemptively(PER_TRY, () -> render(template, fuzzCase.body()));
            if (output != null) {
                for (String leak : LEAKS) {
                    if (output.contains(leak) && !template.contains(leak) && !fuzzCase.body().contains(leak)) {
                        throw new AssertionError("the output shows " + leak + ": " + output);
                    }
                }
            }
            return null;
        } catch (AssertionError | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return e;
        }
    }

    /** The output, or null when the template failed as it should: with one sentence that names it. */
    private @Nullable String render(String template, String body) {
        try {
            InputVariable input = new InputVariable(body, MethodRequestParameters.none());
            return templates.render(templates.compile(template, "fuzz.vm"), new TemplateScope(input,
                    ContextVariable.of(ContextVariableTest.exchange()), Map.of("s", "stage"), new UtilVariable()));
        } catch (TemplateException e) {
            assertThat(e.getMessage()).startsWith("fuzz.vm").doesNotContain("\n", "\tat ");
            return null;
        }
    }

    private FuzzCase shrink(FuzzCase failing) {
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

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>(List.of(
                "{\"id\": \"$input.params('id')\", \"body\": $input.json('$')}",
                "#set($inputRoot = $input.path('$'))\n[\n#foreach($elem in $inputRoot)\n  {\"id\": $elem.id}"
                        + "#if($foreach.hasNext),#end\n#end\n]",
                "#set($allParams = $input.params())\n{\n#foreach($type in $allParams.keySet())\n"
                        + "  #set($params = $allParams.get($type))\n  \"$type\": {\n"
                        + "  #foreach($paramName in $params.keySet())\n"
                        + "    \"$paramName\": \"$util.escapeJavaScript($params.get($paramName))\""
                        + "#if($foreach.hasNext),#end\n  #end\n  }#if($foreach.hasNext),#end\n#end\n}",
                "#set($o = $util.parseJson($input.body))$o.a $util.base64Encode($input.body)"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".vm")).sorted().toList()) {
                seeds.add(Files.readString(file));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the golden templates are the fuzzer's seeds", e);
        }
        assertThat(seeds).hasSizeGreaterThan(30);
        return List.copyOf(seeds);
    }

    /** Bodies: random JSON up to four levels deep, sometimes cut short or not JSON at all. */
    static final class RandomJson {
        private RandomJson() {}

        static String body(Random random) {
            String json = value(random, 0);
            return switch (random.nextInt(8)) {
                case 0 -> "";
                case 1 -> json.substring(0, random.nextInt(json.length() + 1));
                case 2 -> "not json " + json;
                default -> json;
            };
        }

        private static String value(Random random, int depth) {
            int kind = random.nextInt(depth >= 4 ? 4 : 6);
            return switch (kind) {
                case 0 -> String.valueOf(random.nextInt(2001) - 1000);
                case 1 -> random.nextBoolean() ? "true" : (random.nextBoolean() ? "null" : "1.5e3");
                case 2, 3 -> "\"" + List.of("", "a", "x\\\"y", "é😀", "$a", "#if", "\\u0000", "a'b")
                        .get(random.nextInt(8)) + "\"";
                case 4 -> {
                    StringBuilder array = new StringBuilder("[");
                    for (int i = random.nextInt(5); i > 0; i--) {
                        array.append(value(random, depth + 1)).append(i > 1 ? "," : "");
                    }
                    yield array.append(']').toString();
                }
                default -> {
                    StringBuilder object = new StringBuilder("{");
                    for (int i = random.nextInt(5); i > 0; i--) {
                        object.append('"').append(List.of("a", "b", "id", "x", "").get(random.nextInt(5))).append("\":")
                                .append(value(random, depth + 1)).append(i > 1 ? "," : "");
                    }
                    yield object.append('}').toString();
                }
            };
        }
    }
}
