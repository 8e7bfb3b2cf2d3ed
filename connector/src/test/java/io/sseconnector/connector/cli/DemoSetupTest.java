package io.sseconnector.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.config.AssetEventConfig;
import io.sseconnector.connector.config.ConnectorConfig;
import io.sseconnector.connector.config.DestinationConfig;
import io.sseconnector.connector.config.DeviceConfig;
import io.sseconnector.connector.config.MqttConfig;
import io.sseconnector.connector.config.UnmatchedPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSetupTest {
    private final ConnectorConfig config =
            DemoSetup.config(URI.create("http://127.0.0.1:8080/camera-events"), Path.of("/tmp/demo-state"));

    @Test
    void routesEachOfTheSeedsFiveTypesToItsOwnTopicAtQos1() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (AssetEventConfig event :
                config.assetsOf("analytics-camera-01").get(0).events()) {
            assertThat(event.destinations()).hasSize(1);
            DestinationConfig.Mqtt mqtt =
                    (DestinationConfig.Mqtt) event.destinations().get(0);
            assertThat(mqtt.qos()).isEqualTo(1);
            assertThat(mqtt.retain()).isFalse();
            routes.put(event.eventNotifier(), mqtt.topic());
        }
        assertThat(routes)
                .containsExactly(
                        Map.entry("HEARTBEAT", "events/analytics-camera-01/heartbeat"),
                        Map.entry("ALERT", "events/analytics-camera-01/alert"),
                        Map.entry("ALERT_DLQC", "events/analytics-camera-01/alert-dlqc"),
                        Map.entry("ANALYTICS_ENABLED", "events/analytics-camera-01/analytics-enabled"),
                        Map.entry("ANALYTICS_DISABLED", "events/analytics-camera-01/analytics-disabled"));
        assertThat(DemoSetup.ROUTES).isEqualTo(routes);
    }

    @Test
    void sendsUnmatchedEventsToTheSeedsErrorTopic() {
        DeviceConfig device = config.device("analytics-camera-01").orElseThrow();
        assertThat(device.unmatched()).isEqualTo(UnmatchedPolicy.SEED);
        assertThat(DemoSetup.unmatchedTopic()).isEqualTo("akri/sse-connector/errors");
        assertThat(device.endpoint()).hasToString("http://127.0.0.1:8080/camera-events");
    }

    @Test
    void publishesMqtt5ToTheEmbeddedBrokerAndKeepsStateWhereItIsTold() {
        MqttConfig mqtt = config.mqtt().orElseThrow();
        assertThat(mqtt.url().isEmbedded()).isTrue();
        assertThat(mqtt.version()).isEqualTo(5);
        assertThat(config.state().dir()).isEqualTo(Path.of("/tmp/demo-state"));
    }
}
