package dev.apigw.emulator.observe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One route's statistics: totals since the start (or the last reset) and a ring of {@link #BUCKET_SECONDS}-second
 * buckets over the last {@link #WINDOW_SECONDS}, each with a count, the errors and a {@link LatencyHistogram}.
 * Recording is a few array writes under the route's own lock: requests to other routes never wait for it. The ring
 * (about 47 KB) is allocated on the route's first request, so routes nobody calls cost nothing.
 */
final class RouteCounters {
    static final int WINDOW_SECONDS = 300;
    /** Fine enough for a chart of five minutes; one-second buckets would take five times the memory per route. */
    static final int BUCKET_SECONDS = 5;
    private static final int SLOTS = WINDOW_SECONDS / BUCKET_SECONDS;

    private final String label;
    private long count;
    private long errors4xx;
    private long errors5xx;
    private final int[] totalLatencies = new int[LatencyHistogram.BUCKETS];
    /** Which bucket (epoch second / BUCKET_SECONDS) each slot holds; an older one is stale and cleared on reuse. */
    private long[] seconds;
    private int[] counts;
    private int[] errors;
    private int[] latencies;

    RouteCounters(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    synchronized void record(long epochSecond, int status, long latencyNanos) {
        if (seconds == null) {
            allocateRing();
        }
        int bucket = LatencyHistogram.bucketOf(latencyNanos);
        boolean error = status >= 400 && status <= 599;
        count++;
        if (status >= 500) {
            errors5xx++;
        } else if (error) {
            errors4xx++;
        }
        totalLatencies[bucket]++;
        long bucketIndex = Math.floorDiv(epochSecond, (long) BUCKET_SECONDS);
        int slot = (int) Math.floorMod(bucketIndex, (long) SLOTS);
        if (seconds[slot] != bucketIndex) {
            seconds[slot] = bucketIndex;
            counts[slot] = 0;
            errors[slot] = 0;
            Arrays.fill(latencies, slot * LatencyHistogram.BUCKETS, (slot + 1) * LatencyHistogram.BUCKETS, 0);
        }
        counts[slot]++;
        if (error) {
            errors[slot]++;
        }
        latencies[slot * LatencyHistogram.BUCKETS + bucket]++;
    }

    private void allocateRing() {
        seconds = new long[SLOTS];
        Arrays.fill(seconds, Long.MIN_VALUE);
        counts = new int[SLOTS];
        errors = new int[SLOTS];
        latencies = new int[SLOTS * LatencyHistogram.BUCKETS];
    }

    synchronized long count() {
        return count;
    }

    /** The totals and the non-empty buckets of the window ending at {@code nowSecond}, oldest first. */
    synchronized RouteStatistics.RouteSummary summary(long nowSecond) {
        List<RouteStatistics.Bucket> series = new ArrayList<>();
        if (seconds != null) {
            long now = Math.floorDiv(nowSecond, (long) BUCKET_SECONDS);
            for (long bucket = now - SLOTS + 1; bucket <= now; bucket++) {
                int slot = (int) Math.floorMod(bucket, (long) SLOTS);
                if (seconds[slot] == bucket && counts[slot] > 0) {
                    int offset = slot * LatencyHistogram.BUCKETS;
                    series.add(new RouteStatistics.Bucket(Instant.ofEpochSecond(bucket * BUCKET_SECONDS), counts[slot],
                            errors[slot], LatencyHistogram.percentile(latencies, offset, counts[slot], 0.5),
                            LatencyHistogram.percentile(latencies, offset, counts[slot], 0.99)));
                }
            }
        }
        return new RouteStatistics.RouteSummary(label, count, errors4xx, errors5xx,
                LatencyHistogram.percentile(totalLatencies, 0, count, 0.5),
                LatencyHistogram.percentile(totalLatencies, 0, count, 0.99), series);
    }

    synchronized void clear() {
        count = 0;
        errors4xx = 0;
        errors5xx = 0;
        Arrays.fill(totalLatencies, 0);
        if (seconds != null) {
            Arrays.fill(seconds, Long.MIN_VALUE);
        }
    }
}
