package io.sseconnector.connector.destination;

import java.util.concurrent.CompletableFuture;

/**
 * Where routed events go. A send completes when the destination acknowledged the event (MQTT QoS 1:
 * PUBACK, QoS 2: PUBCOMP, QoS 0: written), or exceptionally when it could not take it; the caller
 * then re-sends (at-least-once). Sends of one caller are issued in order.
 */
public interface Destination {
    /** A short description for logs and the stats: {@code mqtt events/cam/heartbeat qos1}. */
    String describe();

    /** Whether sending now can succeed (e.g. the broker is connected); the caller waits otherwise. */
    boolean isReady();

    CompletableFuture<Void> send(RoutedEvent event);
}
