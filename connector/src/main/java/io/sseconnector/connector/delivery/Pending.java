package io.sseconnector.connector.delivery;

import io.sseconnector.connector.route.Target;
import io.sseconnector.core.SseEvent;
import java.util.List;

/** One received event on its way to its targets; mutable, guarded by its {@link DeviceDelivery}. */
final class Pending {
    final SseEvent event;
    final List<Target> targets;
    /** The data as UTF-8, encoded once for every target and attempt. */
    final byte[] payload;

    final boolean json;
    final int bytes;
    final long receivedNanos;
    /** Bumped on every (re-)send: acknowledgements of an older attempt are ignored. */
    int attempt;
    /** Targets of the current attempt that have not acknowledged yet. */
    int remaining;
    /** Refusals while the destination was connected: the event is given up after a few. */
    int refusals;

    Pending(SseEvent event, List<Target> targets, byte[] payload, boolean json, long receivedNanos) {
        this.event = event;
        this.targets = targets;
        this.payload = payload;
        this.json = json;
        this.bytes = payload.length;
        this.receivedNanos = receivedNanos;
    }
}
