package io.sseconnector.connector.config;

import static io.sseconnector.connector.config.TestConfigs.EMPTY_ENV;
import static io.sseconnector.connector.config.TestConfigs.lines;
import static io.sseconnector.connector.config.TestConfigs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of problem is reported, each at its YAML path, line and column; none hides another. */
class ConfigProblemsTest {
    @Test
    void aFileWithEveryKindOfErrorGetsEveryMessage() {
        LoadResult result = TestConfigs.load("every-error.yaml", EMPTY_ENV);

        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        assertThat(lines(result))
                .containsExactly(
                        "f:2:8: mqtt.url: 'http://broker:1883' must be tcp://host:port, mqtts://host:port or embedded",
                        "f:3:12: mqtt.version: version must be 3 (MQTT 3.1.1) or 5, found '4'",
                        "f:4:14: mqtt.keepAlive: 'fast' is not a duration; write it like 500ms, 5s, 1m or 2h",
                        "f:5:3: mqtt.clientid: unknown key 'clientid'; did you mean 'clientId'?",
                        "f:6:13: mqtt.password: environment variable MQTT_PASSWORD is not set",
                        "f:8:13: stats.interval: warning: interval 0s would print statistics without pause; using 1m",
                        "f:9:8: state: expected a mapping with dir, flushInterval, found a string",
                        "f:12:15: devices[0].endpoint: 'ftp://camera/events' is not an http:// or https:// URL",
                        "f:13:18: devices[0].readTimeout: expected a duration, found a list",
                        "f:14:19: devices[0].maxEventSize: must not be negative, found '-1MiB'",
                        "f:16:16: devices[0].headers.X-Token: cannot read file /nonexistent/sse-connector/token"
                                + " (no such file)",
                        "f:17:11: devices[1].name: device name 'cam-01' is already used at line 11; names are unique",
                        "f:19:5: devices[2].name: required key 'name' is missing",
                        "f:22:13: assets[0].device: device 'cam-02' is not configured under devices;"
                                + " did you mean 'cam-01'?",
                        "f:25:9: assets[0].events[0].eventNotifer: unknown key 'eventNotifer';"
                                + " did you mean 'eventNotifier'?",
                        "f:28:37: assets[0].events[0].destinations[0].configuration.topic: unknown placeholder"
                                + " {type} in topic; use {device}, {asset} or {event}",
                        "f:28:68: assets[0].events[0].destinations[0].configuration.qos: qos must be 0, 1 or 2"
                                + " (or Qos0, Qos1, Qos2), found '3'",
                        "f:29:21: assets[0].events[0].destinations[1].target: expected one of Mqtt, Sse,"
                                + " StateStore, Http, File or Stdout, found 'Kafka'",
                        "f:31:39: assets[0].events[0].destinations[2].configuration.channel: channel 'alerts' is"
                                + " not declared; add it under channels",
                        "f:32:15: assets[0].events[1].name: event name 'HEARTBEAT' is already used at line 24;"
                                + " names are unique",
                        "f:34:11: assets[1].name: asset name 'cam-asset' is already used at line 21; names are"
                                + " unique");
        assertThat(((LoadResult.Failed) result).warnings()).hasSize(1);
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumnButNotTheSourceLine() {
        LoadResult result = parse("""
                mqtt:
                  url: tcp://broker:1883
                  password: hunter2 : oops
                """);

        assertThat(lines(result))
                .containsExactly("f:3:21: (top level): YAML syntax error: mapping values are not allowed here");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereTheScannerGaveUp() {
        assertThat(lines(parse("mqtt:\n  url: \"tcp://broker\n")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith(
                                "f:3:1: (top level): YAML syntax error: while scanning a quoted scalar; found unexpected"
                                        + " end of stream"));
    }

    @Test
    void emptyFilesListsAndExtraDocumentsAreErrors() {
        assertThat(lines(parse("# nothing but a comment\n")))
                .containsExactly("f:1:1: (top level): the file holds no settings (it is empty or only comments)");
        assertThat(lines(parse("- mqtt\n- devices\n")))
                .containsExactly("f:1:1: (top level): the top level must be a mapping of sections (mqtt, devices,"
                        + " assets, …), found a list");
        assertThat(lines(parse("server: { port: 1 }\n---\nserver: { port: 2 }\n")))
                .containsExactly(
                        "f:3:1: (top level): only one YAML document is read; remove the '---' and what" + " follows");
    }

    @Test
    void aKeyWrittenTwiceIsAnError() {
        assertThat(lines(parse("""
                server:
                  port: 8090
                  port: 8091
                """)))
                .containsExactly("f:3:3: server.port: key 'port' is written twice in this mapping (first at line 2);"
                        + " remove one");
    }

    @Test
    void mqttDestinationsNeedTheMqttSectionAndChannelsNeedTheServer() {
        LoadResult result = parse("""
                devices: [ { name: cam, endpoint: "http://cam/events" } ]
                channels: [ { id: alerts } ]
                assets:
                  - name: a
                    device: cam
                    events:
                      - name: A
                        destinations: [ { target: Mqtt, configuration: { topic: a } } ]
                      - name: B
                        destinations: [ { target: Mqtt, configuration: { topic: b } } ]
                """);

        assertThat(lines(result))
                .containsExactly(
                        "f:2:11: channels: channels are served by the hub, which needs server: { port: … }",
                        "f:8:56: assets[0].events[0].destinations[0].configuration: this publishes to MQTT, but the"
                                + " file has no mqtt section (1 more place does too); add mqtt: { url: tcp://host:1883 }"
                                + " or url: embedded");
    }

    @Test
    void referencesThatCannotResolveNameTheVariableOrTheReference() {
        LoadResult result = parse("""
                mqtt:
                  url: tcp://broker:1883
                  username: ${env:MQTT_USER}
                  password: ${ENV:MQTT_PASSWORD}
                  clientId: "bridge-${env:POD"
                server: { port: "${env:PORT}" }
                """);

        assertThat(lines(result))
                .containsExactly(
                        "f:3:13: mqtt.username: environment variable MQTT_USER is not set",
                        "f:4:13: mqtt.password: unknown reference '${ENV:MQTT_PASSWORD}'; write ${env:NAME} or"
                                + " ${file:PATH} ($${ for a literal ${)",
                        "f:5:13: mqtt.clientId: '${' is not closed; write ${env:NAME} or ${file:PATH} ($${ for a"
                                + " literal ${)",
                        "f:6:17: server.port: environment variable PORT is not set");
    }

    @Test
    void aReferenceResolvesInAnyValueAndADollarDollarIsLiteral() {
        ConfigEnvironment env =
                ConfigEnvironment.of(java.util.Map.of("PORT", "9000", "HOST", "broker.local"), java.util.Map.of(), "h");
        ConnectorConfig config = parse("""
                mqtt: { url: "tcp://${env:HOST}:1883", clientId: "literal-$${env:HOST}" }
                server: { port: "${env:PORT}" }
                """, env).orThrow();

        assertThat(config.mqtt().orElseThrow().url().host()).isEqualTo("broker.local");
        assertThat(config.mqtt().orElseThrow().clientId()).isEqualTo("literal-${env:HOST}");
        assertThat(config.server().orElseThrow().port()).isEqualTo(9000);
    }

    @Test
    void qos2WithACleanSessionIsWarnedAboutAndAPersistentSessionIsNot() {
        String routes = """
                devices: [ { name: cam, endpoint: http://cam/events } ]
                assets:
                  - name: a
                    device: cam
                    events: [ { name: e, eventNotifier: "*", destinations: [ { target: Mqtt, configuration: { topic: t, qos: 2 } } ] } ]
                """;

        assertThat(lines(parse("mqtt: { url: tcp://broker:1883 }\n" + routes)))
                .containsExactly("f:1:7: mqtt: warning: a destination publishes at QoS 2, which the MQTT client counts"
                        + " as delivered at PUBREC: with a clean session a broker restart can lose a message; set"
                        + " cleanStart: false and sessionExpiry (say 1h), or use QoS 1");
        assertThat(lines(parse("mqtt: { url: tcp://broker:1883, cleanStart: false, sessionExpiry: 1h }\n" + routes)))
                .isEmpty();
    }

    @Test
    void tuningMistakesAreReplacedByDefaultsWithAWarning() {
        LoadResult result = parse("""
                shutdownTimeout: 0s
                stats: { interval: 0 }
                mqtt: { url: tcp://broker:1883, connectTimeout: 0ms, cleanStart: false }
                devices:
                  - name: cam
                    endpoint: http://cam/events
                    readTimeout: 0s
                    reconnect: { initialDelay: 0s, maxDelay: 500ms }
                    maxEventSize: 0
                    buffer: { maxEvents: 0, maxBytes: 512KiB }
                assets:
                  - { name: a, device: cam }
                """);

        assertThat(lines(result))
                .containsExactly(
                        "f:1:18: shutdownTimeout: warning: shutdownTimeout 0s would leave no time to drain in-flight"
                                + " deliveries; using 10s",
                        "f:2:20: stats.interval: warning: interval 0s would print statistics without pause; using 1m",
                        "f:3:49: mqtt.connectTimeout: warning: connectTimeout 0s would fail every connect; using 10s",
                        "f:3:66: mqtt.cleanStart: warning: with cleanStart: false and no sessionExpiry the broker"
                                + " drops the session when the connection ends; set sessionExpiry to keep it",
                        "f:7:18: devices[0].readTimeout: warning: readTimeout 0s would reconnect before any byte could"
                                + " arrive; using 1m",
                        "f:8:32: devices[0].reconnect.initialDelay: warning: initialDelay 0s would reconnect in a tight"
                                + " loop; using 1s",
                        "f:8:46: devices[0].reconnect.maxDelay: warning: maxDelay 500ms is below initialDelay 1s;"
                                + " using 1s",
                        "f:9:19: devices[0].maxEventSize: warning: maxEventSize 0 would reject every event; using 1MiB",
                        "f:10:26: devices[0].buffer.maxEvents: warning: maxEvents 0 would hold no event at all; using"
                                + " 10000",
                        "f:10:39: devices[0].buffer.maxBytes: warning: maxBytes 512KiB is below maxEventSize 1MiB, so"
                                + " a large event could never wait; using 1MiB",
                        "f:12:5: assets[0]: warning: this asset routes nothing: add events or defaultDestinations");
        ConnectorConfig config = result.orThrow();
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.stats()).isEqualTo(StatsConfig.DEFAULTS);
        DeviceConfig cam = config.devices().get(0);
        assertThat(cam.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(cam.reconnect().initialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cam.reconnect().maxDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cam.buffer().maxEvents()).isEqualTo(10_000);
        assertThat(cam.buffer().maxBytes()).isEqualTo(1 << 20);
    }

    @Test
    void aDeviceNoAssetReadsIsAWarning() {
        assertThat(lines(parse("""
                devices: [ { name: lonely, endpoint: "http://x/events" } ]
                """)))
                .containsExactly("f:1:20: devices[0].name: warning: no asset reads device 'lonely': every event it"
                        + " sends will be unmatched");
    }

    @Test
    void aioFormsThatContradictEachOtherAreErrors() {
        LoadResult result = parse("""
                devices:
                  - name: cam
                    endpoint: http://cam/events
                    endpoints: { inbound: { a: { address: http://cam/events } } }
                  - name: cam-2
                    endpoints:
                      inbound:
                        a: { address: http://cam-2/a }
                        b: { address: http://cam-2/b }
                  - name: cam-3
                    endpoints: { inbound: { a: { adress: http://cam-3/a } } }
                assets:
                  - name: a
                    device: cam
                    events:
                      - { name: A, eventNotifier: A, event_notifier: A, destinations: [] }
                    event_groups:
                      - name: g
                        data_source: G
                        events: [ { name: B, destinations: [] } ]
                        colour: blue
                """);

        assertThat(lines(result))
                .containsExactly(
                        "f:4:5: devices[0].endpoints: give either endpoint or endpoints.inbound, not both",
                        "f:8:9: devices[1].endpoints.inbound: a device has one SSE endpoint, but endpoints.inbound"
                                + " names 2 (a, b); make each one a device",
                        "f:11:32: devices[2].endpoints.inbound.a.address: required key 'address' is missing",
                        "f:11:34: devices[2].endpoints.inbound.a.adress: unknown key 'adress'; did you mean"
                                + " 'address'?",
                        "f:16:38: assets[0].events[0].event_notifier: the event type is given twice (eventNotifier at"
                                + " line 16 and event_notifier); keep one",
                        "f:21:9: assets[0].event_groups[0].colour: unknown key 'colour'");
    }

    @Test
    void eventGroupsTakeTheGroupsDataSourceAsTheDefaultEventType() {
        ConnectorConfig config = parse("""
                devices: [ { name: cam, endpoint: "http://cam/events" } ]
                assets:
                  - name: a
                    device: cam
                    eventGroups:
                      - name: g
                        dataSource: ALERT
                        events:
                          - { name: from-group, destinations: [] }
                          - { name: own, dataSource: OWN, destinations: [] }
                """).orThrow();

        assertThat(config.assets().get(0).events())
                .extracting(e -> e.name() + "=" + e.eventNotifier())
                .containsExactly("from-group=ALERT", "own=OWN");
    }

    @Test
    void badValuesOfEveryOtherKind() {
        LoadResult result = parse("""
                mqtt: { url: "mqtts://broker", version: 3, password: p, tls: { certFile: /nope/cert.pem } }
                devices:
                  - name: "cam 1"
                    endpoint: http://cam/events
                    buffer: { overflow: drop-newest, spillBytes: 1PB }
                    tls: { caFile: /nope/ca.pem }
                    headers: { "Bad Header": x }
                server: { port: 70000 }
                channels:
                  - id: "a/b"
                  - id: ok
                    subscribe: { auth: { headers: { Authorization: { type: regex, value: "Bearer (" } } } }
                    publish: { auth: { headers: { Authorization: { type: startsWith, value: x } } } }
                assets:
                  - name: a
                    device: "cam 1"
                    events:
                      - name: A
                        validation: enforce
                        destinations:
                          - { target: Mqtt, configuration: { topic: "a/+/b", qos: Qos3, retain: maybe, ttl: 0 } }
                          - { target: Mqtt, configuration: { topic: "$SYS/x", qos: 1.5 } }
                          - { target: Http, configuration: { url: "not a url" } }
                          - { target: Mqtt }
                """);

        assertThat(lines(result))
                .containsExactly(
                        "f:1:54: mqtt.password: MQTT 3.1.1 sends a password only with a username; add username",
                        "f:1:74: mqtt.tls.certFile: cannot read file /nope/cert.pem (missing, unreadable or not a"
                                + " file)",
                        "f:1:74: mqtt.tls.certFile: certFile and keyFile go together (the client certificate and its"
                                + " private key)",
                        "f:3:11: devices[0].name: a device name is letters, digits, '.', '_' and '-', starting with"
                                + " a letter or digit (it is used in topics and file names), found 'cam 1'",
                        "f:5:25: devices[0].buffer.overflow: expected one of block or drop-oldest, found"
                                + " 'drop-newest'",
                        "f:5:50: devices[0].buffer.spillBytes: '1PB' is not a size; write it like 1048576, 512KiB,"
                                + " 64MiB or 1GiB",
                        "f:6:10: devices[0].tls: tls applies to https:// endpoints, but endpoint is http://",
                        "f:6:20: devices[0].tls.caFile: cannot read file /nope/ca.pem (missing, unreadable or not a"
                                + " file)",
                        "f:7:16: devices[0].headers[\"Bad Header\"]: 'Bad Header' is not a valid header name",
                        "f:8:17: server.port: port must be 0..65535 (0: any free port), found '70000'",
                        "f:10:9: channels[0].id: a channel id is letters, digits, '.', '_' and '-' (it is a URL path"
                                + " segment)",
                        "f:12:74: channels[1].subscribe.auth.headers.Authorization.value: not a valid regular"
                                + " expression: Unclosed group at index 8",
                        "f:13:58: channels[1].publish.auth.headers.Authorization.type: expected one of equals, prefix"
                                + " or regex, found 'startsWith'",
                        "f:19:21: assets[0].events[0].validation: validation: enforce sends invalid payloads to a"
                                + " deadLetterTopic; set one on the event or its asset",
                        "f:21:53: assets[0].events[0].destinations[0].configuration.topic: a topic to publish to"
                                + " cannot hold the wildcards + or #",
                        "f:21:67: assets[0].events[0].destinations[0].configuration.qos: qos must be 0, 1 or 2 (or"
                                + " Qos0, Qos1, Qos2), found 'Qos3'",
                        "f:21:81: assets[0].events[0].destinations[0].configuration.retain: expected true, false,"
                                + " Keep or Never, found 'maybe'",
                        "f:21:93: assets[0].events[0].destinations[0].configuration.ttl: warning: ttl 0s would expire"
                                + " every message at once; sending without an expiry",
                        "f:22:53: assets[0].events[0].destinations[1].configuration.topic: topics starting with '$'"
                                + " are reserved by the broker",
                        "f:22:68: assets[0].events[0].destinations[1].configuration.qos: '1.5' is not a whole number",
                        "f:23:51: assets[0].events[0].destinations[2].configuration.url: 'not a url' is not a URL"
                                + " (Illegal character in path)",
                        "f:24:13: assets[0].events[0].destinations[3].configuration: required key 'configuration' is"
                                + " missing");
    }

    @Test
    void orThrowCarriesEveryError() {
        LoadResult result = parse("server: { port: -1, hots: x }\n");

        assertThatThrownBy(result::orThrow)
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.errors()).hasSize(2))
                .hasMessageStartingWith(
                        "<config>:1:17: server.port: port must be 0..65535 (0: any free port)," + " found '-1'")
                .hasMessageEndingWith("(and 1 more)");
    }

    @Test
    void aMissingFileIsOneProblemWithoutALine() {
        LoadResult result = ConfigLoader.with(EMPTY_ENV).load(TestConfigs.DIR.resolve("no-such-file.yaml"));

        assertThat(result.problems()).containsExactly(Problem.error("", 0, 0, "cannot read the file (no such file)"));
        assertThat(result.problems().get(0).format("x.yaml")).isEqualTo("x.yaml: cannot read the file (no such file)");
    }

    @Test
    void problemsAreSortedByPositionWhateverTheSectionOrder() {
        List<String> lines = lines(parse("""
                assets: [ { name: a, device: ghost, defaultDestinations: [ { target: Stdout } ] } ]
                devices: [ { name: cam, endpoint: "ftp://x" } ]
                """));

        assertThat(lines)
                .containsExactly(
                        "f:1:30: assets[0].device: device 'ghost' is not configured under devices; configured: cam",
                        "f:2:35: devices[0].endpoint: 'ftp://x' is not an http:// or https:// URL");
    }
}
