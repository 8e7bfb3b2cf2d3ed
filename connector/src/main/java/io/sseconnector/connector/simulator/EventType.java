package io.sseconnector.connector.simulator;

/** The camera's event types: the SSE {@code event:} field and the payload's {@code type}. */
public enum EventType {
    HEARTBEAT,
    ANALYTICS_ENABLED,
    ANALYTICS_DISABLED,
    ALERT,
    ALERT_DLQC
}
