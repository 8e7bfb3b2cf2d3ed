package io.sseconnector.connector.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.simulator.CameraSettings;
import io.sseconnector.connector.simulator.CameraSimulator;
import io.sseconnector.connector.testing.FirstArrivals;
import io.sseconnector.connector.testing.MqttRecorder;
import io.sseconnector.connector.testing.PrivateMosquitto;
import io.sseconnector.connector.testing.TestBridges;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera simulator's source faults, end to end through the bridge to a Mosquitto of the test's
 * own (no queue limit: a loss is the bridge's):
 * connections closed every N events (every other one in the middle of an event) and connections
 * that stall with the socket open. Checked by SSE id at a subscriber: from the first id received,
 * every id arrives (duplicates allowed), first arrivals in order, and the device did reconnect.
 */
class BridgeSourceFaultsTest {
    private static final String DEVICE = "camera-01";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The simulator's replay history: far more than the bridge can fall behind in a test. */
    private static final int HISTORY = 100_000;

    @TempDir
    Path state;

    @TempDir
    Path brokerDir;

    private final String prefix = "test/" + UUID.randomUUID();

    private static CameraSettings load(double rate) {
        return CameraSettings.DEFAULTS
                .withHost("127.0.0.1")
                .withPort(0)
                .withRate(rate)
                .withSeed(7L)
                .withHistory(HISTORY);
    }

    @Test
    void connectionsClosedEveryNEventsAndCutMidEventLoseNothing() throws Exception {
        assertEveryIdArrives(
                load(500).withDisconnectEvery(300), "reconnect: { initialDelay: 20ms, maxDelay: 200ms }\n", 3_000);
    }

    @Test
    void aStalledConnectionIsDetectedByTheReadTimeoutAndResumedWithoutLoss() throws Exception {
        assertEveryIdArrives(
                load(500).withStallAfter(400),
                "readTimeout: 1s\n" + "reconnect: { initialDelay: 20ms, maxDelay: 200ms }\n",
                1_500);
    }

    /** Runs the bridge from the simulator to the subscriber until {@code count} ids arrived, then checks them. */
    private void assertEveryIdArrives(CameraSettings settings, String deviceSettings, int count) throws Exception {
        try (PrivateMosquitto broker = PrivateMosquitto.start(brokerDir, false, "allow_anonymous true\n");
                CameraSimulator simulator = CameraSimulator.start(settings);
                MqttRecorder subscriber = MqttRecorder.subscribe("127.0.0.1", broker.port(), prefix + "/#");
                Bridge bridge = TestBridges.create(
                        TestBridges.Broker.at(broker.port()),
                        prefix,
                        state,
                        Map.of(DEVICE, simulator.eventsUri(simulator.deviceIds().get(0))),
                        deviceSettings)) {
            bridge.start();

            FirstArrivals arrivals = TestBridges.collect(subscriber, List.of(DEVICE), count, WAIT);

            assertThat(arrivals.problems(DEVICE, count))
                    .as(
                            "after %d messages; bridge %s",
                            arrivals.messages(), bridge.stats().snapshot())
                    .isEmpty();
            assertThat(bridge.stats().snapshot().reconnects())
                    .as("the device reconnected")
                    .isPositive();
        }
    }
}
