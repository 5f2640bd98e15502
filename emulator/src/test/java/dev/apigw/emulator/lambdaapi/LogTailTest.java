package dev.apigw.emulator.lambdaapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LogTailTest {

    @Test
    void keeps_every_line_while_under_4_kb() {
        LogTail tail = new LogTail();
        tail.append("START RequestId: 1 Version: $LATEST");
        tail.append("1 hello\n");

        assertThat(new String(Base64.getDecoder().decode(tail.base64()), StandardCharsets.UTF_8))
                .isEqualTo("START RequestId: 1 Version: $LATEST\n1 hello\n");
    }

    @Test
    void keeps_only_the_last_4_kb_of_a_long_log() {
        LogTail tail = new LogTail();
        for (int i = 0; i < 1000; i++) {
            tail.append("line " + i);
        }
        tail.append("END RequestId: 1");

        byte[] kept = tail.bytes();
        assertThat(kept).hasSize(LogTail.LIMIT_BYTES);
        assertThat(new String(kept, StandardCharsets.UTF_8)).endsWith("line 999\nEND RequestId: 1\n");
    }
}
