package io.sseconnector.connector.cli;

import io.sseconnector.connector.config.AssetConfig;
import io.sseconnector.connector.config.AssetEventConfig;
import io.sseconnector.connector.config.ConnectorConfig;
import io.sseconnector.connector.config.DestinationConfig;
import io.sseconnector.connector.config.DeviceConfig;
import io.sseconnector.connector.config.MqttConfig;
import io.sseconnector.connector.config.MqttUrl;
import io.sseconnector.connector.config.StateConfig;
import io.sseconnector.connector.config.UnmatchedPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code demo} runs: the seed's analytics camera as one device, its five event types each
 * routed to its own topic at QoS 1 (as the seed's reference deployment), and anything else to the
 * seed's error topic.
 */
final class DemoSetup {
    static final String DEVICE = "analytics-camera-01";
    static final String ASSET = "analytics-camera-asset";
    static final String CLIENT_ID = "sse-connector-demo";
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    /** SSE event type → MQTT topic, in the order the banner lists them. */
    static final Map<String, String> ROUTES = routes();

    private DemoSetup() {}

    private static Map<String, String> routes() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (String type : List.of("HEARTBEAT", "ALERT", "ALERT_DLQC", "ANALYTICS_ENABLED", "ANALYTICS_DISABLED")) {
            routes.put(
                    type,
                    "events/" + DEVICE + "/" + type.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return Collections.unmodifiableMap(routes);
    }

    /** The topic of events that match no route: the seed's reference connector's error topic. */
    static String unmatchedTopic() {
        return ((UnmatchedPolicy.Publish) UnmatchedPolicy.SEED).topic();
    }

    /**
     * The bridge's configuration.
     *
     * @param cameraEvents the simulator's event stream
     * @param stateDir offsets and spill files
     */
    static ConnectorConfig config(URI cameraEvents, Path stateDir) {
        List<AssetEventConfig> events = new ArrayList<>();
        ROUTES.forEach((type, topic) ->
                events.add(AssetEventConfig.of(type, type, List.of(DestinationConfig.Mqtt.of(topic)))));
        DeviceConfig device = DeviceConfig.of(DEVICE, cameraEvents).withUnmatched(UnmatchedPolicy.SEED);
        return ConnectorConfig.DEFAULTS
                .withMqtt(MqttConfig.of(MqttUrl.EMBEDDED, CLIENT_ID))
                .withState(StateConfig.DEFAULTS.withDir(stateDir))
                .withShutdownTimeout(SHUTDOWN_TIMEOUT)
                .withDevices(List.of(device))
                .withAssets(List.of(AssetConfig.of(ASSET, DEVICE, events)));
    }
}
