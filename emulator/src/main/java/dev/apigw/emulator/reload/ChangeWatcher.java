package dev.apigw.emulator.reload;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when files change under watched paths (directories, recursively, and single files such as jars or the
 * spec) and tells the listener once the burst of changes is over: a compile writes many class files, and reloading
 * after the first of them would load half-written code.
 *
 * <p>It polls, on one daemon thread, every {@value #POLL_MILLIS} ms, comparing each path's {@link PathFingerprint}
 * (names, sizes and modification times), and reports a change once the fingerprint has stayed the same for
 * {@value #QUIET_POLLS} polls. It does not use {@link java.nio.file.WatchService}: on macOS the JDK 17 watch service
 * is itself a poller with a 10 second interval [K openjdk/jdk#8479, helidon-io/helidon#181], far from the
 * "next request sees the new code" a developer expects, and on Linux it watches one directory level per key, so new
 * package directories written by a compile would race their own registration. Walking a {@code target/classes} of a
 * few thousand files is a few milliseconds of stat calls.
 */
public final class ChangeWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);
    static final long POLL_MILLIS = 100;
    static final int QUIET_POLLS = 2;

    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;

    /** Starts polling; {@code name} names the thread ({@code apigw-watch-name}). */
    public ChangeWatcher(String name) {
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "apigw-watch-" + name);
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Calls {@code onChange} on the watcher's thread after files under {@code paths} changed and then stayed
     * unchanged for a moment. Changes before this call do not count.
     */
    public void watch(List<Path> paths, Runnable onChange) {
        watches.add(new Watch(List.copyOf(paths), onChange, PathFingerprint.of(paths, new HashMap<>())));
    }

    private void poll() {
        // Functions that share a classpath share its walk.
        Map<Path, Long> fingerprints = new HashMap<>();
        for (Watch watch : watches) {
            try {
                watch.poll(fingerprints);
            } catch (RuntimeException e) {
                LOG.error("reacting to a change under {} failed", watch.paths, e);
            }
        }
    }

    /** Stops polling; a listener running now finishes. */
    @Override
    public void close() {
        poller.shutdownNow();
    }

    /** One listener's paths and what it has seen of them; used by the poller thread only, after construction. */
    private static final class Watch {
        private final List<Path> paths;
        private final Runnable onChange;
        private long reported;
        private long seen;
        private int quietPolls;

        Watch(List<Path> paths, Runnable onChange, long fingerprint) {
            this.paths = paths;
            this.onChange = onChange;
            this.reported = fingerprint;
            this.seen = fingerprint;
        }

        void poll(Map<Path, Long> fingerprints) {
            long now = PathFingerprint.of(paths, fingerprints);
            if (now != seen) {
                seen = now;
                quietPolls = 0;
                return;
            }
            if (seen != reported && ++quietPolls >= QUIET_POLLS) {
                reported = seen;
                onChange.run();
            }
        }
    }
}
