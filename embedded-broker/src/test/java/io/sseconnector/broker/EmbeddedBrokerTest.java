package io.sseconnector.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker as the bridge and the demo use it: real clients over loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedBrokerTest {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Mqtt5BlockingClient mqtt5(EmbeddedBroker broker, String id) {
        Mqtt5BlockingClient client = MqttClient.builder()
                .useMqttVersion5()
                .identifier(id)
                .serverHost(broker.host())
                .serverPort(broker.port())
                .buildBlocking();
        client.connect();
        return client;
    }

    @Test
    void deliversAnMqtt5PublishWithItsPropertiesAndFreesThePortWhenClosed() throws Exception {
        int port = freePort();
        EmbeddedBroker broker = EmbeddedBroker.start(BrokerSettings.of(dir).withPort(port, false));
        try {
            assertThat(broker.port()).isEqualTo(port);
            assertThat(broker.onRequestedPort()).isTrue();
            assertThat(broker.uri()).hasToString("tcp://127.0.0.1:" + port);
            assertThat(broker.description()).contains("HiveMQ").contains("MQTT 3.1.1 and 5");

            Mqtt5BlockingClient subscriber = mqtt5(broker, "subscriber");
            BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
            subscriber
                    .toAsync()
                    .subscribeWith()
                    .topicFilter("events/#")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .callback(received::add)
                    .send()
                    .get(10, TimeUnit.SECONDS);
            Mqtt5BlockingClient publisher = mqtt5(broker, "publisher");
            Mqtt5PublishResult result = publisher
                    .publishWith()
                    .topic("events/analytics-camera-01/heartbeat")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"type\":\"HEARTBEAT\"}".getBytes(StandardCharsets.UTF_8))
                    .contentType("application/json")
                    .userProperties()
                    .add("sse-event", "HEARTBEAT")
                    .add("sse-id", "17")
                    .applyUserProperties()
                    .send();
            assertThat(result.getError()).isEmpty();

            Mqtt5Publish message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("the subscriber got the publish").isNotNull();
            assertThat(message.getTopic()).hasToString("events/analytics-camera-01/heartbeat");
            assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"type\":\"HEARTBEAT\"}");
            assertThat(message.getContentType())
                    .hasValueSatisfying(type -> assertThat(type).hasToString("application/json"));
            assertThat(message.getUserProperties().asList().stream()
                            .collect(Collectors.toMap(
                                    p -> p.getName().toString(),
                                    p -> p.getValue().toString())))
                    .isEqualTo(Map.of("sse-event", "HEARTBEAT", "sse-id", "17"));

            // MQTT 3.1.1 clients are served too
            Mqtt3BlockingClient old = MqttClient.builder()
                    .useMqttVersion3()
                    .identifier("mqtt3")
                    .serverHost(broker.host())
                    .serverPort(broker.port())
                    .buildBlocking();
            old.connect();
            old.publishWith()
                    .topic("events/v3")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(new byte[] {1})
                    .send();
            Mqtt5Publish fromV3 = received.poll(10, TimeUnit.SECONDS);
            assertThat(fromV3).isNotNull();
            assertThat(fromV3.getTopic()).hasToString("events/v3");
            old.disconnect();
            publisher.disconnect();
            subscriber.disconnect();
        } finally {
            broker.close();
        }
        broker.close(); // idempotent
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 2_000))
                .isInstanceOf(ConnectException.class);
        assertThat(Files.readString(dir.resolve("conf/config.xml")))
                .contains("<anonymous-usage-statistics>\n    <enabled>false</enabled>")
                .contains("<mode>in-memory</mode>");
    }

    @Test
    void listensOnAFreePortWhenTheRequestedOneIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            EmbeddedBroker broker = EmbeddedBroker.start(BrokerSettings.of(dir).withPort(taken.getLocalPort(), true));
            try {
                assertThat(broker.port()).isNotEqualTo(taken.getLocalPort());
                assertThat(broker.onRequestedPort()).isFalse();
                Mqtt5BlockingClient client = mqtt5(broker, "fallback");
                assertThat(client.getState().isConnected()).isTrue();
                client.disconnect();
            } finally {
                broker.close();
            }
        }
    }

    @Test
    void refusesATakenPortWithoutFallbackNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedBroker.start(BrokerSettings.of(dir).withPort(port, false)))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("127.0.0.1:" + port + " is in use");
        }
    }
}
