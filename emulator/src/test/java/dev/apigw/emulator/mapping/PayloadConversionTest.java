package dev.apigw.emulator.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import dev.apigw.model.ContentHandling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two tables of "Content type conversions in API Gateway", row by row.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html
 */
class PayloadConversionTest {
    private static final byte[] TEXT = "aGVsbG8=".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DECODED_TEXT = "hello".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BINARY = {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF, 0};
    private static final List<String> BINARY_TYPES = List.of("image/png");

    enum Payload { TEXT, BINARY }

    enum Sent { TEXT, DECODED, BINARY, ENCODED }

    private static PayloadConversion conversion(boolean listSet) {
        return new PayloadConversion(listSet ? BINARY_TYPES : List.of());
    }

    private static byte[] input(Payload payload) {
        return payload == Payload.TEXT ? TEXT : BINARY;
    }

    private static byte[] expected(Sent sent) {
        return switch (sent) {
            case TEXT -> TEXT;
            case DECODED -> DECODED_TEXT;
            case BINARY -> BINARY;
            case ENCODED -> Base64.getEncoder().encode(BINARY);
        };
    }

    @ParameterizedTest(name = "{0} {1}, list set: {2}, {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "unset", value = {
        "TEXT   | text/plain       | false | unset             | TEXT",
        "TEXT   | text/plain       | false | CONVERT_TO_BINARY | DECODED",
        "TEXT   | text/plain       | false | CONVERT_TO_TEXT   | TEXT",
        "TEXT   | application/json | true  | unset             | TEXT",
        "TEXT   | application/json | true  | CONVERT_TO_BINARY | DECODED",
        "TEXT   | application/json | true  | CONVERT_TO_TEXT   | TEXT",
        "BINARY | image/png        | true  | unset             | BINARY",
        "BINARY | image/png        | true  | CONVERT_TO_BINARY | BINARY",
        "BINARY | image/png        | true  | CONVERT_TO_TEXT   | ENCODED"})
    void request_payload_is_converted_as_the_request_table_says(Payload payload, String contentType, boolean listSet,
            ContentHandling handling, Sent sent) {
        assertThat(conversion(listSet).request(input(payload), contentType, handling)).isEqualTo(expected(sent));
    }

    @ParameterizedTest(name = "{0} {1}, Accept {2}, list set: {3}, {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "unset", value = {
        "TEXT   | application/json | text/html        | false | unset             | TEXT",
        "TEXT   | application/json | text/html        | false | CONVERT_TO_BINARY | DECODED",
        "TEXT   | application/json | text/html        | false | CONVERT_TO_TEXT   | TEXT",
        "TEXT   | application/json | application/json | true  | unset             | TEXT",
        "TEXT   | application/json | application/json | true  | CONVERT_TO_BINARY | DECODED",
        "TEXT   | application/json | application/json | true  | CONVERT_TO_TEXT   | TEXT",
        "TEXT   | application/json | image/png        | true  | unset             | DECODED",
        "TEXT   | application/json | image/png        | true  | CONVERT_TO_BINARY | DECODED",
        "TEXT   | application/json | image/png        | true  | CONVERT_TO_TEXT   | TEXT",
        "BINARY | image/png        | application/json | true  | unset             | ENCODED",
        "BINARY | image/png        | application/json | true  | CONVERT_TO_BINARY | BINARY",
        "BINARY | image/png        | application/json | true  | CONVERT_TO_TEXT   | ENCODED",
        "BINARY | image/png        | image/png        | true  | unset             | BINARY",
        "BINARY | image/png        | image/png        | true  | CONVERT_TO_BINARY | BINARY",
        "BINARY | image/png        | image/png        | true  | CONVERT_TO_TEXT   | ENCODED"})
    void response_payload_is_converted_as_the_response_table_says(Payload payload, String integrationContentType,
            String accept, boolean listSet, ContentHandling handling, Sent sent) {
        assertThat(conversion(listSet).response(input(payload), integrationContentType, accept, handling))
                .isEqualTo(expected(sent));
    }

    @Test
    void only_the_first_accept_type_decides() {
        PayloadConversion conversion = conversion(true);

        assertThat(conversion.response(BINARY, "image/png", "image/png, application/json", null)).isEqualTo(BINARY);
        assertThat(conversion.response(BINARY, "image/png", "application/json, image/png", null))
                .isEqualTo(expected(Sent.ENCODED));
    }

    @Test
    void missing_accept_counts_as_a_text_type() {
        assertThat(conversion(true).response(BINARY, "image/png", null, null)).isEqualTo(expected(Sent.ENCODED));
    }

    @Test
    void binary_bytes_handled_as_text_are_utf8_decoded() {
        byte[] sent = conversion(false).request(BINARY, "image/png", null);

        assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo("\uFFFDPNG\uFFFD\0");
    }

    @Test
    void failed_base64_decode_during_convert_to_binary_is_a_distinct_error() {
        byte[] notBase64 = "not base64!".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> conversion(true).request(notBase64, "text/plain", ContentHandling.CONVERT_TO_BINARY))
                .isInstanceOf(PayloadConversion.InvalidBase64Exception.class);
        assertThatThrownBy(() -> conversion(true).response(notBase64, "text/plain", "image/png", null))
                .isInstanceOf(PayloadConversion.InvalidBase64Exception.class);
    }

    @Test
    void base64_with_line_breaks_decodes() {
        byte[] wrapped = "aGVs\r\nbG8=\n".getBytes(StandardCharsets.UTF_8);

        assertThat(conversion(false).request(wrapped, null, ContentHandling.CONVERT_TO_BINARY))
                .isEqualTo(DECODED_TEXT);
    }

    @Test
    void templates_see_binary_payloads_as_base64() {
        assertThat(PayloadConversion.textForTemplate(BINARY, true)).isEqualTo(Base64.getEncoder().encodeToString(
                BINARY));
        assertThat(PayloadConversion.textForTemplate(DECODED_TEXT, false)).isEqualTo("hello");
    }

    @Test
    void binary_means_a_match_in_binary_media_types() {
        PayloadConversion conversion = new PayloadConversion(List.of("image/*"));

        assertThat(conversion.isBinary("image/jpeg; q=1")).isTrue();
        assertThat(conversion.isBinary("application/json")).isFalse();
        assertThat(conversion.isBinary(null)).isFalse();
    }
}
