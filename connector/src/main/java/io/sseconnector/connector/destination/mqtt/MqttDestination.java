package io.sseconnector.connector.destination.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.RoutedEvent;
import io.sseconnector.connector.destination.TopicTemplate;
import io.sseconnector.connector.destination.Undeliverable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes each event's data, unchanged, to a topic; with MQTT 5 also the content type and the
 * user properties {@code sse-event}, {@code sse-id} (when set), {@code device} and {@code asset}
 * (and {@code error} on a dead letter). A send that a retry cannot fix (an invalid topic, a message
 * larger than the broker takes, a refusal by reason code) fails with {@link Undeliverable}.
 */
public final class MqttDestination implements Destination {
    private static final int MAX_CACHED_TOPICS = 1024;
    static final int MAX_PROPERTY_CHARS = 512;

    private final MqttConnection connection;
    private final TopicTemplate topic;
    private final MqttQos qos;
    private final boolean retain;
    private final Duration ttl;
    /** Filled topics by "device\0asset\0type": a handful per destination. */
    private final Map<String, String> topics = new ConcurrentHashMap<>();

    /** @param ttl message expiry (MQTT 5), or {@code null} for none */
    public MqttDestination(MqttConnection connection, TopicTemplate topic, int qos, boolean retain, Duration ttl) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
        }
        this.connection = connection;
        this.topic = topic;
        this.qos = MqttQos.fromCode(qos);
        this.retain = retain;
        this.ttl = ttl;
    }

    @Override
    public String describe() {
        return "mqtt " + topic.template() + " qos" + qos.getCode() + (retain ? " retain" : "");
    }

    @Override
    public boolean isReady() {
        return connection.isConnected();
    }

    @Override
    public CompletableFuture<Void> send(RoutedEvent event) {
        String type = event.event().type();
        String resolved = topic.isConstant() ? topic.template() : topicFor(event.device(), event.asset(), type);
        if (!topic.isConstant()) {
            String problem = PublishFailures.topicProblem(resolved);
            if (problem != null) {
                return CompletableFuture.failedFuture(new Undeliverable(Undeliverable.Reason.INVALID_TOPIC, problem));
            }
        }
        return connection.publish(resolved, event.payload(), qos, retain, ttl, event.contentType(), properties(event));
    }

    private String topicFor(String device, String asset, String type) {
        String key = device + '\0' + asset + '\0' + type;
        String cached = topics.get(key);
        if (cached != null) {
            return cached;
        }
        String filled = topic.fill(device, asset, type);
        if (topics.size() < MAX_CACHED_TOPICS) { // a source inventing types must not grow the cache
            topics.put(key, filled);
        }
        return filled;
    }

    private static Map<String, String> properties(RoutedEvent event) {
        Map<String, String> properties = new LinkedHashMap<>(8);
        properties.put("sse-event", bounded(event.event().type()));
        if (!event.event().lastEventId().isEmpty()) {
            properties.put("sse-id", bounded(event.event().lastEventId()));
        }
        properties.put("device", event.device());
        if (event.asset() != null) {
            properties.put("asset", event.asset());
        }
        if (event.error() != null) {
            properties.put("error", bounded(event.error()));
        }
        return properties;
    }

    /**
     * A property value cut to {@value #MAX_PROPERTY_CHARS} characters: a source sending a 70 KB event
     * type must not make its dead letter fail too (MQTT caps a property at 65,535 bytes).
     */
    private static String bounded(String value) {
        return value.length() <= MAX_PROPERTY_CHARS ? value : value.substring(0, MAX_PROPERTY_CHARS) + "…";
    }
}
