package dev.apigw.importer;

import java.util.List;
import java.util.Optional;
import dev.apigw.model.Api;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an import: the API (absent when any problem is an ERROR), every problem found, and the document as
 * written (absent when it could not be read or parsed).
 */
public record ImportResult(String source, @Nullable Api api, List<Problem> problems, @Nullable WrittenDocument document) {
    public ImportResult {
        problems = List.copyOf(problems);
        if (api != null && problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            throw new IllegalArgumentException("an import with errors has no API");
        }
    }

    /** An outcome without the written document. */
    public ImportResult(String source, @Nullable Api api, List<Problem> problems) {
        this(source, api, problems, null);
    }

    public Optional<Api> apiIfValid() {
        return Optional.ofNullable(api);
    }

    public boolean hasErrors() {
        return api == null;
    }

    /** The API, or an {@link InvalidSpecException} listing every problem. */
    public Api orThrow() {
        if (api == null) {
            throw new InvalidSpecException(source, problems);
        }
        return api;
    }
}
