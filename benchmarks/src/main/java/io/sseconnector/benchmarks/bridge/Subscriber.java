package io.sseconnector.benchmarks.bridge;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperty;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The harness's MQTT 5 subscriber: one connection, one subscription at QoS 1 to everything under the
 * run's topic prefix, and every message handed to the current {@link Tally} by its {@code device}
 * and {@code sse-id} user properties (DESIGN §2, the MQTT message contract), with its receive time
 * taken first thing in the callback. Both the bridge and the ceiling publisher set those properties,
 * so one subscriber judges both the same way.
 */
final class Subscriber implements AutoCloseable {
    private final Mqtt5AsyncClient client;
    private final AtomicLong outsideWindows = new AtomicLong();
    private volatile Tally tally;
    private final int receiveMaximum;

    Subscriber(String host, int port, String topicFilter) throws Exception {
        client = MqttClient.builder()
                .useMqttVersion5()
                .identifier("bench-subscriber-" + UUID.randomUUID())
                .serverHost(host)
                .serverPort(port)
                .buildAsync();
        receiveMaximum = client.connectWith()
                .cleanStart(true)
                .send()
                .get(10, TimeUnit.SECONDS)
                .getRestrictions()
                .getReceiveMaximum();
        client.subscribeWith()
                .topicFilter(topicFilter)
                .qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::onMessage)
                .send()
                .get(10, TimeUnit.SECONDS);
    }

    /**
     * The receive maximum the broker granted in its CONNACK: how many QoS 1 publishes of one client
     * it takes unacknowledged, so what bounds the in-flight publishes of the bridge and the ceiling.
     */
    int receiveMaximum() {
        return receiveMaximum;
    }

    /** Messages from now on go to {@code value} ({@code null}: counted as outside any window). */
    void tally(Tally value) {
        tally = value;
    }

    /** Messages that arrived while no window was open. */
    long outsideWindows() {
        return outsideWindows.get();
    }

    private void onMessage(Mqtt5Publish publish) {
        long now = System.nanoTime();
        Tally current = tally;
        if (current == null) {
            outsideWindows.incrementAndGet();
            return;
        }
        String device = null;
        long id = -1;
        for (Mqtt5UserProperty property : publish.getUserProperties().asList()) {
            String name = property.getName().toString();
            if (name.equals("device")) {
                device = property.getValue().toString();
            } else if (name.equals("sse-id")) {
                id = parseId(property.getValue().toString());
            }
        }
        current.record(device, id, now);
    }

    /** The harness's ids are numbers; anything else is not one of its events ({@code -1}). */
    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(5, TimeUnit.SECONDS);
    }
}
