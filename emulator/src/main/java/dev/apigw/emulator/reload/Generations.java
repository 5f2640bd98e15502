package dev.apigw.emulator.reload;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current version of something that is reloaded while in use (a function's code, a served API). Callers
 * {@link #acquire()} the current version for the length of one call; {@link #replace} makes a new version current at
 * once, and the old one is closed when its last call ends, so nothing in flight fails because of a reload.
 */
public final class Generations<T extends AutoCloseable> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Generations.class);

    private final AtomicReference<@Nullable Generation<T>> current;

    public Generations(T first) {
        this.current = new AtomicReference<>(new Generation<>(first));
    }

    /**
     * The current version, held until the lease is closed.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public Lease<T> acquire() {
        // A failed retain means that generation was replaced and released meanwhile; the next read sees its successor.
        while (true) {
            Generation<T> generation = current.get();
            if (generation == null) {
                throw new IllegalStateException("closed");
            }
            if (generation.retain()) {
                return new Lease<>(generation);
            }
        }
    }

    /** The current version, for reading settings; use {@link #acquire()} to call it. */
    public T current() {
        Generation<T> generation = current.get();
        if (generation == null) {
            throw new IllegalStateException("closed");
        }
        return generation.value;
    }

    /** Makes {@code next} current; the previous version is closed once the calls that hold it end. */
    public void replace(T next) {
        Generation<T> previous = current.getAndUpdate(old -> old == null ? null : new Generation<>(next));
        if (previous == null) {
            closeQuietly(next);
            return;
        }
        previous.release();
    }

    /** No further calls; the current version is closed once the calls that hold it end. */
    @Override
    public void close() {
        Generation<T> last = current.getAndSet(null);
        if (last != null) {
            last.release();
        }
    }

    private static void closeQuietly(AutoCloseable value) {
        try {
            value.close();
        } catch (Exception e) {
            LOG.warn("could not close {}: {}", value, e.toString());
        }
    }

    /** One version and its holders: the {@link Generations} itself while current, plus one per call in flight. */
    private static final class Generation<T extends AutoCloseable> {
        private final T value;
        private final AtomicInteger holders = new AtomicInteger(1);

        Generation(T value) {
            this.value = requireNonNull(value, "value");
        }

        boolean retain() {
            int count;
            do {
                count = holders.get();
                if (count == 0) {
                    return false;
                }
            } while (!holders.compareAndSet(count, count + 1));
            return true;
        }

        void release() {
            if (holders.decrementAndGet() == 0) {
                closeQuietly(value);
            }
        }
    }

    /** One call's hold on a version; closing it lets a replaced version close. */
    public static final class Lease<T extends AutoCloseable> implements AutoCloseable {
        private final Generation<T> generation;
        private boolean released;

        private Lease(Generation<T> generation) {
            this.generation = generation;
        }

        public T value() {
            return generation.value;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                generation.release();
            }
        }
    }
}
