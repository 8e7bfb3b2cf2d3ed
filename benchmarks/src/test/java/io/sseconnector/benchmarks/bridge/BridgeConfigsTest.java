package io.sseconnector.benchmarks.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.connector.config.AssetEventConfig;
import io.sseconnector.connector.config.ConfigLoader;
import io.sseconnector.connector.config.ConnectorConfig;
import io.sseconnector.connector.config.DestinationConfig;
import io.sseconnector.connector.config.LoadResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated configurations are what `validate` accepts, without a single warning. */
class BridgeConfigsTest {
    private static final List<String> TYPES = CameraMix.generate(64).types();

    private static LoadResult load(List<BridgeConfigs.Device> devices) {
        String yaml = BridgeConfigs.yaml(
                "bench-x", URI.create("tcp://127.0.0.1:1883"), Path.of("/tmp/state"), "bench/abc", TYPES, devices);
        return ConfigLoader.system().parse(yaml);
    }

    @Test
    void everyTypeOfEveryDeviceGoesToItsTopicAtTheDevicesQos() {
        LoadResult result = load(List.of(
                new BridgeConfigs.Device("q0", URI.create("http://127.0.0.1:9/devices/q0"), 0),
                new BridgeConfigs.Device("q1", URI.create("http://127.0.0.1:9/devices/q1"), 1)));

        assertThat(result.problems()).isEmpty();
        ConnectorConfig config = result.orThrow();
        assertThat(config.devices()).hasSize(2);
        assertThat(config.device("q1").orElseThrow().endpoint()).hasToString("http://127.0.0.1:9/devices/q1");
        List<AssetEventConfig> events = config.assetsOf("q0").get(0).events();
        assertThat(events).extracting(AssetEventConfig::eventNotifier).containsExactlyElementsOf(TYPES);
        for (AssetEventConfig event : events) {
            DestinationConfig.Mqtt mqtt =
                    (DestinationConfig.Mqtt) event.destinations().get(0);
            assertThat(mqtt.topic()).isEqualTo("bench/abc/{device}/" + CameraMix.topicSuffix(event.eventNotifier()));
            assertThat(mqtt.qos()).isZero();
        }
        assertThat(config.assetsOf("q1").get(0).name()).isEqualTo(BridgeConfigs.asset("q1"));
        assertThat(BridgeConfigs.topic("bench/abc", "q1", "ALERT_DLQC")).isEqualTo("bench/abc/q1/alert-dlqc");
    }

    @Test
    void aBridgeWithoutDevicesIsValidToo() {
        LoadResult result = load(List.of());

        assertThat(result.problems()).isEmpty();
        assertThat(result.orThrow().devices()).isEmpty();
        assertThat(result.orThrow().mqtt()).isPresent();
    }
}
