package dev.apigw.importer.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigw.model.ApiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One spec for the importer fuzzer: a seed spec, up to four changes to its tree, written as YAML or JSON, up to two
 * changes to the text, imported as an API type or as whatever the spec says ({@code null}).
 */
record FuzzCase(ImporterFuzzTest.Seed seed, List<SpecMutation> treeMutations, boolean asJson,
        List<TextMutation> textMutations, @Nullable ApiType apiType) {

    private static final List<String> SYNTAX = List.of("", "&a ", "*a", "&a [*a, *a]", "{", "}", "[", "]", ": ", "- ",
            "\t", "\u0000", "!!binary", "!!set", "? ", "|", ">-", "---\n", "...\n", "%YAML 1.1\n", "'", "\"", "\ud800",
            "é😀\u202e", "#/", "$ref", "${AWS::Region}", "${stageVariables.x}", "{proxy+}", "/{a}/{a}",
            "arn:aws:lambda:us-east-1:000000000000:function:f", "x-amazon-apigateway-integration",
            "x-amazon-apigateway-any-method", "$default", "1e999", "-0", "0x1F", "null", "~", "NaN");

    static FuzzCase random(Random random, List<ImporterFuzzTest.Seed> seeds) {
        ImporterFuzzTest.Seed seed = seeds.get(random.nextInt(seeds.size()));
        List<SpecMutation> tree = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            tree.add(new SpecMutation(pick(random, SpecMutation.Kind.values()), number(random, 5_000),
                    number(random, 2_000_000), text(random)));
        }
        boolean asJson = random.nextBoolean();
        List<TextMutation> text = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            text.add(new TextMutation(pick(random, TextMutation.Kind.values()), random.nextInt(), number(random, 400),
                    text(random)));
        }
        ApiType apiType = random.nextBoolean() ? null : pick(random, ApiType.values());
        return new FuzzCase(seed, List.copyOf(tree), asJson, List.copyOf(text), apiType);
    }

    /** The spec as the importer sees it. */
    String spec() {
        ObjectNode tree = seed.tree().deepCopy();
        treeMutations.forEach(mutation -> mutation.applyTo(tree));
        String text = ImporterFuzzTest.write(tree, asJson);
        for (TextMutation mutation : textMutations) {
            text = mutation.applyTo(text);
        }
        return text;
    }

    /** The same case with one change fewer, each way of leaving one out: the candidates for a smaller failure. */
    List<FuzzCase> smaller() {
        List<FuzzCase> candidates = new ArrayList<>();
        for (int i = 0; i < treeMutations.size(); i++) {
            candidates.add(new FuzzCase(seed, without(treeMutations, i), asJson, textMutations, apiType));
        }
        for (int i = 0; i < textMutations.size(); i++) {
            candidates.add(new FuzzCase(seed, treeMutations, asJson, without(textMutations, i), apiType));
        }
        return candidates;
    }

    private static <T> List<T> without(List<T> list, int index) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(index);
        return List.copyOf(copy);
    }

    /** Small numbers (where edge cases hide) a quarter of the time, otherwise anywhere in {@code [0, bound)}. */
    private static int number(Random random, int bound) {
        return random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(bound);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Random text (any UTF-16 unit, unpaired surrogates too), printable ASCII, or a piece of YAML, JSON or AWS syntax. */
    private static String text(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> chars(random, r -> (char) r.nextInt(Character.MAX_VALUE + 1));
            case 1 -> chars(random, r -> (char) (' ' + r.nextInt('~' - ' ' + 1)));
            default -> SYNTAX.get(random.nextInt(SYNTAX.size()));
        };
    }

    private static String chars(Random random, Function<Random, Character> next) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(31); i > 0; i--) {
            text.append(next.apply(random));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "seed spec " + seed + ", tree " + treeMutations + ", " + (asJson ? "as JSON" : "as YAML") + ", text "
                + textMutations + ", API type " + apiType;
    }
}
