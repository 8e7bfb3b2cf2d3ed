package io.sseconnector.connector.config.internal;

import io.sseconnector.connector.config.AssetConfig;
import io.sseconnector.connector.config.ChannelConfig;
import io.sseconnector.connector.config.ConfigEnvironment;
import io.sseconnector.connector.config.ConnectorConfig;
import io.sseconnector.connector.config.DestinationConfig;
import io.sseconnector.connector.config.DeviceConfig;
import io.sseconnector.connector.config.MqttConfig;
import io.sseconnector.connector.config.ServerConfig;
import io.sseconnector.connector.config.StateConfig;
import io.sseconnector.connector.config.StatsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a normalised document to a {@link ConnectorConfig}, section by section, then runs the
 * checks that span sections. Devices and channels are bound before assets whatever their order in
 * the file, so references resolve.
 */
public final class ConfigBinder {
    static final List<String> KEYS = List.of(
            "mqtt", "state", "stats", "shutdownTimeout", "unmatched", "devices", "assets", "server", "channels");
    static final List<String> STATE_KEYS = List.of("dir", "flushInterval");
    static final List<String> STATS_KEYS = List.of("interval");

    private final Binding binding;
    private final MqttBinder mqtt;

    public ConfigBinder(Scalars scalars, ConfigEnvironment environment) {
        this.binding = new Binding(scalars);
        this.mqtt = new MqttBinder(binding, environment.hostname());
    }

    /** The configuration, or empty when an error was reported. */
    public Optional<ConnectorConfig> bind(Node root) {
        if (!(root instanceof Node.MapNode)) {
            binding.problems.error(
                    root,
                    "the top level must be a mapping of sections (mqtt, devices, assets, …), found " + root.describe());
            return Optional.empty();
        }
        Fields top = Fields.of(binding.scalars, root, KEYS).orElseThrow();
        Optional<MqttConfig> mqttConfig = top.get("mqtt").flatMap(mqtt::bind);
        StateConfig state = top.get("state").map(this::state).orElse(StateConfig.DEFAULTS);
        StatsConfig stats = top.get("stats").map(this::stats).orElse(StatsConfig.DEFAULTS);
        Duration shutdownTimeout = MqttBinder.positive(
                top,
                "shutdownTimeout",
                ConnectorConfig.DEFAULT_SHUTDOWN_TIMEOUT,
                "would leave no time to drain in-flight deliveries");
        top.get("unmatched").flatMap(mqtt::unmatched).ifPresent(policy -> binding.unmatched = policy);

        DeviceBinder deviceBinder = new DeviceBinder(binding, mqtt);
        List<DeviceConfig> devices = new ArrayList<>();
        top.get("devices")
                .ifPresent(list -> binding.items(list, "a list of devices")
                        .forEach(item -> deviceBinder.bind(item).ifPresent(devices::add)));
        HubBinder hub = new HubBinder(binding);
        Optional<ServerConfig> server = top.get("server").flatMap(hub::server);
        List<ChannelConfig> channels = new ArrayList<>();
        top.get("channels")
                .ifPresent(list -> binding.items(list, "a list of channels")
                        .forEach(item -> hub.channel(item).ifPresent(channels::add)));
        AssetBinder assetBinder = new AssetBinder(binding, deviceBinder);
        List<AssetConfig> assets = new ArrayList<>();
        top.get("assets")
                .ifPresent(list -> binding.items(list, "a list of assets")
                        .forEach(item -> assetBinder.bind(item).ifPresent(assets::add)));

        crossChecks(top, assets);
        mqttConfig.ifPresent(m -> qos2Session(top, m, assets));
        if (binding.problems.hasErrors()) {
            return Optional.empty();
        }
        return binding.build(
                root,
                () -> new ConnectorConfig(
                        mqttConfig,
                        state,
                        stats,
                        shutdownTimeout,
                        binding.unmatched,
                        devices,
                        assets,
                        server,
                        channels));
    }

    private StateConfig state(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, STATE_KEYS);
        if (found.isEmpty()) {
            return StateConfig.DEFAULTS;
        }
        Fields f = found.get();
        Path dir = f.path("dir").orElse(StateConfig.DEFAULTS.dir());
        return new StateConfig(dir, f.duration("flushInterval", StateConfig.DEFAULTS.flushInterval()));
    }

    private StatsConfig stats(Node node) {
        Optional<Fields> found = Fields.of(binding.scalars, node, STATS_KEYS);
        if (found.isEmpty()) {
            return StatsConfig.DEFAULTS;
        }
        return new StatsConfig(MqttBinder.positive(
                found.get(), "interval", StatsConfig.DEFAULTS.interval(), "would print statistics without pause"));
    }

    /**
     * QoS 2 needs a session that outlives the connection: the MQTT client reports a QoS 2 publish
     * as done at PUBREC, and a broker that restarts under a clean session forgets the messages whose
     * PUBREL it had not handled yet (a loss the bridge cannot see).
     */
    private void qos2Session(Fields top, MqttConfig mqtt, List<AssetConfig> assets) {
        boolean persistent = !mqtt.cleanStart()
                && (mqtt.version() == 3 || !mqtt.sessionExpiry().isZero());
        boolean qos2 = assets.stream()
                .flatMap(a -> java.util.stream.Stream.concat(
                        a.defaultDestinations().stream(), a.events().stream().flatMap(e -> e.destinations().stream())))
                .anyMatch(d -> d instanceof DestinationConfig.Mqtt m && m.qos() == 2);
        if (qos2 && !persistent) {
            binding.problems.warning(
                    top.get("mqtt").get(),
                    "a destination publishes at QoS 2, which the MQTT client counts as delivered at PUBREC: with a"
                            + " clean session a broker restart can lose a message; set cleanStart: false"
                            + (mqtt.version() == 5 ? " and sessionExpiry (say 1h)" : "")
                            + ", or use QoS 1");
        }
    }

    /** Checks that need every section: the broker, channel references, unused devices, an empty file. */
    private void crossChecks(Fields top, List<AssetConfig> assets) {
        if (top.get("mqtt").isEmpty() && !binding.mqttUses.isEmpty()) {
            Node first = binding.mqttUses.get(0);
            int more = binding.mqttUses.size() - 1;
            binding.problems.error(
                    first,
                    "this publishes to MQTT, but the file has no mqtt section"
                            + (more == 1
                                    ? " (1 more place does too)"
                                    : more > 1 ? " (" + more + " more places do too)" : "")
                            + "; add mqtt: { url: tcp://host:1883 } or url: embedded");
        }
        for (Map.Entry<String, Node> use : binding.channelUses) {
            if (!binding.channels.containsKey(use.getKey())) {
                String hint = Suggest.closest(use.getKey(), binding.channels.keySet())
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; add it under channels");
                binding.problems.error(use.getValue(), "channel '" + use.getKey() + "' is not declared" + hint);
            }
        }
        if (top.get("server").isEmpty() && top.get("channels").isPresent() && !binding.channels.isEmpty()) {
            binding.problems.error(
                    top.get("channels").get(), "channels are served by the hub, which needs server: { port: … }");
        }
        Set<String> read = new HashSet<>();
        assets.forEach(a -> read.add(a.device()));
        if (!binding.problems.hasErrors()) {
            binding.devices.forEach((name, node) -> {
                if (!read.contains(name)) {
                    binding.problems.warning(
                            node, "no asset reads device '" + name + "': every event it sends will be unmatched");
                }
            });
        }
        if (binding.devices.isEmpty()
                && top.get("devices").isEmpty()
                && top.get("server").isEmpty()
                && !binding.problems.hasErrors()) {
            binding.problems.error(
                    top.map(),
                    "nothing to run: configure devices and assets (the bridge) or server and channels (the hub)");
        }
    }
}
