package io.sseconnector.connector.destination;

/**
 * A destination cannot take this event, and sending it again would fail in the same way: the
 * delivery sends it to its dead-letter route instead and moves on. Any other failure of a send is
 * taken as passing (a lost connection) and the event is sent again.
 */
public final class Undeliverable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an event could not be delivered; {@link #label()} is the metric label. */
    public enum Reason {
        /** The topic, once its placeholders were filled, is not a valid topic to publish to. */
        INVALID_TOPIC("invalid_topic", true),
        /** The message is malformed for the protocol (say a user property the broker cannot carry). */
        INVALID_MESSAGE("invalid_message", true),
        /** The message is larger than the destination accepts: the dead letter carries a notice, not the data. */
        TOO_LARGE("too_large", false),
        /**
         * The SSE event was larger than {@code maxEventSize}; its data was never kept, so the event
         * that goes to the dead-letter route is already the JSON notice.
         */
        OVERSIZED_EVENT("oversized_event", true),
        /** The destination answered with a refusal that a retry cannot change (MQTT 5 reason code >= 0x80). */
        REJECTED("rejected", true),
        /** The payload failed its schema under {@code validation: enforce}. */
        SCHEMA("schema", true),
        /** The destination failed this one event again and again while it took others. */
        REFUSED("refused", true),
        /** A fault of the bridge itself while handling this event (a bug: the log line says where). */
        INTERNAL("internal", true);

        private final String label;
        private final boolean keepsPayload;

        Reason(String label, boolean keepsPayload) {
            this.label = label;
            this.keepsPayload = keepsPayload;
        }

        public String label() {
            return label;
        }

        /** Whether the dead letter can carry the event's data (else it carries a JSON notice). */
        public boolean keepsPayload() {
            return keepsPayload;
        }
    }

    private final Reason reason;

    public Undeliverable(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** {@code reason: message}, the text of the dead letter's {@code error} property. */
    public String describe() {
        return reason.label() + ": " + getMessage();
    }
}
