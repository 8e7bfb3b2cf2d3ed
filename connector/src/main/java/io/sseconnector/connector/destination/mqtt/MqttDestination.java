package io.sseconnector.connector.destination.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.RoutedEvent;
import io.sseconnector.connector.destination.TopicTemplate;
import io.sseconnector.connector.destination.Undeliverable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes each event's data, unchanged, to a topic; with MQTT 5 also the content type and the
 * user properties {@code sse-event}, {@code sse-id} (when set), {@code device} and {@code asset}
 * (and {@code error} on a dead letter). A send that a retry cannot fix (an invalid topic, a message
 * larger than the broker takes, a refusal by reason code) fails with {@link Undeliverable}.
 */
public final class MqttDestination implements Destination {
    private static final int MAX_CACHED_SHAPES = 1024;
    static final int MAX_PROPERTY_CHARS = 512;

    private final MqttConnection connection;
    private final TopicTemplate topic;
    private final MqttQos qos;
    private final boolean retain;
    private final Duration ttl;
    /** Shapes by "device\0asset\0type": a handful per destination. */
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    /** The shape used last: a destination mostly sees one device, asset and type in a row. */
    private volatile Shape last;

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
        Shape shape = shape(event.device(), event.asset(), event.event().type());
        if (shape.problem != null) {
            // an Undeliverable has no stack trace and no mutable state: one serves every send
            return CompletableFuture.failedFuture(shape.problem);
        }
        Mqtt5UserProperties properties = null;
        if (connection.settings().version() == 5) {
            if (shape.propertiesProblem != null) {
                return CompletableFuture.failedFuture(shape.propertiesProblem);
            }
            try {
                properties = shape.properties(event.event().lastEventId(), event.error());
            } catch (IllegalArgumentException e) { // say a NUL in the id: MQTT cannot carry it
                return CompletableFuture.failedFuture(PublishFailures.classify(e));
            }
        }
        return connection.publish(shape.topic, event.payload(), qos, retain, ttl, event.json(), properties);
    }

    /** The shape of (device, asset, type): the last one used, else from the cache, else built. */
    private Shape shape(String device, String asset, String type) {
        Shape last = this.last;
        if (last != null && last.isFor(device, asset, type)) {
            return last;
        }
        String key = device + '\0' + asset + '\0' + type;
        Shape shape = shapes.get(key);
        if (shape == null) {
            shape = new Shape(device, asset, type, topic);
            if (shapes.size() < MAX_CACHED_SHAPES) { // a source inventing types must not grow the cache
                shapes.put(key, shape);
            }
        }
        this.last = shape;
        return shape;
    }

    /**
     * What every message of one (device, asset, event type) has in common, checked and encoded once
     * instead of per message: the filled topic and the user properties but {@code sse-id} (and
     * {@code error}). When MQTT cannot carry the topic, {@code problem} says why and every send fails
     * with it; when it cannot carry the properties, {@code propertiesProblem}, and only MQTT 5 sends fail.
     */
    private static final class Shape {
        private static final MqttUtf8String SSE_ID = MqttUtf8String.of("sse-id");
        private static final MqttUtf8String ERROR = MqttUtf8String.of("error");

        final String device;
        final String asset;
        final String type;
        final MqttTopic topic;
        final Throwable problem;
        final Throwable propertiesProblem;
        private final Mqtt5UserProperty eventProperty;
        private final Mqtt5UserProperty deviceProperty;
        private final Mqtt5UserProperty assetProperty;

        Shape(String device, String asset, String type, TopicTemplate template) {
            this.device = device;
            this.asset = asset;
            this.type = type;
            MqttTopic filled = null;
            Mqtt5UserProperty eventProperty = null;
            Mqtt5UserProperty deviceProperty = null;
            Mqtt5UserProperty assetProperty = null;
            Throwable problem = null;
            Throwable propertiesProblem = null;
            String resolved = template.isConstant() ? template.template() : template.fill(device, asset, type);
            String topicProblem = template.isConstant() ? null : PublishFailures.topicProblem(resolved);
            if (topicProblem != null) {
                problem = new Undeliverable(Undeliverable.Reason.INVALID_TOPIC, topicProblem);
            } else {
                try {
                    filled = MqttTopic.of(resolved);
                } catch (IllegalArgumentException e) {
                    problem = PublishFailures.classify(e);
                }
            }
            try {
                eventProperty = Mqtt5UserProperty.of("sse-event", bounded(type));
                deviceProperty = Mqtt5UserProperty.of("device", device);
                assetProperty = asset == null ? null : Mqtt5UserProperty.of("asset", asset);
            } catch (IllegalArgumentException e) { // say a NUL in the event type
                propertiesProblem = PublishFailures.classify(e);
            }
            this.topic = filled;
            this.problem = problem;
            this.propertiesProblem = propertiesProblem;
            this.eventProperty = eventProperty;
            this.deviceProperty = deviceProperty;
            this.assetProperty = assetProperty;
        }

        boolean isFor(String device, String asset, String type) {
            return this.type.equals(type) && this.device.equals(device) && Objects.equals(this.asset, asset);
        }

        /** {@code sse-event}, {@code sse-id} (when set), {@code device}, {@code asset}, {@code error}: in this order. */
        Mqtt5UserProperties properties(String id, String error) {
            Mqtt5UserProperty[] properties = new Mqtt5UserProperty[5];
            int n = 0;
            properties[n++] = eventProperty;
            if (!id.isEmpty()) {
                properties[n++] = Mqtt5UserProperty.of(SSE_ID, MqttUtf8String.of(bounded(id)));
            }
            properties[n++] = deviceProperty;
            if (assetProperty != null) {
                properties[n++] = assetProperty;
            }
            if (error != null) {
                properties[n++] = Mqtt5UserProperty.of(ERROR, MqttUtf8String.of(bounded(error)));
            }
            return Mqtt5UserProperties.of(Arrays.copyOf(properties, n));
        }
    }

    /**
     * A property value cut to {@value #MAX_PROPERTY_CHARS} characters: a source sending a 70 KB event
     * type must not make its dead letter fail too (MQTT caps a property at 65,535 bytes).
     */
    private static String bounded(String value) {
        return value.length() <= MAX_PROPERTY_CHARS ? value : value.substring(0, MAX_PROPERTY_CHARS) + "…";
    }
}
