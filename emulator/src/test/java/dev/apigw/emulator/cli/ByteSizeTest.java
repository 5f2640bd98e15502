package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import dev.apigw.emulator.RequestLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({"10485760, 10485760", "512KB, 524288", "6MB, 6291456", "6mb, 6291456", "1 GB, 1073741824", "10B, 10"})
    void sizes_are_bytes_or_binary_units(String text, int bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "-1", "0", "1.5MB", "3GB", "99999999999999999999"})
    void other_text_is_refused_with_the_forms_accepted(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.isEmpty() ? "size" : text);
    }

    @Test
    void the_project_files_limits_change_only_what_they_name() {
        ProjectFileSections.LimitsEntry entry = new ProjectFileSections.LimitsEntry("1MB", null, "4KB", null, 0.5);

        assertThat(entry.applyTo(RequestLimits.aws())).isEqualTo(new RequestLimits(1024 * 1024,
                RequestLimits.AWS_LAMBDA_PAYLOAD_BYTES, 4096, RequestLimits.AWS_URL_CHARS, Duration.ofMillis(500)));
    }
}
