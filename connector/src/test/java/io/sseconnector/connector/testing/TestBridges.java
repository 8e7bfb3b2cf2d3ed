package io.sseconnector.connector.testing;

import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.bridge.BridgeFactory;
import io.sseconnector.connector.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Bridges built from YAML as {@code run -c} builds them, publishing every event to one topic per device and type. */
public final class TestBridges {
    private TestBridges() {}

    /**
     * Where and how a test bridge publishes.
     *
     * @param port the broker on 127.0.0.1
     * @param version 3 (MQTT 3.1.1) or 5
     * @param qos of every route
     * @param clientId the bridge's client id (to find it in the broker's log)
     * @param persistentSession {@code cleanStart: false} (and an hour's {@code sessionExpiry} with
     *     MQTT 5): the broker keeps the bridge's unfinished QoS 2 exchanges across a reconnect
     */
    public record Broker(int port, int version, int qos, String clientId, boolean persistentSession) {
        /** MQTT 5 at QoS 1 with a clean session, a fresh client id. */
        public static Broker at(int port) {
            return new Broker(port, 5, 1, "bridge-" + UUID.randomUUID(), false);
        }

        public Broker withVersion(int value) {
            return new Broker(port, value, qos, clientId, persistentSession);
        }

        public Broker withQos(int value) {
            return new Broker(port, version, value, clientId, persistentSession);
        }

        public Broker withPersistentSession(boolean value) {
            return new Broker(port, version, qos, clientId, value);
        }

        private String yaml() {
            String session = !persistentSession
                    ? ""
                    : version == 5 ? "  cleanStart: false\n  sessionExpiry: 1h\n" : "  cleanStart: false\n";
            return "  url: tcp://127.0.0.1:" + port + "\n  version: " + version + "\n  clientId: " + clientId + "\n"
                    + session;
        }
    }

    /**
     * A bridge (not started) that reads each device ({@code name → endpoint}) and publishes every
     * event to {@code PREFIX/{device}/{event}} on {@code broker}.
     *
     * @param deviceSettings YAML lines added to every device ({@code readTimeout: 1s}, …)
     */
    public static Bridge create(
            Broker broker, String prefix, Path stateDir, Map<String, URI> devices, String deviceSettings) {
        StringBuilder yaml = new StringBuilder()
                .append("mqtt:\n")
                .append(broker.yaml())
                .append("state: { dir: \"")
                .append(stateDir.toAbsolutePath())
                .append("\" }\n")
                .append("devices:\n");
        devices.forEach((name, endpoint) -> yaml.append("  - name: ")
                .append(name)
                .append('\n')
                .append("    endpoint: ")
                .append(endpoint)
                .append('\n')
                .append(deviceSettings.indent(4)));
        yaml.append("assets:\n");
        devices.keySet()
                .forEach(name -> yaml.append("  - name: ")
                        .append(name)
                        .append("-asset\n")
                        .append("    device: ")
                        .append(name)
                        .append('\n')
                        .append("    events:\n")
                        .append("      - name: everything\n")
                        .append("        eventNotifier: \"*\"\n")
                        .append("        destinations:\n")
                        .append("          - target: Mqtt\n")
                        .append("            configuration: { topic: \"")
                        .append(prefix)
                        .append("/{device}/{event}\", qos: ")
                        .append(broker.qos())
                        .append(" }\n"));
        return BridgeFactory.create(ConfigLoader.system().parse(yaml.toString()).orThrow());
    }

    /** Takes messages until every device delivered {@code count} ids from its first one, or the timeout. */
    public static FirstArrivals collect(MqttRecorder recorder, Iterable<String> devices, int count, Duration timeout)
            throws InterruptedException {
        FirstArrivals arrivals = new FirstArrivals();
        recorder.takeUntil(
                received -> {
                    if (!received.isEmpty()) {
                        arrivals.add(received.get(received.size() - 1));
                    }
                    for (String device : devices) {
                        if (!arrivals.reached(device, count)) {
                            return false;
                        }
                    }
                    return true;
                },
                timeout);
        return arrivals;
    }
}
