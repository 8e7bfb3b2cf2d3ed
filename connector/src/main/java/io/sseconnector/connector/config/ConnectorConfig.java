package io.sseconnector.connector.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole configuration file: the bridge (devices, assets, the MQTT broker) and the hub (server,
 * channels). Read one with {@link ConfigLoader}; every reference in it has been checked.
 *
 * @param mqtt the broker; absent when no destination publishes to MQTT
 * @param state offsets and spill files
 * @param stats the statistics block
 * @param shutdownTimeout how long a shutdown waits for in-flight deliveries
 * @param unmatched the default policy for events no asset matches (each device has its effective one)
 * @param devices the SSE endpoints, names unique
 * @param assets the routes, each naming one of the devices
 * @param server the hub and admin HTTP server
 * @param channels the hub's channels, ids unique
 */
public record ConnectorConfig(
        Optional<MqttConfig> mqtt,
        StateConfig state,
        StatsConfig stats,
        Duration shutdownTimeout,
        UnmatchedPolicy unmatched,
        List<DeviceConfig> devices,
        List<AssetConfig> assets,
        Optional<ServerConfig> server,
        List<ChannelConfig> channels) {
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    /** Nothing configured: no broker, no devices, no hub. */
    public static final ConnectorConfig DEFAULTS = new ConnectorConfig(
            Optional.empty(),
            StateConfig.DEFAULTS,
            StatsConfig.DEFAULTS,
            DEFAULT_SHUTDOWN_TIMEOUT,
            UnmatchedPolicy.DEFAULT,
            List.of(),
            List.of(),
            Optional.empty(),
            List.of());

    public ConnectorConfig {
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (shutdownTimeout.isZero() || shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must be > 0, was " + shutdownTimeout);
        }
        Objects.requireNonNull(unmatched, "unmatched");
        devices = List.copyOf(devices);
        assets = List.copyOf(assets);
        Objects.requireNonNull(server, "server");
        channels = List.copyOf(channels);
        Set<String> deviceNames =
                unique(devices.stream().map(DeviceConfig::name).toList(), "device name");
        unique(assets.stream().map(AssetConfig::name).toList(), "asset name");
        unique(channels.stream().map(ChannelConfig::id).toList(), "channel id");
        for (AssetConfig asset : assets) {
            if (!deviceNames.contains(asset.device())) {
                throw new IllegalArgumentException(
                        "asset " + asset.name() + " names device " + asset.device() + ", which is not configured");
            }
        }
    }

    public Optional<DeviceConfig> device(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The assets that read this device's stream, in file order. */
    public List<AssetConfig> assetsOf(String device) {
        return assets.stream().filter(a -> a.device().equals(device)).toList();
    }

    public ConnectorConfig withMqtt(MqttConfig value) {
        return new ConnectorConfig(
                Optional.of(value), state, stats, shutdownTimeout, unmatched, devices, assets, server, channels);
    }

    public ConnectorConfig withState(StateConfig value) {
        return new ConnectorConfig(mqtt, value, stats, shutdownTimeout, unmatched, devices, assets, server, channels);
    }

    public ConnectorConfig withStats(StatsConfig value) {
        return new ConnectorConfig(mqtt, state, value, shutdownTimeout, unmatched, devices, assets, server, channels);
    }

    public ConnectorConfig withShutdownTimeout(Duration value) {
        return new ConnectorConfig(mqtt, state, stats, value, unmatched, devices, assets, server, channels);
    }

    public ConnectorConfig withDevices(List<DeviceConfig> value) {
        return new ConnectorConfig(mqtt, state, stats, shutdownTimeout, unmatched, value, assets, server, channels);
    }

    public ConnectorConfig withAssets(List<AssetConfig> value) {
        return new ConnectorConfig(mqtt, state, stats, shutdownTimeout, unmatched, devices, value, server, channels);
    }

    public ConnectorConfig withHub(ServerConfig value, List<ChannelConfig> channelList) {
        return new ConnectorConfig(
                mqtt, state, stats, shutdownTimeout, unmatched, devices, assets, Optional.of(value), channelList);
    }

    private static Set<String> unique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + what + " " + name);
            }
        }
        return seen;
    }
}
