package io.sseconnector.connector.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.connector.testing.MqttRecorder;
import io.sseconnector.connector.testing.PrivateMosquitto;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge as operators run it: {@code bin/sse-connector simulate camera} as the device, {@code
 * bin/sse-connector run -c FILE} as the bridge, a Mosquitto of the test's own (no queue limit: a
 * loss is the bridge's), a real subscriber. Kills the bridge with SIGKILL mid-stream and checks, by
 * SSE id, that nothing was lost.
 */
class BridgeProcessIT {
    private static final Path SCRIPT =
            Path.of("..", "bin", "sse-connector").toAbsolutePath().normalize();
    private static final String[] TYPES = {"HEARTBEAT", "ALERT", "ALERT_DLQC", "ANALYTICS_ENABLED", "ANALYTICS_DISABLED"
    };

    @TempDir
    Path dir;

    @TempDir
    Path brokerDir;

    private final List<Process> processes = new ArrayList<>();
    private final String prefix = "it/" + UUID.randomUUID();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private Path config(int brokerPort, int simulatorPort, int adminPort) throws IOException {
        StringBuilder yaml = new StringBuilder()
                .append("mqtt:\n  url: tcp://127.0.0.1:")
                .append(brokerPort)
                .append("\n  clientId: it-bridge-")
                .append(UUID.randomUUID())
                .append("\nstate:\n  dir: ")
                .append(dir.resolve("state"))
                .append("\n  flushInterval: 200ms\nstats:\n  interval: 1s\nshutdownTimeout: 5s\n")
                .append("server:\n  host: 127.0.0.1\n  port: ")
                .append(adminPort)
                .append("\ndevices:\n  - name: analytics-camera-01\n    endpoint: http://127.0.0.1:")
                .append(simulatorPort)
                .append("/camera-events\n    reconnect: { initialDelay: 100ms, maxDelay: 1s }\n")
                .append("assets:\n  - name: analytics-camera-asset\n    device: analytics-camera-01\n    events:\n");
        for (String type : TYPES) {
            yaml.append("      - name: ")
                    .append(type)
                    .append("\n        eventNotifier: ")
                    .append(type)
                    .append("\n        destinations:\n          - target: Mqtt\n            configuration: { topic: \"")
                    .append(prefix)
                    .append("/{device}/")
                    .append(type.toLowerCase().replace('_', '-'))
                    .append("\", qos: 1 }\n");
        }
        return Files.writeString(dir.resolve("bridge.yaml"), yaml);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long id(MqttRecorder.Message message) {
        return Long.parseLong(message.userProperties().get("sse-id"));
    }

    @Test
    void killedBridgeResumesFromItsOffsetWithoutGapsAndStopsCleanlyOnSigterm() throws Exception {
        int simulatorPort = freePort();
        int adminPort = freePort();
        start(
                "simulator",
                "simulate",
                "camera",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(simulatorPort),
                "--rate",
                "300",
                "--seed",
                "7",
                "--history",
                "5000");
        try (PrivateMosquitto broker = PrivateMosquitto.start(brokerDir, false, "allow_anonymous true\n");
                MqttRecorder recorder = MqttRecorder.subscribe("127.0.0.1", broker.port(), prefix + "/#")) {
            Path config = config(broker.port(), simulatorPort, adminPort);
            Process first = start("bridge-1", "run", "-c", config.toString());
            List<MqttRecorder.Message> beforeKill = recorder.take(600, Duration.ofSeconds(60));
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
            first.waitFor(10, TimeUnit.SECONDS);
            assertThat(Files.exists(dir.resolve("state/offsets.json"))).isTrue();

            Process second = start("bridge-2", "run", "-c", config.toString());
            long lastBeforeKill =
                    beforeKill.stream().mapToLong(BridgeProcessIT::id).max().orElseThrow();
            List<MqttRecorder.Message> afterRestart = recorder.takeUntil(
                    messages -> messages.stream().anyMatch(m -> id(m) > lastBeforeKill + 600), Duration.ofSeconds(60));

            TreeSet<Long> ids = new TreeSet<>();
            beforeKill.forEach(m -> ids.add(id(m)));
            afterRestart.forEach(m -> ids.add(id(m)));
            long first1 = ids.first();
            long last = ids.last();
            assertThat(last).isGreaterThan(lastBeforeKill + 600);
            List<Long> missing = new ArrayList<>();
            for (long id = first1; id <= last; id++) {
                if (!ids.contains(id)) {
                    missing.add(id);
                }
            }
            assertThat(missing)
                    .as("ids missing between %d and %d", first1, last)
                    .isEmpty();
            assertThat(Files.readString(dir.resolve("bridge-2.err"))).contains("resuming after id");

            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(http.send(
                                            HttpRequest.newBuilder(
                                                            URI.create("http://127.0.0.1:" + adminPort + "/ready"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode())
                            .isEqualTo(200));
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(metrics)
                    .contains("sse_connector_events_received_total{type=\"HEARTBEAT\"}")
                    .contains("sse_connector_device_connected{device=\"analytics-camera-01\"} 1")
                    .contains("sse_connector_delivery_latency_seconds_count");

            second.destroy(); // SIGTERM: drain, save offsets, print the statistics, exit 0
            assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isZero();
            String log = Files.readString(dir.resolve("bridge-2.err"));
            assertThat(log)
                    .contains("=== SSE Connector Statistics ===")
                    .contains("Events Received: ")
                    .contains("Events by Type:")
                    .contains("analytics-camera-01: ");
        }
    }
}
