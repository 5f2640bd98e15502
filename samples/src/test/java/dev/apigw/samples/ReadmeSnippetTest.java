package dev.apigw.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's fixture example is cut from a sample test, so it compiles and passes; this keeps the two equal. */
class ReadmeSnippetTest {

    @Test
    void readme_shows_the_fixture_snippet_of_the_pet_store_test() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/apigw/samples/petstore/PetStoreApiTest.java"));
        String region = test.substring(test.indexOf("// tag::fixture[]") + "// tag::fixture[]".length(),
                test.indexOf("// end::fixture[]"));
        String snippet = region.lines().skip(1).map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n")).stripTrailing();

        assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
    }
}
