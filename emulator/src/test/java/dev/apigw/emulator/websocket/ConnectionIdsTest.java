package dev.apigw.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionIdsTest {
    static Stream<Supplier<String>> generators() {
        return Stream.of(ConnectionIds::connectionId, ConnectionIds::messageId, ConnectionIds::requestId);
    }

    @ParameterizedTest
    @MethodSource("generators")
    void ids_look_like_aws_ones_16_characters_of_base64_ending_in_equals(Supplier<String> generator) {
        for (int i = 0; i < 1_000; i++) {
            String id = generator.get();

            assertThat(id).matches("[A-Za-z0-9]{15}=");
            assertThat(Base64.getDecoder().decode(id)).hasSize(11);
        }
    }

    @ParameterizedTest
    @MethodSource("generators")
    void ids_do_not_repeat(Supplier<String> generator) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(generator.get());
        }

        assertThat(ids).hasSize(10_000);
    }
}
