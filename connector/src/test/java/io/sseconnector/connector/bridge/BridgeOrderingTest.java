package io.sseconnector.connector.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.simulator.CameraSettings;
import io.sseconnector.connector.simulator.CameraSimulator;
import io.sseconnector.connector.testing.FirstArrivals;
import io.sseconnector.connector.testing.MqttRecorder;
import io.sseconnector.connector.testing.PrivateMosquitto;
import io.sseconnector.connector.testing.TestBridges;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three cameras through one bridge at a few thousand events/s to a Mosquitto of the test's own
 * (no queue limit: a loss is the bridge's): each device's events stay in order and complete.
 */
class BridgeOrderingTest {
    private static final int DEVICES = 3;
    private static final double RATE_PER_DEVICE = 1_000;
    /** About five seconds of each camera's stream. */
    private static final int EVENTS_PER_DEVICE = 5_000;

    @TempDir
    Path state;

    private final String prefix = "test/" + UUID.randomUUID();

    @TempDir
    Path brokerDir;

    @Test
    void eachDevicesEventsFirstArriveInIdOrderWithNoneMissingUnderLoad() throws Exception {
        CameraSettings settings = CameraSettings.DEFAULTS
                .withHost("127.0.0.1")
                .withPort(0)
                .withDevices(DEVICES)
                .withRate(RATE_PER_DEVICE)
                .withSeed(11L)
                .withHistory(100_000);
        try (PrivateMosquitto broker = PrivateMosquitto.start(brokerDir, false, "allow_anonymous true\n");
                CameraSimulator simulator = CameraSimulator.start(settings);
                MqttRecorder subscriber = MqttRecorder.subscribe("127.0.0.1", broker.port(), prefix + "/#")) {
            Map<String, URI> devices = new LinkedHashMap<>();
            for (String id : simulator.deviceIds()) {
                devices.put(id, simulator.baseUri().resolve("/cameras/" + id + "/events"));
            }
            try (Bridge bridge = TestBridges.create(
                    TestBridges.Broker.at(broker.port()),
                    prefix,
                    state,
                    devices,
                    "reconnect: { initialDelay: 20ms, maxDelay: 200ms }\n")) {
                bridge.start();

                FirstArrivals arrivals =
                        TestBridges.collect(subscriber, devices.keySet(), EVENTS_PER_DEVICE, Duration.ofSeconds(30));

                List<String> problems = new ArrayList<>();
                devices.keySet().forEach(device -> problems.addAll(arrivals.problems(device, EVENTS_PER_DEVICE)));
                assertThat(problems)
                        .as(
                                "after %d messages; bridge %s",
                                arrivals.messages(), bridge.stats().snapshot())
                        .isEmpty();
            }
        }
    }
}
