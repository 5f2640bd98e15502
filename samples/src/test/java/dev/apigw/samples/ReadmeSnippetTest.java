package dev.apigw.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's fixture examples are cut from a sample test, so they compile and pass; this keeps them equal. */
class ReadmeSnippetTest {

    @ParameterizedTest
    @ValueSource(strings = {"fixture", "token"})
    void readme_shows_the_tagged_snippets_of_the_pet_store_test(String tag) throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/apigw/samples/petstore/PetStoreApiTest.java"));
        String start = "// tag::" + tag + "[]";
        String region = test.substring(test.indexOf(start) + start.length(), test.indexOf("// end::" + tag + "[]"));
        String snippet = region.lines().skip(1).map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n")).stripTrailing();

        assertThat(Files.readString(Path.of("../README.md"))).contains(snippet);
    }
}
