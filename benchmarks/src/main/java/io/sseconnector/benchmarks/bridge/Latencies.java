package io.sseconnector.benchmarks.bridge;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, in milliseconds; exact (from every sample, sorted), not from a
 * histogram.
 */
record Latencies(long count, double p50, double p90, double p99, double p999, double max) {
    static final Latencies NONE = new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The percentiles of the first {@code n} samples of {@code nanos} (which is sorted in place). */
    static Latencies of(long[] nanos, int n) {
        if (n == 0) {
            return NONE;
        }
        Arrays.sort(nanos, 0, n);
        return new Latencies(
                n, ms(nanos, n, 0.50), ms(nanos, n, 0.90), ms(nanos, n, 0.99), ms(nanos, n, 0.999), nanos[n - 1] / 1e6);
    }

    /** The nearest-rank percentile: the smallest sample that at least {@code q} of them do not exceed. */
    private static double ms(long[] sorted, int n, double q) {
        int rank = (int) Math.ceil(q * n);
        return sorted[Math.max(0, Math.min(n, rank) - 1)] / 1e6;
    }
}
