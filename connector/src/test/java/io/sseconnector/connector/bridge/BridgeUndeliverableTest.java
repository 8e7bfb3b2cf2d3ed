package io.sseconnector.connector.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import io.sseconnector.connector.config.ConfigLoader;
import io.sseconnector.connector.destination.Undeliverable;
import io.sseconnector.connector.offset.OffsetStore;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.connector.testing.MqttRecorder;
import io.sseconnector.connector.testing.PrivateMosquitto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events a broker can never take do not stall their device (issue 9 §1), against a private
 * Mosquitto that refuses one topic by ACL (PUBACK 0x87) and takes packets of at most 4 KiB: each
 * such event goes to its dead-letter topic (the route's, else the seed's error topic) with the
 * reason in the user property {@code error}, the
 * events after it arrive, and the stored offset moves past it. Values filled into a topic are
 * percent-encoded, so an event type cannot add levels or wildcards.
 */
class BridgeUndeliverableTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path state;

    @TempDir
    Path brokerDir;

    private ScriptedSseServer source;
    private PrivateMosquitto broker;
    private Bridge bridge;

    @BeforeEach
    void start() throws Exception {
        source = ScriptedSseServer.start();
        Path acl = brokerDir.resolve("acl");
        // Anonymous clients may write everywhere except cam/denied, and read everything.
        Files.writeString(
                acl,
                "topic write cam/ok/#\ntopic write cam/dlq\ntopic write akri/sse-connector/errors\ntopic read #\n");
        broker =
                PrivateMosquitto.start(brokerDir, "allow_anonymous true\nacl_file " + acl + "\nmax_packet_size 4096\n");
    }

    @AfterEach
    void stop() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        broker.close();
        source.close();
    }

    private static String event(String type, long id, String data) {
        return "event: " + type + "\nid: " + id + "\ndata: " + data + "\n\n";
    }

    @Test
    void refusedTooLargeAndInvalidTopicEventsAreDeadLetteredAndTheDeviceGoesOn() throws Exception {
        String longType = "T".repeat(70_000); // fills a topic over 65,535 bytes
        source.enqueue(ScriptedResponse.sse()
                .chunk(event("HEARTBEAT", 1, "{\"n\":1}")
                        + event("DENIED", 2, "{\"n\":2}")
                        + event("BIG", 3, "x".repeat(5_000))
                        + event("a/b+c#", 4, "{\"n\":4}")
                        + event(longType, 5, "{\"n\":5}")
                        + event("HEARTBEAT", 6, "{\"n\":6}"))
                .thenHang());
        MqttRecorder recorder = MqttRecorder.subscribe("127.0.0.1", broker.port(), "#");
        bridge = startBridge("", """
                - name: denied
                  eventNotifier: DENIED
                  deadLetterTopic: cam/dlq
                  destinations: [ { target: Mqtt, configuration: { topic: cam/denied, qos: 1 } } ]
                - name: big
                  eventNotifier: BIG
                  deadLetterTopic: cam/dlq
                  destinations: [ { target: Mqtt, configuration: { topic: cam/ok/big, qos: 1 } } ]
                - name: heartbeat
                  eventNotifier: HEARTBEAT
                  destinations: [ { target: Mqtt, configuration: { topic: "cam/ok/{event}", qos: 1 } } ]
                - name: odd
                  eventNotifier: "a/b+c#"
                  destinations: [ { target: Mqtt, configuration: { topic: "cam/ok/{event}", qos: 1 } } ]
                - name: long
                  eventNotifier: "%s"
                  destinations: [ { target: Mqtt, configuration: { topic: "cam/ok/{event}", qos: 1 } } ]
                """, longType);

        try (recorder) {
            await().atMost(WAIT).until(() -> "6".equals(new OffsetStore(state).lastDelivered("cam")));
            List<MqttRecorder.Message> messages = recorder.take(6, WAIT); // ids 1 to 6, one message each
            Map<String, List<String>> idsByTopic = messages.stream()
                    .collect(Collectors.groupingBy(
                            MqttRecorder.Message::topic,
                            Collectors.mapping(m -> m.userProperties().get("sse-id"), Collectors.toList())));
            assertThat(idsByTopic)
                    .containsEntry("cam/ok/HEARTBEAT", List.of("1", "6"))
                    .containsEntry("cam/ok/a%2Fb%2Bc%23", List.of("4"))
                    .containsEntry("akri/sse-connector/errors", List.of("5"))
                    .doesNotContainKeys("cam/denied", "cam/ok/big");
            // A refusal comes back with the PUBACK, a size failure at once: dead letters keep no order.
            assertThat(idsByTopic.get("cam/dlq")).containsExactlyInAnyOrder("2", "3");

            MqttRecorder.Message denied = only(messages, "cam/dlq", "2");
            assertThat(denied.text()).isEqualTo("{\"n\":2}");
            assertThat(denied.userProperties().get("error"))
                    .startsWith("rejected: broker answered PUBACK NOT_AUTHORIZED");
            MqttRecorder.Message big = only(messages, "cam/dlq", "3");
            assertThat(big.userProperties().get("error")).startsWith("too_large: ");
            assertThat(big.contentType()).isEqualTo("application/json");
            assertThat(big.text()).startsWith("{\"device\":\"cam\",\"event\":\"BIG\",\"id\":\"3\",\"size\":5000,");
            MqttRecorder.Message invalid = only(messages, "akri/sse-connector/errors", "5");
            assertThat(invalid.userProperties().get("error")).startsWith("invalid_topic: topic is longer than 65,535");
            assertThat(invalid.text()).isEqualTo("{\"n\":5}");
        }
        BridgeStats.Snapshot stats = bridge.stats().snapshot();
        assertThat(stats.errors()).isEqualTo(3);
        assertThat(stats.errorsByReason())
                .containsEntry(Undeliverable.Reason.REJECTED, 1L)
                .containsEntry(Undeliverable.Reason.TOO_LARGE, 1L)
                .containsEntry(Undeliverable.Reason.INVALID_TOPIC, 1L);
        assertThat(stats.deadLettered()).isEqualTo(3);
        assertThat(stats.delivered()).isEqualTo(6);
        assertThat(bridge.report())
                .contains("Errors: 3 (invalid_topic 1, too_large 1, rejected 1; 3 sent to a dead-letter route)");
    }

    @Test
    void anEventOverMaxEventSizeBecomesADeadLetterNoticeAndTheStreamGoesOnWithoutReconnecting() throws Exception {
        // A device that replays from Last-Event-ID would send the 5 MiB event again on every reconnect.
        source.setDispatcher(request -> {
            String after = request.header("Last-Event-ID");
            int from = after == null ? 1 : Integer.parseInt(after) + 1;
            StringBuilder body = new StringBuilder();
            for (int id = from; id <= 10; id++) {
                body.append(event("HEARTBEAT", id, id == 2 ? "x".repeat(5 << 20) : "{\"n\":" + id + "}"));
            }
            return ScriptedResponse.sse().chunk(body.toString()).thenHang();
        });
        MqttRecorder recorder = MqttRecorder.subscribe("127.0.0.1", broker.port(), "#");
        bridge = startBridge(", maxEventSize: 1MiB", """
                - name: heartbeat
                  eventNotifier: HEARTBEAT
                  deadLetterTopic: cam/dlq
                  destinations: [ { target: Mqtt, configuration: { topic: "cam/ok/{event}", qos: 1 } } ]
                """);

        try (recorder) {
            await().atMost(WAIT).until(() -> "10".equals(new OffsetStore(state).lastDelivered("cam")));
            List<MqttRecorder.Message> messages = recorder.take(10, WAIT);
            assertThat(messages)
                    .extracting(m -> m.topic() + " " + m.userProperties().get("sse-id"))
                    .containsExactly(
                            "cam/ok/HEARTBEAT 1",
                            "cam/dlq 2",
                            "cam/ok/HEARTBEAT 3",
                            "cam/ok/HEARTBEAT 4",
                            "cam/ok/HEARTBEAT 5",
                            "cam/ok/HEARTBEAT 6",
                            "cam/ok/HEARTBEAT 7",
                            "cam/ok/HEARTBEAT 8",
                            "cam/ok/HEARTBEAT 9",
                            "cam/ok/HEARTBEAT 10");
            MqttRecorder.Message notice = messages.get(1);
            assertThat(notice.userProperties().get("error"))
                    .isEqualTo("oversized_event: 5242881 bytes of data, over maxLineLength; the data was not kept");
            assertThat(notice.text())
                    .startsWith("{\"device\":\"cam\",\"event\":\"HEARTBEAT\",\"id\":\"2\",\"size\":5242881,");
            assertThat(recorder.drain()).as("each event once").isEmpty();
        }
        assertThat(source.requestCount()).as("no reconnect").isEqualTo(1);
        assertThat(bridge.stats().snapshot().errorsByReason()).containsEntry(Undeliverable.Reason.OVERSIZED_EVENT, 1L);
    }

    /**
     * Starts a bridge from device {@code cam} (with {@code deviceSettings} added to its entry) to the
     * private broker, with these asset events ({@code %s} filled from {@code args}).
     */
    private Bridge startBridge(String deviceSettings, String events, Object... args) {
        String yaml = """
                mqtt: { url: "tcp://127.0.0.1:%d", version: 5, clientId: bridge-%s }
                state: { dir: "%s", flushInterval: 50ms }
                devices:
                  - { name: cam, endpoint: "%s"%s }
                assets:
                  - name: cam-asset
                    device: cam
                    events:
                """.formatted(
                        broker.port(), UUID.randomUUID(), state.toAbsolutePath(), source.url("/events"), deviceSettings)
                + events.formatted(args).indent(6);
        Bridge started = BridgeFactory.create(ConfigLoader.system().parse(yaml).orThrow());
        started.start();
        return started;
    }

    private static MqttRecorder.Message only(List<MqttRecorder.Message> messages, String topic, String id) {
        List<MqttRecorder.Message> found = messages.stream()
                .filter(m ->
                        m.topic().equals(topic) && id.equals(m.userProperties().get("sse-id")))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
