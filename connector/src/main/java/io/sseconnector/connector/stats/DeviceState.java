package io.sseconnector.connector.stats;

import java.time.Instant;

/**
 * What an operator wants to know about one device: connected or not since when, the last delivered
 * id, how often it reconnected, and why it stopped if it did.
 */
public record DeviceState(
        boolean connected, Instant connectedSince, String lastDeliveredId, long reconnects, String stoppedReason) {

    public static DeviceState initial() {
        return new DeviceState(false, null, "", 0, null);
    }

    public DeviceState connected(Instant now) {
        return new DeviceState(true, now, lastDeliveredId, reconnects, null);
    }

    public DeviceState disconnected() {
        return new DeviceState(false, null, lastDeliveredId, reconnects + 1, null);
    }

    public DeviceState delivered(String id) {
        return new DeviceState(connected, connectedSince, id, reconnects, stoppedReason);
    }

    public DeviceState stopped(String reason) {
        return new DeviceState(false, null, lastDeliveredId, reconnects, reason);
    }
}
