package io.sseconnector.connector.simulator;

/**
 * One generated event.
 *
 * @param atMillis when it happens on the generator's own timeline (ms since the device started);
 *     real time in normal mode, compressed under {@code --rate}
 * @param type the event type
 * @param json the payload: compact JSON, keys in the seed's order
 */
public record CameraEvent(long atMillis, EventType type, String json) {}
