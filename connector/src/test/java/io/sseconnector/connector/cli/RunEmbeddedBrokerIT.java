package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.simulator.CameraSettings;
import io.sseconnector.connector.simulator.CameraSimulator;
import io.sseconnector.connector.testing.MqttRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run -c FILE} with {@code mqtt.url: embedded}: the bridge starts its own broker, prints
 * where it listens, and a subscriber there gets the camera's events with their MQTT 5 properties.
 */
class RunEmbeddedBrokerIT {
    private static final Pattern BROKER =
            Pattern.compile("embedded MQTT broker .* listening on tcp://([0-9.]+):(\\d+)");

    @TempDir
    Path dir;

    @Test
    void runWithAnEmbeddedBrokerDeliversTheCamerasEventsAndStopsCleanly() throws Exception {
        try (CameraSimulator camera = CameraSimulator.start(CameraSettings.DEFAULTS
                .withHost("127.0.0.1")
                .withPort(0)
                .withDeviceId("cam-1")
                .withRate(100)
                .withSeed(3L))) {
            Path config = Files.writeString(
                    dir.resolve("bridge.yaml"), """
                    mqtt:
                      url: embedded
                    state:
                      dir: %s
                    shutdownTimeout: 5s
                    devices:
                      - name: cam-1
                        endpoint: %s
                    assets:
                      - name: cam-1-asset
                        device: cam-1
                        events:
                          - name: all
                            eventNotifier: "*"
                            destinations:
                              - target: Mqtt
                                configuration: { topic: "cameras/{device}/{event}", qos: 1 }
                    """.formatted(dir.resolve("state"), camera.eventsUri("cam-1")));
            try (ScriptProcess bridge = ScriptProcess.start(dir, "bridge", "run", "-c", config.toString())) {
                Matcher broker = bridge.await(BROKER, Duration.ofSeconds(45));
                try (MqttRecorder recorder =
                        MqttRecorder.subscribe(broker.group(1), Integer.parseInt(broker.group(2)), "cameras/#")) {
                    List<MqttRecorder.Message> messages = recorder.take(50, Duration.ofSeconds(30));
                    for (MqttRecorder.Message message : messages) {
                        String type = message.userProperties().get("sse-event");
                        assertThat(message.topic()).isEqualTo("cameras/cam-1/" + type);
                        assertThat(message.text()).contains("\"type\":\"" + type + "\"");
                        assertThat(message.userProperties()).containsKey("sse-id");
                    }
                }
                assertThat(bridge.terminate(Duration.ofSeconds(30))).isZero();
                assertThat(bridge.stderr()).contains("=== SSE Connector Statistics ===");
                assertThat(dir.resolve("state/embedded-broker/conf/config.xml")).exists();
            }
        }
    }
}
