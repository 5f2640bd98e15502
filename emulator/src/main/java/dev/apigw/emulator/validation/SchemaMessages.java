package dev.apigw.emulator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rewrites schema violations in the words of the validator AWS runs (fge json-schema-validator), for
 * {@code $context.error.validationErrorString}, e.g. {@code object has missing required properties (["name"])}.
 * As there, combinators ({@code oneOf}, {@code anyOf}, {@code allOf}, {@code not}) give one message rather than
 * their branches' errors, keywords at a node are reported in name order, and once an error is found the walk does
 * not go down into children any more (fge without deep check).
 */
final class SchemaMessages {
    private static final Set<String> COMBINATORS = Set.of("allOf", "anyOf", "oneOf", "not");

    private final SchemaPaths paths;

    SchemaMessages(JsonNode rootSchema) {
        this.paths = new SchemaPaths(rootSchema);
    }

    /** The fge messages for the violations of {@code instance}, in fge's report order. */
    List<String> format(JsonNode instance, Collection<ValidationMessage> violations) {
        Map<String, Map<String, Entry>> byPointer = new LinkedHashMap<>();
        for (ValidationMessage violation : violations) {
            String pointer = violation.getInstanceLocation().toString();
            List<String> evaluation = SchemaPaths.segments(violation.getEvaluationPath().toString());
            int combinator = paths.firstCombinator(evaluation);
            Map<String, Entry> atPointer = byPointer.computeIfAbsent(pointer, p -> new LinkedHashMap<>());
            if (combinator >= 0) {
                String key = String.join("/", evaluation.subList(0, combinator + 1));
                atPointer.computeIfAbsent(key, k -> new Entry(evaluation.get(combinator),
                                paths.resolve(evaluation.subList(0, combinator + 1))))
                        .addBranch(evaluation, combinator, violation);
            } else {
                String key = String.join("/", evaluation);
                atPointer.computeIfAbsent(key, k -> new Entry(violation.getType(),
                                paths.resolve(evaluation.subList(0, Math.max(0, evaluation.size() - 1)))))
                        .add(violation);
            }
        }
        List<String> out = new ArrayList<>();
        walk(instance, "", byPointer, out);
        return out;
    }

    private static void walk(JsonNode node, String pointer, Map<String, Map<String, Entry>> byPointer, List<String> out) {
        Map<String, Entry> entries = byPointer.getOrDefault(pointer, Map.of());
        entries.values().stream()
                .sorted(Comparator.comparing(Entry::keyword))
                .forEach(entry -> out.add(entry.text()));
        if (!out.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            TreeSet<String> fields = new TreeSet<>();
            node.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                walk(node.get(field), pointer + "/" + escape(field), byPointer, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, byPointer, out);
            }
        }
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    /** The violations of one keyword (or one combinator) at one instance location. */
    private static final class Entry {
        private final String keyword;
        /** For a keyword, the schema holding it; for a combinator, the combinator's value. */
        private final JsonNode schema;
        private final List<ValidationMessage> violations = new ArrayList<>();
        private final Set<String> failedBranches = new TreeSet<>();

        Entry(String keyword, JsonNode schema) {
            this.keyword = keyword;
            this.schema = schema;
        }

        String keyword() {
            return keyword;
        }

        void add(ValidationMessage violation) {
            violations.add(violation);
        }

        void addBranch(List<String> evaluation, int combinator, ValidationMessage violation) {
            if (evaluation.size() == combinator + 1) {
                violations.add(violation);
            } else if (!keyword.equals("not")) {
                failedBranches.add(evaluation.get(combinator + 1));
            }
        }

        String text() {
            if (COMBINATORS.contains(keyword)) {
                return FgeText.combinator(keyword, schema.size(), failedBranches.size(), violations);
            }
            return FgeText.keyword(keyword, schema, violations);
        }
    }

    static JsonNode textArray(Collection<String> values) {
        var array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
