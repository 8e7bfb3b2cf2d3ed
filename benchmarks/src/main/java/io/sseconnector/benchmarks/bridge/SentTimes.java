package io.sseconnector.benchmarks.bridge;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each event of a measured window was written (or published), by device and id, in {@link
 * System#nanoTime()} of the harness JVM: the writers fill it, the subscriber, in the same JVM, reads
 * it. Thread-safe.
 */
final class SentTimes {
    private final long[] firstIds;
    private final AtomicLongArray[] nanos;

    /**
     * @param firstIds the first id of the window, per device index
     * @param capacity the most events per device
     */
    SentTimes(long[] firstIds, int capacity) {
        this.firstIds = firstIds.clone();
        this.nanos = new AtomicLongArray[firstIds.length];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = new AtomicLongArray(capacity);
        }
    }

    int capacity() {
        return nanos[0].length();
    }

    void put(int device, long id, long sentNanos) {
        nanos[device].set((int) (id - firstIds[device]), sentNanos);
    }

    /** The write time of that event, or 0 when it is outside the window or not written (yet). */
    long get(int device, long id) {
        long offset = id - firstIds[device];
        return offset < 0 || offset >= nanos[device].length() ? 0 : nanos[device].get((int) offset);
    }
}
