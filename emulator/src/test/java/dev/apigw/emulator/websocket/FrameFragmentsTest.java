package dev.apigw.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outgoing messages over the frame limit are cut between code points into frames within it. */
class FrameFragmentsTest {
    @Test
    void a_message_within_the_limit_is_one_frame() {
        assertThat(FrameFragments.of("hello", 64)).containsExactly("hello");
    }

    @Test
    void a_longer_message_is_cut_into_frames_within_the_limit_that_join_back_into_it() {
        String message = "ab€😀".repeat(40);
        List<String> parts = FrameFragments.of(message, 10);

        assertThat(String.join("", parts)).isEqualTo(message);
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10);
            // No part starts or ends inside a surrogate pair.
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        });
    }
}
