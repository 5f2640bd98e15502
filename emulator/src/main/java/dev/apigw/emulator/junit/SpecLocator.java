package dev.apigw.emulator.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.apigw.emulator.SpecSource;

/** Finds a spec on the test classpath first, then on the file system; says where it looked when it cannot. */
final class SpecLocator {
    private SpecLocator() {}

    static SpecSource locate(String location) {
        String resource = location.startsWith("/") ? location.substring(1) : location;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in != null) {
                return SpecSource.text("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + resource, e);
        }
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return SpecSource.file(file);
        }
        throw new IllegalArgumentException("API definition '" + location + "' not found; looked for classpath resource '"
                + resource + "' and file " + file.toAbsolutePath()
                + ". Put it under src/test/resources or pass a path relative to the module directory.");
    }
}
