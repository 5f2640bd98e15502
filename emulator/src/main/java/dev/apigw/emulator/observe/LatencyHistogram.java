package dev.apigw.emulator.observe;

/**
 * A fixed log-scale latency histogram laid out in a slice of an {@code int[]}, so that hundreds of them fit in one
 * array allocated once. Bucket bounds grow by 10 % from 1 µs to 100 s; a percentile is reported as its bucket's
 * geometric middle, within 5 % of the true value ({@code sqrt(1.1) - 1 ≈ 4.9 %}). Below 1 µs and above 100 s are
 * one bucket each. Not thread-safe: the owner locks.
 */
final class LatencyHistogram {
    private static final double RATIO = 1.1;
    private static final double LOG_RATIO = Math.log(RATIO);
    private static final long MIN_NANOS = 1_000;
    private static final long MAX_NANOS = 100_000_000_000L;
    /** Log buckets between the bounds, plus one below and one above. */
    static final int BUCKETS = (int) Math.ceil(Math.log((double) MAX_NANOS / MIN_NANOS) / LOG_RATIO) + 2;

    private LatencyHistogram() {}

    /** The bucket a latency falls in: computed, never searched, so recording stays O(1). */
    static int bucketOf(long nanos) {
        if (nanos < MIN_NANOS) {
            return 0;
        }
        if (nanos >= MAX_NANOS) {
            return BUCKETS - 1;
        }
        int bucket = 1 + (int) (Math.log((double) nanos / MIN_NANOS) / LOG_RATIO);
        return Math.min(bucket, BUCKETS - 2);
    }

    /** The value a bucket stands for, in milliseconds: the geometric middle of its bounds. */
    static double millisOf(int bucket) {
        if (bucket == 0) {
            return MIN_NANOS / 2 / 1_000_000.0;
        }
        if (bucket == BUCKETS - 1) {
            return MAX_NANOS / 1_000_000.0;
        }
        return MIN_NANOS * Math.pow(RATIO, bucket - 1 + 0.5) / 1_000_000.0;
    }

    /**
     * The {@code quantile} (0.5 for p50) of the {@code total} latencies counted in {@code counts[offset ..
     * offset + BUCKETS)}, in milliseconds rounded to 3 decimals; 0 when nothing was counted.
     */
    static double percentile(int[] counts, int offset, long total, double quantile) {
        if (total <= 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            seen += counts[offset + bucket];
            if (seen >= rank) {
                return round(millisOf(bucket));
            }
        }
        return round(millisOf(BUCKETS - 1));
    }

    static double round(double millis) {
        return Math.round(millis * 1000.0) / 1000.0;
    }
}
