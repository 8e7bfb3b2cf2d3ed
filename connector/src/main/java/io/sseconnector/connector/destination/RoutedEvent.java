package io.sseconnector.connector.destination;

import io.sseconnector.core.SseEvent;

/**
 * One SSE event on its way to a destination, with where it came from.
 *
 * @param device the device (SSE source) name
 * @param asset the asset whose route matched, or {@code null} for unmatched events
 * @param event the SSE event as received
 * @param payload the event's data as UTF-8: what MQTT and the other destinations carry, unchanged
 * @param json whether the data parses as JSON (decides the MQTT 5 content type)
 * @param error on a dead letter, why it is one ({@code reason: detail}), else {@code null}
 */
public record RoutedEvent(String device, String asset, SseEvent event, byte[] payload, boolean json, String error) {
    /** The MQTT 5 content type / HTTP content type of the payload. */
    public String contentType() {
        return json ? "application/json" : "text/plain";
    }
}
