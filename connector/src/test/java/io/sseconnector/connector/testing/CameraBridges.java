package io.sseconnector.connector.testing;

import io.sseconnector.connector.bridge.Bridge;
import io.sseconnector.connector.bridge.BridgeFactory;
import io.sseconnector.connector.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Bridges from camera simulators to the machine's Mosquitto, built from YAML as {@code run -c} builds them. */
public final class CameraBridges {
    private CameraBridges() {}

    /**
     * A bridge (not started) that reads each device ({@code name → endpoint}) and publishes every
     * event, MQTT 5 at QoS 1, to {@code PREFIX/{device}/{event}} on 127.0.0.1:1883.
     *
     * @param deviceSettings YAML lines added to every device ({@code readTimeout: 1s}, …)
     */
    public static Bridge create(String prefix, Path stateDir, Map<String, URI> devices, String deviceSettings) {
        StringBuilder yaml = new StringBuilder()
                .append("mqtt:\n")
                .append("  url: tcp://127.0.0.1:1883\n")
                .append("  version: 5\n")
                .append("  clientId: bridge-")
                .append(UUID.randomUUID())
                .append('\n')
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
                        .append("/{device}/{event}\", qos: 1 }\n"));
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
