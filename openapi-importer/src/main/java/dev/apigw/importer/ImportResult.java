package dev.apigw.importer;

import java.util.List;
import java.util.Optional;
import dev.apigw.model.Api;
import org.jspecify.annotations.Nullable;

/** The outcome of an import: the API (absent when any problem is an ERROR) and every problem found. */
public record ImportResult(String source, @Nullable Api api, List<Problem> problems) {
    public ImportResult {
        problems = List.copyOf(problems);
        if (api != null && problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            throw new IllegalArgumentException("an import with errors has no API");
        }
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
