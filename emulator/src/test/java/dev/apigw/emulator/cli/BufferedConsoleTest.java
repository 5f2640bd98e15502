package dev.apigw.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BufferedConsoleTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final BufferedConsole.HeldOutput held = new BufferedConsole.HeldOutput(console);
    private final PrintStream stream = new PrintStream(held, false, StandardCharsets.UTF_8);

    @Test
    void a_writers_flush_does_not_write_through_as_slf4j_simple_flushes_every_line() {
        stream.println("START RequestId: 1");
        stream.flush();

        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void drain_writes_out_everything_held_in_order() {
        stream.println("START RequestId: 1");
        stream.println("END RequestId: 1 é");
        stream.flush();

        held.drain();

        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("START RequestId: 1\nEND RequestId: 1 é\n");
    }

    @Test
    void output_larger_than_the_buffer_goes_out_without_waiting_and_close_drains_the_rest() {
        String line = "x".repeat(1000);
        for (int i = 0; i < 100; i++) {
            stream.println(line);
        }
        assertThat(console.size()).isGreaterThan(0);

        stream.close();

        assertThat(console.size()).isEqualTo(100 * 1001);
    }
}
