package dev.apigw.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test specs from src/test/resources/specs. */
public final class TestSpecs {
    private TestSpecs() {}

    public static SpecSource spec(String name) {
        try (InputStream in = TestSpecs.class.getClassLoader().getResourceAsStream("specs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test spec specs/" + name);
            }
            return SpecSource.text(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
