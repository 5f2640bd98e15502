package dev.apigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which --host values keep apigw on this machine (no warning) and which expose it (a warning at start). */
class LoopbackWarningTest {
    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "localhost, true", "::1, true", "127.0.0.2, true", "0.0.0.0, false",
        "::, false"})
    void only_loopback_hosts_count_as_local(String host, boolean loopback) {
        assertThat(LoopbackWarning.isLoopback(host)).isEqualTo(loopback);
    }
}
