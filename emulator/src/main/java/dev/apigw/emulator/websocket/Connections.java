package dev.apigw.emulator.websocket;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections of one WebSocket API: the only mutable registry, reset between tests. */
public final class Connections {
    private final Map<String, OpenConnection> open = new ConcurrentHashMap<>();

    void add(OpenConnection connection) {
        open.put(connection.id(), connection);
    }

    Optional<OpenConnection> remove(String connectionId) {
        return Optional.ofNullable(open.remove(connectionId));
    }

    public Optional<OpenConnection> get(String connectionId) {
        return Optional.ofNullable(open.get(connectionId));
    }

    public List<OpenConnection> all() {
        Collection<OpenConnection> values = open.values();
        return List.copyOf(values);
    }


}
