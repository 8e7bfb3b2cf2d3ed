package io.sseconnector.connector.delivery;

import io.sseconnector.connector.route.Target;
import io.sseconnector.core.SseEvent;
import java.util.ArrayList;
import java.util.List;

/** One received event on its way to its targets; mutable, guarded by its {@link DeviceDelivery}. */
final class Pending {
    final SseEvent event;
    /** Where it goes; a target that cannot take it is replaced by its dead letter. */
    List<Target> targets;
    /** The data as UTF-8, encoded once for every target and attempt. */
    final byte[] payload;

    final boolean json;
    final int bytes;
    final long receivedNanos;
    /** Whether this is a notice standing in for an event that was not kept (not counted as delivered). */
    final boolean notice;
    /** Where its record ends in the spill file when it came back from there, else -1. */
    long spillEnd = -1;
    /** Bumped on every (re-)send: acknowledgements of an older attempt are ignored. */
    int attempt;
    /** Targets of the current attempt that have not acknowledged yet. */
    int remaining;
    /** Failures of this event that made everything in flight go again: past a few, it is given up on. */
    int failures;

    Pending(SseEvent event, List<Target> targets, byte[] payload, boolean json, long receivedNanos, boolean notice) {
        this.event = event;
        this.targets = targets;
        this.payload = payload;
        this.json = json;
        this.bytes = payload.length;
        this.receivedNanos = receivedNanos;
        this.notice = notice;
    }

    /** Replaces one target (the shared, cached target lists are never changed in place). */
    void replace(Target old, Target replacement) {
        List<Target> copy = new ArrayList<>(targets);
        copy.set(copy.indexOf(old), replacement);
        targets = List.copyOf(copy);
    }
}
