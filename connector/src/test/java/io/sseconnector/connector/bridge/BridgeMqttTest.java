package io.sseconnector.connector.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.client.SseClientConfig;
import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import io.sseconnector.connector.config.BufferConfig;
import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.TopicTemplate;
import io.sseconnector.connector.destination.mqtt.MqttConnection;
import io.sseconnector.connector.destination.mqtt.MqttDestination;
import io.sseconnector.connector.destination.mqtt.MqttSettings;
import io.sseconnector.connector.offset.OffsetStore;
import io.sseconnector.connector.route.AssetRoutes;
import io.sseconnector.connector.route.PayloadGate;
import io.sseconnector.connector.route.Router;
import io.sseconnector.connector.schema.InferredSchemas;
import io.sseconnector.connector.schema.PayloadValidator;
import io.sseconnector.connector.schema.ValidationMode;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.connector.testing.MqttRecorder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bridge end to end: a loopback SSE source, the bridge, the machine's Mosquitto, a real
 * subscriber. What reaches the broker and how; the broker faults are {@link BridgeBrokerFaultsTest}.
 */
class BridgeMqttTest {
    private static final String[] TYPES = {"HEARTBEAT", "ALERT", "ALERT_DLQC", "ANALYTICS_ENABLED", "ANALYTICS_DISABLED"
    };
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path state;

    private final String prefix = "test/" + UUID.randomUUID();
    private final List<AutoCloseable> closeLater = new ArrayList<>();
    private ScriptedSseServer source;

    @BeforeEach
    void startSource() throws Exception {
        source = ScriptedSseServer.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
        source.close();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeLater.add(resource);
        return resource;
    }

    private MqttConnection mqtt(int port) {
        return new MqttConnection(
                MqttSettings.of(URI.create("tcp://127.0.0.1:" + port), "bridge-" + UUID.randomUUID()));
    }

    /** The seed's five routes: one topic per type, under this test's prefix. */
    private Router cameraRoutes(MqttConnection mqtt, int qos, Destination unmatched) {
        return cameraRoutes(mqtt, qos, unmatched, new BridgeStats());
    }

    private Router cameraRoutes(MqttConnection mqtt, int qos, Destination unmatched, BridgeStats stats) {
        List<AssetRoutes.EventRoute> events = new ArrayList<>();
        for (String type : TYPES) {
            String topic = prefix + "/{device}/" + type.toLowerCase().replace('_', '-');
            events.add(new AssetRoutes.EventRoute(
                    type, type, List.of(new MqttDestination(mqtt, new TopicTemplate(topic), qos, false, null))));
        }
        return new Router(
                "analytics-camera-01",
                List.of(new AssetRoutes("camera-asset", events, List.of())),
                unmatched,
                null,
                stats);
    }

    private Bridge bridge(Router router, OffsetStore offsets, BridgeStats stats, MqttConnection mqtt) {
        SseClientConfig client = SseClientConfig.of(source.url("/camera-events"))
                .withBackoff(SseClientConfig.Backoff.DEFAULTS.withInitialDelay(Duration.ofMillis(20)));
        Bridge.DevicePlan plan =
                new Bridge.DevicePlan("analytics-camera-01", client, router, BufferConfig.DEFAULTS, 1_000);
        return new Bridge(
                List.of(plan),
                mqtt,
                offsets,
                stats,
                new InferredSchemas(),
                new Bridge.Timings(Duration.ofMillis(50), Duration.ofMinutes(10), Duration.ofSeconds(5)));
    }

    private static String event(String type, long id, String data) {
        return "event: " + type + "\nid: " + id + "\ndata: " + data + "\n\n";
    }

    @Test
    void eachTypeGoesToItsTopicWithTheDataUnchangedAndMqtt5Properties() throws Exception {
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", 1883, prefix + "/#"));
        StringBuilder stream = new StringBuilder(": hello\n\n");
        for (int i = 0; i < TYPES.length; i++) {
            stream.append(event(TYPES[i], 100 + i, "{\"type\":\"" + TYPES[i] + "\",\"n\":" + i + ",\"é\":\"ü\"}"));
        }
        source.enqueue(ScriptedResponse.sse().chunk(stream.toString()).thenHang());
        MqttConnection mqtt = mqtt(1883);
        closing(bridge(cameraRoutes(mqtt, 1, null), new OffsetStore(state), new BridgeStats(), mqtt))
                .start();

        List<MqttRecorder.Message> messages = recorder.take(5, WAIT);
        for (int i = 0; i < TYPES.length; i++) {
            MqttRecorder.Message m = messages.get(i);
            assertThat(m.topic())
                    .isEqualTo(prefix + "/analytics-camera-01/"
                            + TYPES[i].toLowerCase().replace('_', '-'));
            assertThat(m.payload())
                    .isEqualTo(("{\"type\":\"" + TYPES[i] + "\",\"n\":" + i + ",\"é\":\"ü\"}")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(m.contentType()).isEqualTo("application/json");
            assertThat(m.userProperties())
                    .containsEntry("sse-event", TYPES[i])
                    .containsEntry("sse-id", String.valueOf(100 + i))
                    .containsEntry("device", "analytics-camera-01")
                    .containsEntry("asset", "camera-asset");
        }
    }

    @Test
    void textPayloadIsSentAsTextAndUnmatchedTypesGoToTheErrorsTopic() throws Exception {
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", 1883, prefix + "/#"));
        source.enqueue(ScriptedResponse.sse()
                .chunk(event("HEARTBEAT", 1, "not json, just text") + event("SURPRISE", 2, "{\"x\":1}"))
                .thenHang());
        MqttConnection mqtt = mqtt(1883);
        Destination errors =
                new MqttDestination(mqtt, new TopicTemplate(prefix + "/errors/{device}/{event}"), 1, false, null);
        BridgeStats stats = new BridgeStats();
        closing(bridge(cameraRoutes(mqtt, 1, errors), new OffsetStore(state), stats, mqtt))
                .start();

        List<MqttRecorder.Message> messages = recorder.take(2, WAIT);
        assertThat(messages.get(0).topic()).endsWith("/heartbeat");
        assertThat(messages.get(0).contentType()).isEqualTo("text/plain");
        assertThat(messages.get(0).text()).isEqualTo("not json, just text");
        assertThat(messages.get(1).topic()).isEqualTo(prefix + "/errors/analytics-camera-01/SURPRISE");
        assertThat(messages.get(1).userProperties()).doesNotContainKey("asset").containsEntry("sse-event", "SURPRISE");
    }

    @Test
    void unmatchedEventsAreDroppedAndCountedWhenNoErrorsTopicIsSet() throws Exception {
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", 1883, prefix + "/#"));
        source.enqueue(ScriptedResponse.sse()
                .chunk(event("SURPRISE", 1, "x") + event("ALERT", 2, "{}") + event("OTHER", 3, "y"))
                .thenHang());
        MqttConnection mqtt = mqtt(1883);
        BridgeStats stats = new BridgeStats();
        OffsetStore offsets = new OffsetStore(state);
        closing(bridge(cameraRoutes(mqtt, 1, null, stats), offsets, stats, mqtt))
                .start();

        assertThat(recorder.take(1, WAIT).get(0).topic()).endsWith("/alert");
        await().atMost(WAIT).until(() -> "3".equals(offsets.lastDelivered("analytics-camera-01")));
        assertThat(stats.snapshot().unmatchedDropped()).isEqualTo(2);
        assertThat(stats.snapshot().received()).isEqualTo(3);
        assertThat(recorder.drain()).isEmpty();
    }

    @Test
    void enforcedSchemaSendsInvalidPayloadsToTheDeadLetterTopicWithTheReason() throws Exception {
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", 1883, prefix + "/#"));
        source.enqueue(ScriptedResponse.sse()
                .chunk(event("ALERT", 1, "{\"event_id\":1001}")
                        + event("ALERT", 2, "{\"event_id\":\"oops\"}")
                        + event("ALERT", 3, "not json"))
                .thenHang());
        MqttConnection mqtt = mqtt(1883);
        var schema = JsonMapper.builder()
                .build()
                .readTree("{\"type\":\"object\",\"required\":[\"event_id\"],"
                        + "\"properties\":{\"event_id\":{\"type\":\"integer\"}}}");
        PayloadGate gate = new PayloadGate(PayloadValidator.of(schema, ValidationMode.ENFORCE));
        Destination deadLetter = new MqttDestination(mqtt, new TopicTemplate(prefix + "/dead-letter"), 1, false, null);
        Destination alerts = new MqttDestination(mqtt, new TopicTemplate(prefix + "/alerts"), 1, false, null);
        BridgeStats stats = new BridgeStats();
        Router router = new Router(
                "analytics-camera-01",
                List.of(new AssetRoutes(
                        "camera-asset",
                        List.of(new AssetRoutes.EventRoute("ALERT", "ALERT", List.of(alerts), gate, deadLetter)),
                        List.of())),
                null,
                null,
                stats);
        closing(bridge(router, new OffsetStore(state), stats, mqtt)).start();

        List<MqttRecorder.Message> messages = recorder.take(3, WAIT);
        assertThat(messages.get(0).topic()).isEqualTo(prefix + "/alerts");
        assertThat(messages.get(1).topic()).isEqualTo(prefix + "/dead-letter");
        assertThat(messages.get(1).text()).isEqualTo("{\"event_id\":\"oops\"}");
        assertThat(messages.get(1).userProperties()).containsKey("error").containsEntry("sse-id", "2");
        assertThat(messages.get(1).userProperties().get("error")).contains("event_id");
        assertThat(messages.get(2).topic()).isEqualTo(prefix + "/dead-letter");
        assertThat(messages.get(2).userProperties()).containsEntry("error", "schema: not JSON");
        assertThat(stats.snapshot().deadLettered()).isEqualTo(2);
    }

    @Test
    void deliveredOffsetIsPersistedAndARestartedBridgeResumesFromIt() throws Exception {
        MqttRecorder recorder = closing(MqttRecorder.subscribe("127.0.0.1", 1883, prefix + "/#"));
        source.enqueue(ScriptedResponse.sse()
                .chunk(event("ALERT", 41, "{\"a\":1}") + event("ALERT", 42, "{\"a\":2}"))
                .thenHang());
        MqttConnection mqtt = mqtt(1883);
        Bridge first = bridge(cameraRoutes(mqtt, 1, null), new OffsetStore(state), new BridgeStats(), mqtt);
        first.start();
        recorder.take(2, WAIT);
        first.close();
        assertThat(Files.readString(state.resolve("offsets.json"))).isEqualTo("{\"analytics-camera-01\":\"42\"}");

        source.enqueue(
                ScriptedResponse.sse().chunk(event("ALERT", 43, "{\"a\":3}")).thenHang());
        MqttConnection mqtt2 = mqtt(1883);
        closing(bridge(cameraRoutes(mqtt2, 1, null), new OffsetStore(state), new BridgeStats(), mqtt2))
                .start();
        assertThat(recorder.take(1, WAIT).get(0).userProperties()).containsEntry("sse-id", "43");
        source.takeRequest();
        assertThat(source.takeRequest().header("Last-Event-ID")).isEqualTo("42");
    }
}
