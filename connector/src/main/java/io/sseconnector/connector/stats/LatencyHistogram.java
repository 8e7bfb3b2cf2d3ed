package io.sseconnector.connector.stats;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** A fixed-bucket latency histogram (Prometheus style, cumulative on read), lock-free. */
public final class LatencyHistogram {
    /** Upper bounds in seconds; the last bucket is +Inf. */
    public static final double[] BOUNDS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
    };

    private final AtomicLongArray counts = new AtomicLongArray(BOUNDS.length + 1);
    private final LongAdder sumNanos = new LongAdder();

    public void record(long nanos) {
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) {
            i++;
        }
        counts.incrementAndGet(i);
        sumNanos.add(nanos);
    }

    public Snapshot snapshot() {
        long[] cumulative = new long[counts.length()];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += counts.get(i);
            cumulative[i] = running;
        }
        return new Snapshot(cumulative, sumNanos.sum() / 1e9);
    }

    /**
     * @param cumulative counts at or below each bound of {@link #BOUNDS}, then the total
     * @param sumSeconds the sum of all recorded latencies
     */
    public record Snapshot(long[] cumulative, double sumSeconds) {
        public long count() {
            return cumulative[cumulative.length - 1];
        }

        /** The smallest bound below which at least this fraction of samples fall (+Inf as MAX_VALUE). */
        public double quantileUpperBound(double q) {
            long total = count();
            if (total == 0) {
                return 0;
            }
            for (int i = 0; i < BOUNDS.length; i++) {
                if (cumulative[i] >= q * total) {
                    return BOUNDS[i];
                }
            }
            return Double.MAX_VALUE;
        }
    }
}
