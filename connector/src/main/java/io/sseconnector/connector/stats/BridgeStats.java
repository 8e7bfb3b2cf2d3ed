package io.sseconnector.connector.stats;

import io.sseconnector.connector.destination.Undeliverable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
    private final LongAdder retries = new LongAdder();
    private final Map<Undeliverable.Reason, LongAdder> errorsByReason = new EnumMap<>(Undeliverable.Reason.class);
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

    public BridgeStats() {
        for (Undeliverable.Reason reason : Undeliverable.Reason.values()) {
            errorsByReason.put(reason, new LongAdder());
        }
    }

    /** A send failed in a way a retry can fix (a lost connection): it is sent again. */
    public void retried() {
        retries.increment();
    }

    /**
     * An event could not be delivered to one of its destinations and never will be: counted in
     * {@code Errors} and by reason; it goes to its dead-letter route ({@link #deadLettered()}) or is
     * given up ({@link #givenUp()}).
     */
    public void undeliverable(Undeliverable.Reason reason) {
        errors.increment();
        errorsByReason.get(reason).increment();
    }

    /** An event was dropped by the {@code drop-oldest} overflow policy. */
    public void dropped() {
        dropped.increment();
    }

    /** An event matched no route and {@code unmatched} is {@code drop}. */
    public void unmatchedDropped() {
        unmatched.increment();
    }

    /** An undeliverable event had no dead-letter route, or its dead letter failed too: it was given up. */
    public void givenUp() {
        givenUp.increment();
    }

    /** A payload failed its schema under {@code validation: warn} (delivered anyway). */
    public void invalid() {
        invalid.increment();
    }

    /** An event went to its dead-letter route instead of a destination (schema under enforce, or undeliverable). */
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
                retries.sum(),
                sums(errorsByReason),
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

    private static <K> Map<K, Long> sums(Map<K, LongAdder> byKey) {
        Map<K, Long> sums = byKey instanceof EnumMap ? new LinkedHashMap<>() : new TreeMap<>();
        byKey.forEach((key, counter) -> sums.put(key, counter.sum()));
        return sums;
    }

    /** The counters at one moment. */
    public record Snapshot(
            long received,
            long delivered,
            long errors,
            long retries,
            Map<Undeliverable.Reason, Long> errorsByReason,
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
