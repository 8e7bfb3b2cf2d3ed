package io.sseconnector.benchmarks.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the subscriber received during one measured window, by (device, SSE id): which ids arrived
 * (so that a loss is named, not guessed from a count), how many arrived twice, when the last one
 * arrived, and, when the window has {@link SentTimes}, each message's latency from its write.
 * Thread-safe: the subscriber records, the harness reads.
 */
final class Tally {
    private final List<String> devices;
    private final Map<String, Integer> index;
    private final long[] firstIds;
    private final BitSet[] seen;
    private final SentTimes sent;
    private final long latencyFromNanos;
    private final long latencyToNanos;

    private long distinct;
    private long duplicates;
    private long stray;
    private long lastReceiveNanos;
    private long target = Long.MAX_VALUE;
    private long[] latencies = new long[1024];
    /** The write time of each latency's event, for {@link #slices}. */
    private long[] sentAt = new long[1024];

    private int latencyCount;

    /**
     * @param devices the devices of the window, in index order
     * @param firstIds the first id each device writes in this window
     * @param sent the write times, or {@code null} when latency is not measured
     * @param latencyFromNanos latencies count for events written at or after this time (after the
     *     warm-up)
     * @param latencyToNanos … and before this one
     */
    Tally(List<String> devices, long[] firstIds, SentTimes sent, long latencyFromNanos, long latencyToNanos) {
        this.devices = List.copyOf(devices);
        this.index =
                IntStream.range(0, devices.size()).boxed().collect(Collectors.toMap(devices::get, Function.identity()));
        this.firstIds = firstIds.clone();
        this.seen = new BitSet[devices.size()];
        Arrays.setAll(seen, i -> new BitSet());
        this.sent = sent;
        this.latencyFromNanos = latencyFromNanos;
        this.latencyToNanos = latencyToNanos;
    }

    /** A window without latencies: one device, ids from {@code firstId}. */
    static Tally of(String device, long firstId) {
        return new Tally(List.of(device), new long[] {firstId}, null, 0, 0);
    }

    int deviceIndex(String device) {
        Integer i = index.get(device);
        return i == null ? -1 : i;
    }

    /** One message; {@code id} is its {@code sse-id}, {@code -1} when it had none. */
    synchronized void record(String device, long id, long receivedNanos) {
        Integer i = device == null ? null : index.get(device);
        long offset = i == null ? -1 : id - firstIds[i];
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            stray++; // an earlier window's late duplicate, or not ours
            return;
        }
        BitSet ids = seen[i];
        if (ids.get((int) offset)) {
            duplicates++;
            return;
        }
        ids.set((int) offset);
        distinct++;
        lastReceiveNanos = receivedNanos;
        if (sent != null) {
            long sentNanos = sent.get(i, id);
            if (sentNanos != 0 && sentNanos >= latencyFromNanos && sentNanos < latencyToNanos) {
                if (latencyCount == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencyCount * 2);
                    sentAt = Arrays.copyOf(sentAt, latencyCount * 2);
                }
                sentAt[latencyCount] = sentNanos;
                latencies[latencyCount++] = receivedNanos - sentNanos;
            }
        }
        if (distinct >= target) {
            notifyAll();
        }
    }

    /**
     * Waits until {@code expected} distinct messages arrived, or nothing new arrived for {@code
     * quiet}, or {@code max} passed; returns the distinct count then.
     */
    synchronized long await(long expected, Duration quiet, Duration max) throws InterruptedException {
        target = expected;
        long deadline = System.nanoTime() + max.toNanos();
        long lastCount = distinct;
        long lastProgress = System.nanoTime();
        while (distinct < expected) {
            long now = System.nanoTime();
            if (distinct != lastCount) {
                lastCount = distinct;
                lastProgress = now;
            }
            if (now - lastProgress > quiet.toNanos() || now > deadline) {
                break;
            }
            wait(50);
        }
        return distinct;
    }

    synchronized long distinct() {
        return distinct;
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long stray() {
        return stray;
    }

    synchronized long lastReceiveNanos() {
        return lastReceiveNanos;
    }

    /**
     * Events written but never received: per device, ids {@code firstId … firstId + written - 1}
     * that did not arrive.
     */
    synchronized long lost(long[] written) {
        long lost = 0;
        for (int i = 0; i < seen.length; i++) {
            lost += written[i] - seen[i].get(0, (int) written[i]).cardinality();
        }
        return lost;
    }

    /** Up to {@code limit} ids that did not arrive, as {@code device:id}, for the log. */
    synchronized String lostExamples(long[] written, int limit) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < seen.length && shown < limit; i++) {
            for (int k = seen[i].nextClearBit(0); k < written[i] && shown < limit; k = seen[i].nextClearBit(k + 1)) {
                out.append(shown++ == 0 ? "" : " ")
                        .append(devices.get(i))
                        .append(':')
                        .append(firstIds[i] + k);
            }
        }
        return out.toString();
    }

    /** The latencies recorded so far. */
    synchronized Latencies latencies() {
        return Latencies.of(Arrays.copyOf(latencies, latencyCount), latencyCount);
    }

    /**
     * The latencies by when their events were written: {@code count} slices of {@code sliceNanos}
     * from {@code fromNanos}, to show whether a bad percentile is spread out or one episode.
     */
    synchronized List<Latencies> slices(long fromNanos, long sliceNanos, int count) {
        long[][] byslice = new long[count][latencyCount];
        int[] sizes = new int[count];
        for (int k = 0; k < latencyCount; k++) {
            long slice = (sentAt[k] - fromNanos) / sliceNanos;
            if (slice >= 0 && slice < count) {
                byslice[(int) slice][sizes[(int) slice]++] = latencies[k];
            }
        }
        List<Latencies> slices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slices.add(Latencies.of(byslice[i], sizes[i]));
        }
        return slices;
    }

    List<String> devices() {
        return devices;
    }
}
