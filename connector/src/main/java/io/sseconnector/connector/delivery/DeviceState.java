package io.sseconnector.connector.delivery;

import java.time.Instant;

/**
 * What an operator wants to know about one device: connected or not since when, the last delivered
 * id, how often it reconnected, and why it stopped if it did.
 */
public record DeviceState(
        boolean connected, Instant connectedSince, String lastDeliveredId, long reconnects, String stoppedReason) {

    static DeviceState initial() {
        return new DeviceState(false, null, "", 0, null);
    }

    DeviceState connected(Instant now) {
        return new DeviceState(true, now, lastDeliveredId, reconnects, null);
    }

    DeviceState disconnected() {
        return new DeviceState(false, null, lastDeliveredId, reconnects + 1, null);
    }

    DeviceState delivered(String id) {
        return new DeviceState(connected, connectedSince, id, reconnects, stoppedReason);
    }

    DeviceState stopped(String reason) {
        return new DeviceState(false, null, lastDeliveredId, reconnects, reason);
    }

    DeviceState resumingFrom(String id) {
        return new DeviceState(connected, connectedSince, id, reconnects, stoppedReason);
    }
}
