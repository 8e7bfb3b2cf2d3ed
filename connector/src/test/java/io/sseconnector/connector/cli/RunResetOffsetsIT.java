package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sseconnector.connector.simulator.CameraSettings;
import io.sseconnector.connector.simulator.CameraSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sse-connector run} with an unreadable {@code offsets.json}: it refuses to start (exit
 * 1, one line saying why and the way out), starts with {@code --reset-offsets all}, and the next
 * start needs no option.
 */
class RunResetOffsetsIT {
    private static final Pattern CONNECTED = Pattern.compile("device cam-1: connected to");

    @TempDir
    Path dir;

    @Test
    void unreadableOffsetsStopTheStartUntilTheyAreReset() throws Exception {
        try (CameraSimulator camera = CameraSimulator.start(CameraSettings.DEFAULTS
                .withHost("127.0.0.1")
                .withPort(0)
                .withDeviceId("cam-1")
                .withRate(50)
                .withSeed(5L))) {
            Path events = dir.resolve("events.jsonl");
            Path config = Files.writeString(
                    dir.resolve("bridge.yaml"), """
                    state:
                      dir: %s
                      flushInterval: 100ms
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
                              - { target: File, configuration: { path: %s } }
                    """.formatted(dir.resolve("state"), camera.eventsUri("cam-1"), events));
            Path offsets = Files.createDirectories(dir.resolve("state")).resolve("offsets.json");
            Files.writeString(offsets, "{\"cam-1\": ");

            try (ScriptProcess refused = ScriptProcess.start(dir, "refused", "run", "-c", config.toString())) {
                assertThat(refused.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(refused.stderr())
                        .contains("sse-connector run: cannot read the stored offsets " + offsets + ": not valid JSON")
                        .contains("--reset-offsets all")
                        .contains("; nothing was started");
            }
            assertThat(events).doesNotExist();

            try (ScriptProcess reset =
                    ScriptProcess.start(dir, "reset", "run", "-c", config.toString(), "--reset-offsets", "all")) {
                reset.await(CONNECTED, Duration.ofSeconds(60));
                await().atMost(Duration.ofSeconds(30)).until(() -> lines(events) >= 20);
                assertThat(reset.terminate(Duration.ofSeconds(30))).isZero();
            }
            assertThat(Files.readString(offsets)).startsWith("{\"cam-1\":\"");
            assertThat(Files.readString(dir.resolve("state/offsets.json.corrupt")))
                    .isEqualTo("{\"cam-1\": ");

            try (ScriptProcess again = ScriptProcess.start(dir, "again", "run", "-c", config.toString())) {
                again.await(CONNECTED, Duration.ofSeconds(60));
                assertThat(again.stderr()).contains("offsets: resuming 1 device(s)");
                assertThat(again.terminate(Duration.ofSeconds(30))).isZero();
            }
        }
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }
}
