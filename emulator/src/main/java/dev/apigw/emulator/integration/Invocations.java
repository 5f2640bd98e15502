package dev.apigw.emulator.integration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import dev.apigw.emulator.RecordedInvocation;

/** The recent function calls of one gateway, per function, bounded so a long run does not grow without end. */
public final class Invocations {
    private static final int KEPT_PER_FUNCTION = 1_000;

    private final Map<String, Deque<RecordedInvocation>> byFunction = new ConcurrentHashMap<>();

    void record(RecordedInvocation invocation) {
        Deque<RecordedInvocation> calls = byFunction.computeIfAbsent(invocation.functionName(), n -> new ArrayDeque<>());
        synchronized (calls) {
            calls.addLast(invocation);
            if (calls.size() > KEPT_PER_FUNCTION) {
                calls.removeFirst();
            }
        }
    }

    /** The calls of a function, oldest first. */
    public List<RecordedInvocation> of(String functionName) {
        Deque<RecordedInvocation> calls = byFunction.get(functionName);
        if (calls == null) {
            return List.of();
        }
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public void clear() {
        byFunction.clear();
    }
}
