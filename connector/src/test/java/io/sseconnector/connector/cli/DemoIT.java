package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.connector.testing.MqttRecorder;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/sse-connector demo} as a user runs it: a real process with its embedded broker, a real
 * MQTT 5 subscriber on the address it prints, its admin endpoints, and SIGTERM.
 */
class DemoIT {
    private static final Pattern BROKER = Pattern.compile("MQTT broker\\s+tcp://([0-9.]+):(\\d+)");
    private static final Pattern STATE = Pattern.compile("state\\s+(\\S+) \\(removed at exit\\)");
    private static final Pattern ADMIN = Pattern.compile("admin\\s+(http://[0-9.]+:\\d+)/health");

    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void deliversTheFiveEventTypesToTheirTopicsIsReadyAndStopsCleanlyOnSigterm() throws Exception {
        int adminPort = freePort();
        try (ScriptProcess demo = ScriptProcess.start(
                dir,
                "demo",
                "demo",
                "--port",
                String.valueOf(adminPort),
                "--simulator-port",
                String.valueOf(freePort()),
                "--rate",
                "200")) {
            Matcher broker = demo.await(BROKER, Duration.ofSeconds(45));
            String admin = demo.await(ADMIN, Duration.ofSeconds(1)).group(1);
            Path state = Path.of(demo.await(STATE, Duration.ofSeconds(1)).group(1));
            assertThat(admin).isEqualTo("http://127.0.0.1:" + adminPort);
            assertThat(state).isDirectory();
            Map<String, String> routes = Map.of(
                    "events/analytics-camera-01/heartbeat", "HEARTBEAT",
                    "events/analytics-camera-01/alert", "ALERT",
                    "events/analytics-camera-01/alert-dlqc", "ALERT_DLQC",
                    "events/analytics-camera-01/analytics-enabled", "ANALYTICS_ENABLED",
                    "events/analytics-camera-01/analytics-disabled", "ANALYTICS_DISABLED");

            try (MqttRecorder recorder =
                    MqttRecorder.subscribe(broker.group(1), Integer.parseInt(broker.group(2)), "events/#")) {
                List<MqttRecorder.Message> messages = recorder.takeUntil(
                        taken -> taken.stream()
                                .map(MqttRecorder.Message::topic)
                                .collect(Collectors.toSet())
                                .containsAll(routes.keySet()),
                        Duration.ofSeconds(30));
                Set<String> topics =
                        messages.stream().map(MqttRecorder.Message::topic).collect(Collectors.toSet());
                assertThat(topics).as("topics that received events").containsAll(routes.keySet());
                JsonMapper json = JsonMapper.builder().build();
                for (MqttRecorder.Message message : messages) {
                    String type = routes.get(message.topic());
                    assertThat(type).as("route of %s", message.topic()).isNotNull();
                    assertThat(message.contentType()).isEqualTo("application/json");
                    assertThat(message.userProperties())
                            .containsEntry("sse-event", type)
                            .containsEntry("device", "analytics-camera-01")
                            .containsEntry("asset", "analytics-camera-asset")
                            .containsKey("sse-id");
                    assertThat(json.readTree(message.text()).get("type").asString())
                            .isEqualTo(type);
                }
            }

            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(http.send(
                                            HttpRequest.newBuilder(URI.create(admin + "/ready"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode())
                            .isEqualTo(200));
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create(admin + "/metrics"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("sse_connector_broker_connected 1");

            assertThat(demo.terminate(Duration.ofSeconds(30))).isZero();
            assertThat(demo.stdout())
                    .contains("=== SSE Connector Statistics ===")
                    .contains("Events Received: ")
                    .contains("  HEARTBEAT: ")
                    .contains("analytics-camera-01: ")
                    .endsWith("Demo stopped.\n");
            assertThat(demo.stderr()).doesNotContain("Exception").doesNotContain("ERROR");
            assertThat(Files.exists(state))
                    .as("the temporary state folder is removed")
                    .isFalse();
        }
    }
}
