package io.sseconnector.connector.bridge;

import io.sseconnector.client.SseClientConfig;
import io.sseconnector.connector.config.AssetConfig;
import io.sseconnector.connector.config.AssetEventConfig;
import io.sseconnector.connector.config.ConnectorConfig;
import io.sseconnector.connector.config.DestinationConfig;
import io.sseconnector.connector.config.DeviceConfig;
import io.sseconnector.connector.config.MqttConfig;
import io.sseconnector.connector.config.Secret;
import io.sseconnector.connector.config.TlsConfig;
import io.sseconnector.connector.config.UnmatchedPolicy;
import io.sseconnector.connector.destination.Destination;
import io.sseconnector.connector.destination.TopicTemplate;
import io.sseconnector.connector.destination.mqtt.MqttConnection;
import io.sseconnector.connector.destination.mqtt.MqttDestination;
import io.sseconnector.connector.destination.mqtt.MqttSettings;
import io.sseconnector.connector.destination.stream.JsonLinesDestination;
import io.sseconnector.connector.offset.OffsetStore;
import io.sseconnector.connector.route.AssetRoutes;
import io.sseconnector.connector.route.PayloadGate;
import io.sseconnector.connector.route.Router;
import io.sseconnector.connector.schema.InferredSchemas;
import io.sseconnector.connector.schema.InferringValidator;
import io.sseconnector.connector.schema.PayloadCheck;
import io.sseconnector.connector.schema.PayloadValidator;
import io.sseconnector.connector.schema.ValidationMode;
import io.sseconnector.connector.stats.BridgeStats;
import io.sseconnector.core.SseLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a loaded {@link ConnectorConfig} into a runnable {@link Bridge}: one MQTT connection shared
 * by every MQTT destination, one router per device, buffers and offsets as configured.
 */
public final class BridgeFactory {
    /** Events in flight towards the broker per device: enough to keep the pipe full on loopback. */
    private static final int WINDOW = 1_000;
    /** Where undeliverable events go when their route names no dead-letter topic: the seed's error topic. */
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "akri/sse-connector/errors";

    private final ConnectorConfig config;
    private final MqttConnection mqtt;
    private final Map<Path, JsonLinesDestination> files = new HashMap<>();
    private final OffsetStore offsets;
    private final InferredSchemas schemas = new InferredSchemas();
    private final BridgeStats stats = new BridgeStats();
    private final Destination defaultDeadLetter;
    private JsonLinesDestination stdout;

    /**
     * @param brokerUrl where the broker really is: the configured url, or the embedded broker's
     *     address; {@code null} when no broker is configured
     */
    private BridgeFactory(ConnectorConfig config, URI brokerUrl, OffsetStore offsets) {
        this.config = config;
        this.offsets = offsets;
        this.mqtt = config.mqtt()
                .map(m -> new MqttConnection(settings(m, brokerUrl)))
                .orElse(null);
        this.defaultDeadLetter = mqtt == null ? null : deadLetter(DEFAULT_DEAD_LETTER_TOPIC);
    }

    /** Builds the bridge for a config whose broker (if any) is reached at its configured url. */
    public static Bridge create(ConnectorConfig config) {
        URI url = config.mqtt().map(m -> URI.create(m.url().toString())).orElse(null);
        return create(config, url);
    }

    /** Builds the bridge, reaching the broker at {@code brokerUrl} (the embedded broker's address). */
    public static Bridge create(ConnectorConfig config, URI brokerUrl) {
        return create(config, brokerUrl, new OffsetStore(config.state().dir()));
    }

    /** Builds the bridge on offsets already opened (and checked) from {@code state.dir}. */
    public static Bridge create(ConnectorConfig config, URI brokerUrl, OffsetStore offsets) {
        return new BridgeFactory(config, brokerUrl, offsets).build();
    }

    private Bridge build() {
        List<Bridge.DevicePlan> plans = new ArrayList<>();
        for (DeviceConfig device : config.devices()) {
            plans.add(new Bridge.DevicePlan(
                    device.name(),
                    client(device),
                    router(device),
                    device.buffer(),
                    Math.min(WINDOW, device.buffer().maxEvents())));
        }
        Bridge.Timings timings = new Bridge.Timings(
                config.state().flushInterval(), config.stats().interval(), config.shutdownTimeout());
        return new Bridge(plans, mqtt, offsets, stats, schemas, timings);
    }

    static MqttSettings settings(MqttConfig m, URI url) {
        TlsConfig tls = m.tls().orElse(TlsConfig.DEFAULTS);
        return new MqttSettings(
                url,
                m.version(),
                m.clientId(),
                m.username().orElse(null),
                m.password().map(Secret::value).orElse(null),
                tls.caFile().orElse(null),
                tls.certFile().orElse(null),
                tls.keyFile().orElse(null),
                tls.keyPassword().map(Secret::value).orElse(null),
                m.cleanStart(),
                m.sessionExpiry(),
                m.keepAlive(),
                m.connectTimeout());
    }

    static SseClientConfig client(DeviceConfig device) {
        Map<String, String> headers = new LinkedHashMap<>();
        // The template, not the value: the client re-reads ${env:}/${file:} at each connect (rotation).
        device.headers().forEach((name, secret) -> headers.put(name, secret.template()));
        SseClientConfig client = SseClientConfig.of(device.endpoint())
                .withHeaders(headers)
                .withLastEventId(device.lastEventId().orElse(""))
                .withReadTimeout(device.readTimeout())
                .withBackoff(device.reconnect())
                .withLimits(new SseLimits(device.maxLineLength(), device.maxEventSize()));
        if (device.tls().isPresent()) {
            TlsConfig tls = device.tls().get();
            client = client.withTls(new SseClientConfig.Tls(
                    tls.caFile().orElse(null),
                    tls.certFile().orElse(null),
                    tls.keyFile().orElse(null),
                    tls.keyPassword().map(Secret::value).orElse(null),
                    null,
                    null,
                    true));
        }
        return client;
    }

    private Router router(DeviceConfig device) {
        List<AssetRoutes> assets = new ArrayList<>();
        for (AssetConfig asset : config.assetsOf(device.name())) {
            List<AssetRoutes.EventRoute> events = new ArrayList<>();
            for (AssetEventConfig event : asset.events()) {
                Destination deadLetter = event.deadLetterTopic()
                        .map(topic -> deadLetter(topic, "a deadLetterTopic"))
                        .orElse(null);
                events.add(new AssetRoutes.EventRoute(
                        event.name(),
                        event.eventNotifier(),
                        destinations(event.destinations()),
                        gate(asset, event),
                        deadLetter));
            }
            assets.add(new AssetRoutes(asset.name(), events, destinations(asset.defaultDestinations())));
        }
        Destination unmatched = switch (device.unmatched()) {
            case UnmatchedPolicy.Drop drop -> null;
            case UnmatchedPolicy.Publish publish ->
                new MqttDestination(
                        requireMqtt("unmatched"), new TopicTemplate(publish.topic()), publish.qos(), false, null);
        };
        return new Router(device.name(), assets, unmatched, defaultDeadLetter, stats);
    }

    /** Every asset event learns its schema (for GET /schemas); warn and enforce also check payloads. */
    private PayloadGate gate(AssetConfig asset, AssetEventConfig event) {
        ValidationMode mode = ValidationMode.valueOf(event.validation().name());
        PayloadCheck check = event.schemaFile().isPresent()
                ? PayloadValidator.fromFile(event.schemaFile().get(), mode)
                : new InferringValidator(schemas.inferrer(asset.name(), event.name()), mode);
        if (check instanceof PayloadValidator configured) {
            schemas.putConfigured(asset.name(), event.name(), configured.schema());
        }
        return new PayloadGate(check);
    }

    /** A dead-letter topic, published at QoS 1 with the reason in the MQTT 5 user property {@code error}. */
    private Destination deadLetter(String topic) {
        return deadLetter(topic, "a dead-letter topic");
    }

    private Destination deadLetter(String topic, String what) {
        return new MqttDestination(requireMqtt(what), new TopicTemplate(topic), 1, false, null);
    }

    private List<Destination> destinations(List<DestinationConfig> configs) {
        List<Destination> destinations = new ArrayList<>();
        for (DestinationConfig destination : configs) {
            destinations.add(destination(destination));
        }
        return destinations;
    }

    private Destination destination(DestinationConfig destination) {
        return switch (destination) {
            case DestinationConfig.Mqtt m ->
                new MqttDestination(
                        requireMqtt("an Mqtt destination"),
                        new TopicTemplate(m.topic()),
                        m.qos(),
                        m.retain(),
                        m.ttl().orElse(null));
            case DestinationConfig.Stdout s -> stdout();
            case DestinationConfig.File f -> files.computeIfAbsent(f.path(), BridgeFactory::openFile);
            case DestinationConfig.Sse s -> throw notYet(destination);
            case DestinationConfig.StateStore s -> throw notYet(destination);
            case DestinationConfig.Http h -> throw notYet(destination);
        };
    }

    private JsonLinesDestination stdout() {
        if (stdout == null) {
            stdout = JsonLinesDestination.stdout();
        }
        return stdout;
    }

    private static JsonLinesDestination openFile(Path path) {
        try {
            return JsonLinesDestination.file(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open File destination " + path + ": " + e.getMessage(), e);
        }
    }

    private MqttConnection requireMqtt(String what) {
        if (mqtt == null) {
            throw new IllegalArgumentException(what + " needs an mqtt section in the configuration");
        }
        return mqtt;
    }

    private static IllegalArgumentException notYet(DestinationConfig destination) {
        return new IllegalArgumentException(
                "target " + destination.target() + " is not available in this version yet; use Mqtt, File or Stdout");
    }
}
