package dev.apigw.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypesTest {
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "image/png                    | image/png          | true",
        "IMAGE/PNG                    | image/png          | true",
        "image/png; q=0.9             | image/png          | true",
        "image/jpeg                   | image/*            | true",
        "application/pdf              | */*                | true",
        "text/html, image/png         | image/png          | false",
        "image/png, text/html         | image/png          | true",
        "image/png                    | image/jpeg         | false",
        "image/png                    | application/*      | false",
        "NULL                         | */*                | false",
        "nonsense                     | */*                | false"})
    void matches_binary_media_types(String contentType, String pattern, boolean expected) {
        assertThat(MediaTypes.matches(contentType, List.of(pattern))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "image/png | false",
        "*/*       | false"})
    void nothing_matches_an_empty_list(String contentType, boolean expected) {
        assertThat(MediaTypes.matches(contentType, List.of())).isEqualTo(expected);
    }
}
