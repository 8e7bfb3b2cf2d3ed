package io.sseconnector.connector.config;

import static io.sseconnector.connector.config.TestConfigs.DESIGN_ENV;
import static io.sseconnector.connector.config.TestConfigs.EMPTY_ENV;
import static io.sseconnector.connector.config.TestConfigs.lines;
import static io.sseconnector.connector.config.TestConfigs.loaded;
import static io.sseconnector.connector.config.TestConfigs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.sseconnector.client.SseClientConfig;
import io.sseconnector.connector.config.DestinationConfig.Mqtt;
import io.sseconnector.connector.config.DestinationConfig.Sse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Valid files load to the expected records; omitted keys take their documented defaults. */
class ConfigLoaderTest {
    @Test
    void designExampleLoadsToTheExpectedRecords() {
        MqttConfig mqtt = MqttConfig.of(new MqttUrl("mqtts", "127.0.0.1", 8883), "sse-connector-1")
                .withCredentials("bridge", Secret.resolved("${file:/run/secrets/mqtt-password}", "mqtt-password-4"))
                .withTls(TlsConfig.DEFAULTS
                        .withCaFile(Path.of("/etc/sse-connector/ca.pem"))
                        .withClientCertificate(
                                Path.of("/etc/sse-connector/client.pem"), Path.of("/etc/sse-connector/client.key")));
        DeviceConfig camera = DeviceConfig.of("analytics-camera-01", URI.create("http://127.0.0.1:8080/camera-events"))
                .withHeaders(
                        Map.of("Authorization", Secret.resolved("Bearer ${env:CAMERA_TOKEN}", "Bearer camera-token-1")))
                .withReconnect(SseClientConfig.Backoff.DEFAULTS.withMaxDelay(Duration.ofSeconds(60)))
                .withReadTimeout(Duration.ofSeconds(30));
        AssetConfig asset = AssetConfig.of(
                "analytics-camera-asset",
                "analytics-camera-01",
                List.of(
                        AssetEventConfig.of(
                                "HEARTBEAT", "HEARTBEAT", List.of(Mqtt.of("events/analytics-camera-01/heartbeat"))),
                        AssetEventConfig.of(
                                "ALERT_DLQC",
                                "ALERT_DLQC",
                                List.of(Mqtt.of("events/analytics-camera-01/alert-dlqc"), new Sse("alerts")))));
        ChannelConfig alerts = ChannelConfig.of("alerts")
                .withReplay(new ChannelConfig.Replay(1000, Duration.ofMinutes(10)))
                .withSubscribe(auth("Bearer ${env:DASHBOARD_TOKEN}", "Bearer dashboard-token-2"))
                .withPublish(auth("Bearer ${env:PUBLISH_TOKEN}", "Bearer publish-token-3"));
        ConnectorConfig expected = ConnectorConfig.DEFAULTS
                .withMqtt(mqtt)
                .withState(StateConfig.DEFAULTS.withDir(Path.of("./state")))
                .withStats(StatsConfig.DEFAULTS.withInterval(Duration.ofSeconds(60)))
                .withDevices(List.of(camera))
                .withAssets(List.of(asset))
                .withHub(ServerConfig.of(8090), List.of(alerts));

        LoadResult result = TestConfigs.load("design-example.yaml", DESIGN_ENV);

        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        assertThat(result.orThrow()).isEqualTo(expected);
        assertThat(lines(result)).isEmpty();
        assertThat(result.orThrow().server().orElseThrow().host()).isEqualTo("127.0.0.1");
    }

    private static ChannelConfig.Auth auth(String template, String value) {
        return new ChannelConfig.Auth(Map.of(
                "Authorization",
                new ChannelConfig.HeaderRule(ChannelConfig.MatchType.EQUALS, Secret.resolved(template, value))));
    }

    @Test
    void seedCameraConfigRoutesItsFiveEventTypesToTheirTopics() {
        ConnectorConfig config = loaded("seed-camera.yaml", EMPTY_ENV);

        assertThat(config.devices()).extracting(DeviceConfig::name).containsExactly("analytics-camera-01");
        AssetConfig asset = config.assets().get(0);
        assertThat(asset.events())
                .extracting(e ->
                        e.eventNotifier() + " -> " + ((Mqtt) e.destinations().get(0)).topic())
                .containsExactly(
                        "HEARTBEAT -> events/analytics-camera-01/heartbeat",
                        "ALERT -> events/analytics-camera-01/alert",
                        "ALERT_DLQC -> events/analytics-camera-01/alert-dlqc",
                        "ANALYTICS_ENABLED -> events/analytics-camera-01/analytics-enabled",
                        "ANALYTICS_DISABLED -> events/analytics-camera-01/analytics-disabled");
        assertThat(config.unmatched()).isEqualTo(UnmatchedPolicy.SEED);
        assertThat(config.devices().get(0).unmatched()).isEqualTo(UnmatchedPolicy.SEED);
    }

    @Test
    void azureIotOperationsFormsLoadToTheSameModelAsTheCanonicalOnes() {
        ConnectorConfig canonical = loaded("seed-camera.yaml", EMPTY_ENV);
        ConnectorConfig pasted = loaded("seed-camera-aio.yaml", EMPTY_ENV);

        assertThat(pasted).isEqualTo(canonical);
    }

    @Test
    void omittedKeysTakeTheirDefaults() {
        ConnectorConfig config = parse("""
                mqtt: { url: tcp://broker }
                devices:
                  - { name: cam, endpoint: "https://cam.local/events" }
                assets:
                  - name: a
                    device: cam
                    events:
                      - name: ALERT
                        destinations: [ { target: Mqtt, configuration: { topic: "alerts/{device}" } } ]
                """).orThrow();

        assertThat(config.mqtt().orElseThrow())
                .isEqualTo(MqttConfig.of(new MqttUrl("tcp", "broker", 1883), "sse-connector-edge-box"));
        assertThat(config.state()).isEqualTo(StateConfig.DEFAULTS);
        assertThat(config.stats()).isEqualTo(StatsConfig.DEFAULTS);
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.unmatched()).isEqualTo(UnmatchedPolicy.DEFAULT);
        assertThat(config.devices().get(0)).isEqualTo(DeviceConfig.of("cam", URI.create("https://cam.local/events")));
        // eventNotifier defaults to the event's name; qos to 1; retain to false.
        assertThat(config.assets().get(0).events())
                .containsExactly(AssetEventConfig.of("ALERT", "ALERT", List.of(Mqtt.of("alerts/{device}"))));
        assertThat(config.server()).isEmpty();
        assertThat(config.channels()).isEmpty();
    }

    @Test
    void everyDestinationTargetAndItsSettings() {
        ConnectorConfig config = parse("""
                mqtt: { url: "mqtts://broker.example:8884", version: 3, cleanStart: false, keepAlive: 30 }
                devices: [ { name: cam, endpoint: "http://cam/events" } ]
                server: { host: 127.0.0.1, port: 0 }
                channels: [ { id: all } ]
                assets:
                  - name: a
                    device: cam
                    defaultDestinations: [ { target: stdout } ]
                    events:
                      - name: any
                        eventNotifier: "*"
                        destinations:
                          - { target: Mqtt, configuration: { topic: "t/{asset}/{event}", qos: Qos2, retain: Keep } }
                          - { target: Sse, configuration: { channel: all } }
                          - { target: StateStore }
                          - { target: StateStore, configuration: { key: "latest:{event}" } }
                          - target: Http
                            configuration: { url: "https://hooks/x", method: put, headers: { X-Key: abc } }
                          - { target: File, configuration: { path: /var/log/events.jsonl } }
                          - { target: Stdout, configuration: { format: pretty } }
                """).orThrow();

        assertThat(config.mqtt().orElseThrow())
                .isEqualTo(MqttConfig.of(new MqttUrl("mqtts", "broker.example", 8884), "sse-connector-edge-box")
                        .withVersion(3)
                        .withPersistentSession(Duration.ZERO)
                        .withKeepAlive(Duration.ofSeconds(30)));
        AssetConfig asset = config.assets().get(0);
        assertThat(asset.defaultDestinations()).containsExactly(DestinationConfig.Stdout.DEFAULTS);
        assertThat(asset.events().get(0).eventNotifier()).isEqualTo(AssetEventConfig.ANY);
        assertThat(asset.events().get(0).destinations())
                .containsExactly(
                        new Mqtt("t/{asset}/{event}", 2, true, Optional.empty()),
                        new Sse("all"),
                        new DestinationConfig.StateStore("{device}/{event}"),
                        new DestinationConfig.StateStore("latest:{event}"),
                        new DestinationConfig.Http(
                                URI.create("https://hooks/x"), Map.of("X-Key", Secret.literal("abc")), "PUT"),
                        new DestinationConfig.File(Path.of("/var/log/events.jsonl")),
                        new DestinationConfig.Stdout(DestinationConfig.Stdout.Format.PRETTY));
        assertThat(config.server()).contains(new ServerConfig("127.0.0.1", 0));
    }

    @Test
    void deviceSettingsAndPerDeviceUnmatchedOverride() {
        ConnectorConfig config = parse("""
                mqtt: { url: embedded }
                unmatched: { topic: "unmatched/{device}/{event}", qos: 0 }
                devices:
                  - name: cam-1
                    endpoint: http://cam-1/events
                    lastEventId: 1042
                    maxEventSize: 64KiB
                    maxLineLength: 8KiB
                    reconnect: { initialDelay: 500ms, maxDelay: 30s, resetAfter: 2m }
                    buffer: { maxEvents: 100, maxBytes: 1MiB, spillBytes: 0, overflow: drop-oldest }
                    unmatched: drop
                  - { name: cam-2, endpoint: http://cam-2/events }
                assets:
                  - { name: a1, device: cam-1, defaultDestinations: [ { target: Stdout } ] }
                  - { name: a2, device: cam-2, defaultDestinations: [ { target: Stdout } ] }
                """).orThrow();

        DeviceConfig cam1 = config.devices().get(0);
        assertThat(cam1.lastEventId()).contains("1042");
        assertThat(cam1.maxEventSize()).isEqualTo(64 * 1024);
        assertThat(cam1.maxLineLength()).isEqualTo(8 * 1024);
        assertThat(cam1.reconnect())
                .isEqualTo(new SseClientConfig.Backoff(
                        Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2), 0.25));
        assertThat(cam1.buffer()).isEqualTo(new BufferConfig(100, 1 << 20, 0, BufferConfig.Overflow.DROP_OLDEST));
        assertThat(cam1.unmatched()).isEqualTo(UnmatchedPolicy.DEFAULT);
        assertThat(config.devices().get(1).unmatched())
                .isEqualTo(new UnmatchedPolicy.Publish("unmatched/{device}/{event}", 0));
        assertThat(config.mqtt().orElseThrow().url()).isEqualTo(MqttUrl.EMBEDDED);
    }

    @Test
    void validationInheritsFromTheAsset() {
        ConnectorConfig config = parse("""
                mqtt: { url: tcp://broker:1883 }
                devices: [ { name: cam, endpoint: "http://cam/events" } ]
                assets:
                  - name: a
                    device: cam
                    validation: enforce
                    deadLetterTopic: "dlq/{asset}"
                    events:
                      - { name: A, destinations: [] }
                      - { name: B, destinations: [], validation: warn }
                """).orThrow();

        assertThat(config.assets().get(0).events())
                .extracting(e -> e.name() + " " + e.validation() + " "
                        + e.deadLetterTopic().orElse("-"))
                .containsExactly("A ENFORCE dlq/{asset}", "B WARN dlq/{asset}");
    }

    @Test
    void aHubAloneIsAValidFile() {
        ConnectorConfig config = parse("""
                server: { port: 8090 }
                channels: [ { id: news, replay: { size: 0 } } ]
                """).orThrow();

        assertThat(config.mqtt()).isEmpty();
        assertThat(config.devices()).isEmpty();
        assertThat(config.channels())
                .containsExactly(
                        ChannelConfig.of("news").withReplay(new ChannelConfig.Replay(0, Duration.ofMinutes(10))));
    }

    @Test
    void anchorsAndMergeKeysAreExpandedAndWrittenKeysWin() {
        ConnectorConfig config = parse("""
                mqtt: { url: tcp://broker:1883 }
                devices:
                  - &camera { name: cam-1, endpoint: http://cam-1/events, readTimeout: 15s }
                  - { <<: *camera, name: cam-2, endpoint: http://cam-2/events }
                  - { name: cam-3, <<: *camera, endpoint: http://cam-3/events }
                assets:
                  - { name: a1, device: cam-1, defaultDestinations: &out [ { target: Stdout } ] }
                  - { name: a2, device: cam-2, defaultDestinations: *out }
                  - { name: a3, device: cam-3, defaultDestinations: *out }
                """).orThrow();

        assertThat(config.devices())
                .extracting(d -> d.name() + " " + d.endpoint() + " " + d.readTimeout())
                .containsExactly(
                        "cam-1 http://cam-1/events PT15S",
                        "cam-2 http://cam-2/events PT15S",
                        "cam-3 http://cam-3/events PT15S");
        assertThat(config.assets())
                .allSatisfy(
                        a -> assertThat(a.defaultDestinations()).containsExactly(DestinationConfig.Stdout.DEFAULTS));
    }
}
