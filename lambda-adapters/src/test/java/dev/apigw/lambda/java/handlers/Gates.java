package dev.apigw.lambda.java.handlers;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Named gates where handlers wait until a test opens them; each test creates its own gate, so tests stay apart. */
public final class Gates {
    private static final Map<String, Gate> GATES = new ConcurrentHashMap<>();

    private Gates() {}

    /** A new closed gate. */
    public static Gate create() {
        Gate gate = new Gate(UUID.randomUUID().toString());
        GATES.put(gate.name(), gate);
        return gate;
    }

    static void pass(String name) {
        Gate gate = GATES.get(name);
        if (gate == null) {
            throw new IllegalStateException("no gate " + name);
        }
        gate.arrived.release();
        try {
            if (!gate.open.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate " + name + " was never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A gate handlers wait at. */
    public static final class Gate implements AutoCloseable {
        private final String name;
        private final Semaphore arrived = new Semaphore(0);
        private final CountDownLatch open = new CountDownLatch(1);

        private Gate(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** Waits (at most 10 s) until {@code count} invocations wait at the gate; false if they did not arrive. */
        public boolean awaitArrivals(int count) throws InterruptedException {
            return arrived.tryAcquire(count, 10, TimeUnit.SECONDS);
        }

        public void open() {
            open.countDown();
        }

        @Override
        public void close() {
            open();
            GATES.remove(name);
        }
    }
}
