package io.sseconnector.connector.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bridge's counters, shared by every device: what was received, delivered, dropped and failed,
 * by event type, and the end-to-end latency. Thread-safe; cheap to update on hot paths.
 */
public final class BridgeStats {
    /** Types beyond this many are counted under {@link #OTHER_TYPES}: a source inventing types must not grow memory. */
    static final int MAX_TYPES = 500;

    static final String OTHER_TYPES = "(other types)";

    private final LongAdder received = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder unmatched = new LongAdder();
    private final LongAdder givenUp = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final Map<String, LongAdder> receivedByType = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> deliveredByType = new ConcurrentHashMap<>();
    private final LatencyHistogram latency = new LatencyHistogram();

    public void received(String type) {
        received.increment();
        counter(receivedByType, type).increment();
    }

    public void delivered(String type, long latencyNanos) {
        delivered.increment();
        counter(deliveredByType, type).increment();
        latency.record(latencyNanos);
    }

    /** A send failed (it is retried). */
    public void error() {
        errors.increment();
    }

    /** An event was dropped by the {@code drop-oldest} overflow policy. */
    public void dropped() {
        dropped.increment();
    }

    /** An event matched no route and {@code unmatched} is {@code drop}. */
    public void unmatchedDropped() {
        unmatched.increment();
    }

    /** A destination refused an event repeatedly while connected; it was given up. */
    public void givenUp() {
        givenUp.increment();
    }

    /** A payload failed its schema under {@code validation: warn} (delivered anyway). */
    public void invalid() {
        invalid.increment();
    }

    /** A payload failed its schema under {@code validation: enforce} and went to the dead-letter topic. */
    public void deadLettered() {
        deadLettered.increment();
    }

    public void reconnect() {
        reconnects.increment();
    }

    public Snapshot snapshot() {
        return new Snapshot(
                received.sum(),
                delivered.sum(),
                errors.sum(),
                dropped.sum(),
                unmatched.sum(),
                givenUp.sum(),
                reconnects.sum(),
                invalid.sum(),
                deadLettered.sum(),
                sums(receivedByType),
                sums(deliveredByType),
                latency.snapshot());
    }

    private static LongAdder counter(Map<String, LongAdder> byType, String type) {
        LongAdder counter = byType.get(type);
        if (counter != null) {
            return counter;
        }
        String key = byType.size() < MAX_TYPES ? type : OTHER_TYPES;
        return byType.computeIfAbsent(key, k -> new LongAdder());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> byType) {
        Map<String, Long> sums = new TreeMap<>();
        byType.forEach((type, counter) -> sums.put(type, counter.sum()));
        return sums;
    }

    /** The counters at one moment. */
    public record Snapshot(
            long received,
            long delivered,
            long errors,
            long dropped,
            long unmatchedDropped,
            long givenUp,
            long reconnects,
            long invalid,
            long deadLettered,
            Map<String, Long> receivedByType,
            Map<String, Long> deliveredByType,
            LatencyHistogram.Snapshot latency) {}
}
