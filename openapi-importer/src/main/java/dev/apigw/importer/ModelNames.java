package dev.apigw.importer;

import java.util.Locale;

/** Names for the models of inline schemas: the operationId, else method and path, as one alphanumeric word. */
final class ModelNames {

    private ModelNames() {}

    /** {@code GetPetsId} for {@code GET /pets/{id}}, {@code CreatePet} for operationId {@code createPet}. */
    static String of(OperationAt operation, String path) {
        String operationId = operation.operation().getOperationId();
        String words = operationId != null ? operationId : operation.method().name() + " " + path;
        StringBuilder name = new StringBuilder();
        for (String word : words.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(word.substring(0, 1).toUpperCase(Locale.ROOT));
                name.append(operationId != null ? word.substring(1) : word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return name.length() == 0 ? "Model" : name.toString();
    }
}
