package io.sseconnector.connector.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A real MQTT 5 subscriber for tests: subscribes to a filter (at QoS 1 unless told) and records every message.
 * With a persistent session it also gets what was published while it was away (broker restarts).
 */
public final class MqttRecorder implements AutoCloseable {
    /** One received message, decoded for assertions. */
    public record Message(
            String topic, byte[] payload, String contentType, Map<String, String> userProperties, boolean retain) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Mqtt5AsyncClient client;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

    private MqttRecorder(Mqtt5AsyncClient client) {
        this.client = client;
    }

    /** Subscribes with a clean session. */
    public static MqttRecorder subscribe(String host, int port, String filter) throws Exception {
        return subscribe(host, port, filter, false);
    }

    /** Subscribes; {@code persistent} keeps the session (and queued messages) across broker restarts. */
    public static MqttRecorder subscribe(String host, int port, String filter, boolean persistent) throws Exception {
        return subscribe(host, port, filter, persistent, 1, UnaryOperator.identity());
    }

    /** Subscribes at {@code qos} (1 or 2); {@code persistent} as above. */
    public static MqttRecorder subscribe(String host, int port, String filter, boolean persistent, int qos)
            throws Exception {
        return subscribe(host, port, filter, persistent, qos, UnaryOperator.identity());
    }

    /** Subscribes with a clean session through a client that {@code setup} adds to (TLS, credentials). */
    public static MqttRecorder subscribe(String host, int port, String filter, UnaryOperator<Mqtt5ClientBuilder> setup)
            throws Exception {
        return subscribe(host, port, filter, false, 1, setup);
    }

    private static MqttRecorder subscribe(
            String host, int port, String filter, boolean persistent, int qos, UnaryOperator<Mqtt5ClientBuilder> setup)
            throws Exception {
        Mqtt5AsyncClient client = setup.apply(MqttClient.builder()
                        .useMqttVersion5()
                        .identifier("test-recorder-" + UUID.randomUUID())
                        .serverHost(host)
                        .serverPort(port)
                        .automaticReconnect()
                        .initialDelay(100, TimeUnit.MILLISECONDS)
                        .maxDelay(1, TimeUnit.SECONDS)
                        .applyAutomaticReconnect())
                .buildAsync();
        MqttRecorder recorder = new MqttRecorder(client);
        client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, recorder::record);
        client.connectWith()
                .cleanStart(!persistent)
                .sessionExpiryInterval(persistent ? 3600 : 0)
                .send()
                .get(10, TimeUnit.SECONDS);
        client.subscribeWith()
                .topicFilter(filter)
                .qos(MqttQos.fromCode(qos))
                .send()
                .get(10, TimeUnit.SECONDS);
        return recorder;
    }

    private void record(Mqtt5Publish publish) {
        messages.add(new Message(
                publish.getTopic().toString(),
                publish.getPayloadAsBytes(),
                publish.getContentType().map(Object::toString).orElse(null),
                publish.getUserProperties().asList().stream()
                        .collect(Collectors.toMap(
                                p -> p.getName().toString(), p -> p.getValue().toString(), (a, b) -> b)),
                publish.isRetain()));
    }

    /** Waits for {@code count} messages in total (already taken ones excluded); fails after the timeout. */
    public List<Message> take(int count, Duration timeout) throws InterruptedException {
        List<Message> taken = new ArrayList<>(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (taken.size() < count) {
            Message next = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("got " + taken.size() + " of " + count + " MQTT messages within " + timeout
                        + "; topics so far: "
                        + taken.stream().map(Message::topic).toList());
            }
            taken.add(next);
        }
        return taken;
    }

    /** Collects messages until {@code done} holds or the timeout passes, and returns them all. */
    public List<Message> takeUntil(java.util.function.Predicate<List<Message>> done, Duration timeout)
            throws InterruptedException {
        List<Message> taken = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(taken)) {
            Message next = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                return taken;
            }
            taken.add(next);
        }
        return taken;
    }

    /** Messages that arrived and were not taken yet, without waiting. */
    public List<Message> drain() {
        List<Message> rest = new ArrayList<>();
        messages.drainTo(rest);
        return rest;
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the broker may already be gone
        }
    }
}
