package dev.apigw.emulator.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A connection whose 101 is on its way is waited for, not answered 410: the server writes the 101 before it opens the
 * session, so a client (or a backend told the id by {@code $connect}) can post to it a moment early.
 */
class ConnectionsTest {
    private final Connections connections = new Connections();

    @Test
    void a_lookup_waits_for_a_connection_that_is_opening_and_finds_it_once_open() throws Exception {
        connections.opening("abc=");
        CompletableFuture<Optional<OpenConnection>> lookup = CompletableFuture.supplyAsync(
                () -> connections.await("abc=", Duration.ofSeconds(10)));
        Thread.sleep(50);
        assertThat(lookup).isNotDone();

        // The registry never touches the socket, so none is needed here; the transport tests use real ones.
        connections.add(new OpenConnection(connection("abc="), null, false));

        assertThat(lookup.get(10, TimeUnit.SECONDS)).hasValueSatisfying(open -> assertThat(open.id())
                .isEqualTo("abc="));
    }

    @Test
    void a_handshake_given_up_ends_the_wait_with_nothing() throws Exception {
        connections.opening("abc=");
        CompletableFuture<Optional<OpenConnection>> lookup = CompletableFuture.supplyAsync(
                () -> connections.await("abc=", Duration.ofSeconds(10)));

        connections.notOpened("abc=");

        assertThat(lookup.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void a_connection_still_opening_after_the_patience_is_gone() {
        connections.opening("abc=");

        assertThat(connections.await("abc=", Duration.ofMillis(20))).isEmpty();
    }

    @Test
    void an_unknown_connection_is_answered_at_once() {
        assertThat(connections.await("nobody=", Duration.ofHours(1))).isEmpty();
    }

    private static WebSocketEvent.Connection connection(String id) {
        return new WebSocketEvent.Connection(id, System.currentTimeMillis(), "localhost", "dev", "api", "127.0.0.1",
                null, Map.of("Host", List.of("localhost")), Map.of());
    }
}
