package io.sseconnector.benchmarks.bridge;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling: a plain MQTT 5 publisher on the same HiveMQ client as the bridge, sending the same
 * payloads to the same topics at the same QoS with the same content type and user properties, with
 * up to {@code window} publishes unacknowledged (the bridge's per-device window). No SSE, no
 * buffering, no offsets: what the broker and the client library allow on this machine.
 */
final class CeilingPublisher implements AutoCloseable {
    private final Mqtt5AsyncClient client;
    private final int window;
    private final Semaphore permits;
    private final AtomicLong failures = new AtomicLong();

    CeilingPublisher(String host, int port, int window) throws Exception {
        this.window = window;
        this.permits = new Semaphore(window);
        client = MqttClient.builder()
                .useMqttVersion5()
                .identifier("bench-ceiling-" + UUID.randomUUID())
                .serverHost(host)
                .serverPort(port)
                .buildAsync();
        client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
    }

    /** Publishes one event as the bridge would publish it for {@code device}; blocks while the window is full. */
    void publish(String topic, MqttQos qos, CameraMix.Template event, String device, long id)
            throws InterruptedException {
        permits.acquire();
        client.publishWith()
                .topic(topic)
                .qos(qos)
                .payload(event.data())
                .contentType("application/json")
                .userProperties()
                .add("sse-event", event.type())
                .add("sse-id", Long.toString(id))
                .add("device", device)
                .add("asset", BridgeConfigs.asset(device))
                .applyUserProperties()
                .send()
                .whenComplete((result, error) -> {
                    permits.release();
                    if (error != null || result.getError().isPresent()) {
                        failures.incrementAndGet();
                    }
                });
    }

    /** Waits until every publish so far is acknowledged. */
    void awaitAcknowledged(Duration timeout) throws InterruptedException, TimeoutException {
        if (!permits.tryAcquire(window, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("ceiling publisher: acknowledgements missing after " + timeout);
        }
        permits.release(window);
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void close() throws Exception {
        client.disconnect().get(5, TimeUnit.SECONDS);
    }
}
