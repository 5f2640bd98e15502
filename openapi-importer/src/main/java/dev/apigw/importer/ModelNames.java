package dev.apigw.importer;

import java.util.Locale;
import java.util.regex.Pattern;

/** Names for the models of inline schemas: the operationId, else method and path, as one alphanumeric word. */
final class ModelNames {

    // Compiled once: String.split compiles a pattern like this one on every call, once per operation.
    private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

    private ModelNames() {}

    /** {@code GetPetsId} for {@code GET /pets/{id}}, {@code CreatePet} for operationId {@code createPet}. */
    static String of(OperationAt operation, String path) {
        String operationId = operation.operation().getOperationId();
        String words = operationId != null ? operationId : operation.method().name() + " " + path;
        StringBuilder name = new StringBuilder();
        for (String word : NON_ALPHANUMERIC.split(words)) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT));
                name.append(operationId != null ? word.substring(1) : word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return name.length() == 0 ? "Model" : name.toString();
    }
}
