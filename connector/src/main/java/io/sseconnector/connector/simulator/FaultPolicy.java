package io.sseconnector.connector.simulator;

import io.sseconnector.server.DeliveryPolicy;

/**
 * The fault modes, for one connection: after {@code stallAfter} events, hang (write nothing more,
 * keep the socket open); after {@code disconnectEvery} events, close, either cleanly or in the
 * middle of the next event. Counts replayed and live events alike. 0 turns a mode off.
 */
final class FaultPolicy implements DeliveryPolicy {
    private final long disconnectEvery;
    private final boolean cutMidEvent;
    private final long stallAfter;
    private long sent;

    FaultPolicy(long disconnectEvery, boolean cutMidEvent, long stallAfter) {
        this.disconnectEvery = disconnectEvery;
        this.cutMidEvent = cutMidEvent;
        this.stallAfter = stallAfter;
    }

    /** Whether any fault mode is on; without one, connections use {@link DeliveryPolicy#sendAll()}. */
    static boolean enabled(CameraSettings settings) {
        return settings.disconnectEvery() > 0 || settings.stallAfter() > 0;
    }

    @Override
    public Action decide(long id, String type) {
        if (stallAfter > 0 && sent >= stallAfter) {
            return Action.STALL;
        }
        if (disconnectEvery > 0 && sent >= disconnectEvery) {
            return cutMidEvent ? Action.CUT : Action.CLOSE;
        }
        sent++;
        return Action.SEND;
    }
}
