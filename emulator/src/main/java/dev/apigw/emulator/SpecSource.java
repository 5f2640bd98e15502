package dev.apigw.emulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import dev.apigw.importer.ImportResult;
import dev.apigw.importer.OpenApiImporter;
import dev.apigw.model.ApiType;
import org.jspecify.annotations.Nullable;

/** Where the API definition comes from: a file, or text already in memory (e.g. a classpath resource). */
public sealed interface SpecSource {

    /** How the source is named in messages. */
    String name();

    /** Imports the document; {@code apiType} null lets the document decide. */
    ImportResult importApi(@Nullable ApiType apiType);

    static SpecSource file(Path path) {
        return new File(path);
    }

    static SpecSource text(String name, String content) {
        return new Text(name, content);
    }

    record File(Path path) implements SpecSource {
        public File {
            requireNonNull(path, "path");
        }

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public ImportResult importApi(@Nullable ApiType apiType) {
            return OpenApiImporter.importFrom(path, apiType);
        }
    }

    record Text(String name, String content) implements SpecSource {
        public Text {
            requireNonNull(name, "name");
            requireNonNull(content, "content");
        }

        @Override
        public ImportResult importApi(@Nullable ApiType apiType) {
            return OpenApiImporter.importFrom(content, name, apiType);
        }
    }
}
