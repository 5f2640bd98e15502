package dev.apigw.emulator.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GenerationsTest {

    @Test
    void a_replaced_version_closes_when_its_last_call_ends() {
        Version first = new Version();
        Generations<Version> generations = new Generations<>(first);
        Generations.Lease<Version> inFlight = generations.acquire();

        generations.replace(new Version());

        assertThat(first.closed).isFalse();
        assertThat(generations.current()).isNotSameAs(first);
        inFlight.close();
        assertThat(first.closed).isTrue();
    }

    @Test
    void a_replaced_version_without_calls_closes_at_once() {
        Version first = new Version();
        Generations<Version> generations = new Generations<>(first);

        generations.replace(new Version());

        assertThat(first.closed).isTrue();
    }

    @Test
    void calls_after_a_replace_get_the_new_version() {
        Version second = new Version();
        Generations<Version> generations = new Generations<>(new Version());

        generations.replace(second);

        try (Generations.Lease<Version> lease = generations.acquire()) {
            assertThat(lease.value()).isSameAs(second);
        }
        assertThat(second.closed).isFalse();
    }

    @Test
    void closing_waits_for_calls_in_flight_and_refuses_new_ones() {
        Version only = new Version();
        Generations<Version> generations = new Generations<>(only);
        Generations.Lease<Version> inFlight = generations.acquire();

        generations.close();

        assertThat(only.closed).isFalse();
        assertThatThrownBy(generations::acquire).isInstanceOf(IllegalStateException.class);
        inFlight.close();
        assertThat(only.closed).isTrue();
    }

    private static final class Version implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
