package io.sseconnector.connector.destination.mqtt;

import com.hivemq.client.mqtt.exceptions.MqttEncodeException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.message.Mqtt5ReasonCode;
import io.sseconnector.connector.destination.Undeliverable;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;

/**
 * Sorts the failures of a publish into those a retry cannot fix ({@link Undeliverable}) and passing
 * ones (a lost connection), and checks a filled topic before it is published.
 */
final class PublishFailures {
    /** MQTT 5 PUBACK/PUBREC "quota exceeded": the broker is busy, a retry later can succeed. */
    private static final int QUOTA_EXCEEDED = 0x97;
    /** MQTT 5 "server busy". */
    private static final int SERVER_BUSY = 0x89;

    private static final int MAX_TOPIC_BYTES = 65_535;

    private PublishFailures() {}

    /** The failure as {@link Undeliverable} when a retry cannot fix it, else unchanged. */
    static Throwable classify(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof Undeliverable) {
            return cause;
        }
        if (cause instanceof Mqtt5PubAckException ack) {
            return refused("PUBACK", ack.getMqttMessage().getReasonCode(), cause);
        }
        if (cause instanceof Mqtt5PubRecException rec) {
            return refused("PUBREC", rec.getMqttMessage().getReasonCode(), cause);
        }
        if (cause instanceof MqttEncodeException) {
            // The client refuses to encode what the broker said it would not take (its maximum packet size).
            return new Undeliverable(Undeliverable.Reason.TOO_LARGE, cause.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            // The client's builders reject what MQTT cannot carry, e.g. NUL in a user property.
            return new Undeliverable(Undeliverable.Reason.INVALID_MESSAGE, shorten(cause.getMessage()));
        }
        return cause;
    }

    private static Throwable refused(String packet, Mqtt5ReasonCode code, Throwable cause) {
        int value = code.getCode();
        if (value < 0x80 || value == QUOTA_EXCEEDED || value == SERVER_BUSY) {
            return cause;
        }
        return new Undeliverable(
                Undeliverable.Reason.REJECTED,
                "broker answered " + packet + " " + code + " (0x" + Integer.toHexString(value) + ")");
    }

    /** Why {@code topic} cannot be published to, or {@code null} when it can. */
    static String topicProblem(String topic) {
        if (topic.isEmpty()) {
            return "topic is empty";
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '+' || c == '#') {
                return "topic '" + shorten(topic) + "' holds the wildcard " + c;
            }
            if (c == '\0') {
                return "topic '" + shorten(topic) + "' holds a NUL character";
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        && i + 1 < topic.length()
                        && Character.isLowSurrogate(topic.charAt(i + 1));
                if (!paired) {
                    return "topic '" + shorten(topic) + "' is not valid UTF-8 (a lone surrogate)";
                }
                i++;
            }
        }
        if (topic.length() > MAX_TOPIC_BYTES / 3 && topic.getBytes(StandardCharsets.UTF_8).length > MAX_TOPIC_BYTES) {
            return "topic is longer than 65,535 bytes ('" + shorten(topic) + "')";
        }
        return null;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
