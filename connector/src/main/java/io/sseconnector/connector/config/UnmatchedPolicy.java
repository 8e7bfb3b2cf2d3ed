package io.sseconnector.connector.config;

import java.util.Objects;

/**
 * What happens to an SSE event that no asset event (and no {@code defaultDestinations}) matches.
 * Never silent: dropped events are counted.
 */
public sealed interface UnmatchedPolicy permits UnmatchedPolicy.Drop, UnmatchedPolicy.Publish {
    /** The default: drop and count ({@code unmatched: drop}). */
    UnmatchedPolicy DEFAULT = Drop.INSTANCE;

    /** The seed's reference connector's behaviour: everything unmatched to one MQTT topic. */
    UnmatchedPolicy SEED = new Publish("akri/sse-connector/errors", 1);

    /** {@code unmatched: drop}. */
    record Drop() implements UnmatchedPolicy {
        public static final Drop INSTANCE = new Drop();
    }

    /**
     * {@code unmatched: { topic: …, qos: … }}: publish to MQTT.
     *
     * @param topic may use {@code {device}} and {@code {event}}
     */
    record Publish(String topic, int qos) implements UnmatchedPolicy {
        public Publish {
            Objects.requireNonNull(topic, "topic");
            if (qos < 0 || qos > 2) {
                throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
            }
        }
    }
}
