package io.sseconnector.connector.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import io.sseconnector.client.TlsFiles;
import io.sseconnector.client.testing.ScriptedResponse;
import io.sseconnector.client.testing.ScriptedSseServer;
import io.sseconnector.client.testing.TestPki;
import io.sseconnector.connector.config.ConfigLoader;
import io.sseconnector.connector.testing.LogCapture;
import io.sseconnector.connector.testing.MqttRecorder;
import io.sseconnector.connector.testing.PrivateMosquitto;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bridge against a Mosquitto of the test's own with a generated CA: TLS with a CA file, mutual
 * TLS with a PKCS#8 client key, and user name/password; each refusal is logged clearly, delivers
 * nothing and keeps the bridge not ready.
 */
class BridgeTlsAuthTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a refused bridge is watched: several of its reconnect attempts. */
    private static final Duration REFUSED_FOR = Duration.ofSeconds(3);

    private static final String USER = "bridge";
    private static final String PASSWORD = "s3cret-Pa55word";

    @TempDir
    static Path pkiDir;

    @TempDir
    static Path otherPkiDir;

    /** The broker's CA, server certificate and the bridge's client certificate. */
    static TestPki pki;
    /** A CA that did not sign the broker's certificate. */
    static TestPki otherPki;

    @TempDir
    Path dir;

    private final String prefix = "test/" + UUID.randomUUID();
    private final List<AutoCloseable> closeLater = new ArrayList<>();
    private ScriptedSseServer source;
    private LogCapture logs;

    @BeforeAll
    static void makePki() throws Exception {
        pki = TestPki.create(pkiDir);
        otherPki = TestPki.create(otherPkiDir);
    }

    @BeforeEach
    void start() throws Exception {
        source = ScriptedSseServer.start();
        source.enqueue(ScriptedResponse.sse()
                .chunk("event: ALERT\nid: 7\ndata: {\"alert\":7}\n\n")
                .thenHang());
        logs = LogCapture.open();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
        source.close();
        logs.close();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeLater.add(resource);
        return resource;
    }

    private PrivateMosquitto broker(String config) throws Exception {
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        return closing(PrivateMosquitto.start(brokerDir, config));
    }

    private PrivateMosquitto tlsBroker(boolean requireCertificate) throws Exception {
        return broker(PrivateMosquitto.tls(pki.caPem(), pki.serverCertPem(), pki.serverKeyPem(), requireCertificate)
                + "allow_anonymous true\n");
    }

    /** The bridge from YAML, as `run -c` builds it; {@code mqtt} holds the lines under {@code mqtt:}. */
    private Bridge bridge(String mqtt) {
        String yaml = "mqtt:\n" + mqtt.indent(2)
                + "  clientId: bridge-" + UUID.randomUUID() + "\n"
                + "state: { dir: \"" + dir.resolve("state") + "\" }\n"
                + "shutdownTimeout: 500ms\n" // refused bridges never drain their buffer
                + "devices:\n"
                + "  - name: camera-01\n"
                + "    endpoint: " + source.url("/events") + "\n"
                + "    reconnect: { initialDelay: 50ms, maxDelay: 1s }\n"
                + "assets:\n"
                + "  - name: camera-asset\n"
                + "    device: camera-01\n"
                + "    events:\n"
                + "      - name: everything\n"
                + "        eventNotifier: \"*\"\n"
                + "        destinations:\n"
                + "          - target: Mqtt\n"
                + "            configuration: { topic: \"" + prefix + "/{device}/{event}\", qos: 1 }\n";
        Bridge bridge =
                closing(BridgeFactory.create(ConfigLoader.system().parse(yaml).orThrow()));
        bridge.start();
        return bridge;
    }

    private MqttRecorder subscriber(int port, UnaryOperator<Mqtt5ClientBuilder> setup) throws Exception {
        return closing(MqttRecorder.subscribe("127.0.0.1", port, prefix + "/#", setup));
    }

    /** A subscriber that trusts the test CA and, for mutual TLS, shows the client certificate. */
    private static UnaryOperator<Mqtt5ClientBuilder> tls(boolean clientCertificate) {
        return builder -> builder.sslConfig()
                .trustManagerFactory(TlsFiles.trustManagers(pki.caPem()))
                .keyManagerFactory(
                        clientCertificate ? TlsFiles.keyManagers(pki.clientCertPem(), pki.clientKeyPem(), null) : null)
                .applySslConfig();
    }

    private static UnaryOperator<Mqtt5ClientBuilder> credentials() {
        return builder -> builder.simpleAuth()
                .username(USER)
                .password(PASSWORD.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth();
    }

    private static String path(Path file) {
        return "\"" + file.toAbsolutePath() + "\"";
    }

    private static void assertDelivered(MqttRecorder subscriber, Bridge bridge) throws InterruptedException {
        MqttRecorder.Message message = subscriber.take(1, WAIT).get(0);
        assertThat(message.topic()).endsWith("/camera-01/ALERT");
        assertThat(message.text()).isEqualTo("{\"alert\":7}");
        await().atMost(WAIT).until(bridge::isReady);
        assertThat(bridge.brokerConnected()).isTrue();
    }

    /** The event was read from the device, yet never reaches the broker and the bridge stays not ready. */
    private static void assertNothingDelivered(MqttRecorder subscriber, Bridge bridge) {
        await().atMost(WAIT).until(() -> bridge.stats().snapshot().received() == 1);
        await().during(REFUSED_FOR)
                .atMost(REFUSED_FOR.plusSeconds(5))
                .until(() -> !bridge.brokerConnected()
                        && !bridge.isReady()
                        && bridge.stats().snapshot().delivered() == 0);
        assertThat(subscriber.drain()).isEmpty();
        assertThat(bridge.devices().get(0).buffered()).isEqualTo(1);
    }

    @Test
    void mqttsWithTheBrokersCaFileDeliversToASubscriberOnTheTlsListener() throws Exception {
        PrivateMosquitto broker = tlsBroker(false);
        MqttRecorder subscriber = subscriber(broker.port(), tls(false));

        Bridge bridge = bridge(
                "url: mqtts://127.0.0.1:" + broker.port() + "\n" + "tls: { caFile: " + path(pki.caPem()) + " }\n");

        assertDelivered(subscriber, bridge);
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsRefusedWithAClearErrorAndNothingIsDelivered() throws Exception {
        PrivateMosquitto broker = tlsBroker(false);
        MqttRecorder subscriber = subscriber(broker.port(), tls(false));
        String url = "mqtts://127.0.0.1:" + broker.port();

        Bridge bridge = bridge("url: " + url + "\n" + "tls: { caFile: " + path(otherPki.caPem()) + " }\n");

        String line = logs.await(l -> l.startsWith("WARN") && l.contains(url), WAIT);
        assertThat(line)
                .contains("cannot connect to " + url)
                .contains("TLS failed")
                .contains("not signed by a CA in mqtt.tls.caFile");
        assertNothingDelivered(subscriber, bridge);
    }

    @Test
    void mutualTlsWithAClientCertificateAndPkcs8KeyDelivers() throws Exception {
        PrivateMosquitto broker = tlsBroker(true);
        MqttRecorder subscriber = subscriber(broker.port(), tls(true));

        Bridge bridge = bridge("url: mqtts://127.0.0.1:" + broker.port() + "\n"
                + "tls: { caFile: " + path(pki.caPem()) + ", certFile: " + path(pki.clientCertPem())
                + ", keyFile: " + path(pki.clientKeyPem()) + " }\n");

        assertDelivered(subscriber, bridge);
    }

    @Test
    void mutualTlsWithAnEncryptedPkcs8KeyAndItsKeyPasswordDelivers() throws Exception {
        PrivateMosquitto broker = tlsBroker(true);
        MqttRecorder subscriber = subscriber(broker.port(), tls(true));
        Path passwordFile = Files.writeString(dir.resolve("key-password"), TestPki.PASSWORD + "\n");

        Bridge bridge = bridge("url: mqtts://127.0.0.1:" + broker.port() + "\n"
                + "tls:\n"
                + "  caFile: " + path(pki.caPem()) + "\n"
                + "  certFile: " + path(pki.clientCertPem()) + "\n"
                + "  keyFile: " + path(pki.clientEncryptedKeyPem()) + "\n"
                + "  keyPassword: ${file:" + passwordFile.toAbsolutePath() + "}\n");

        assertDelivered(subscriber, bridge);
    }

    @Test
    void aWrongKeyPasswordStopsTheBridgeAtStartNamingTheKeyButNeverThePassword() {
        String wrong = "not-the-key-Pa55word";
        String yaml = "mqtt:\n"
                + "  url: mqtts://127.0.0.1:8883\n"
                + "  tls: { caFile: " + path(pki.caPem()) + ", certFile: " + path(pki.clientCertPem())
                + ", keyFile: " + path(pki.clientEncryptedKeyPem()) + ", keyPassword: " + wrong + " }\n"
                + "state: { dir: \"" + dir.resolve("state") + "\" }\n"
                + "devices: [ { name: cam, endpoint: " + source.url("/events") + " } ]\n"
                + "assets: [ { name: a, device: cam, defaultDestinations: [ { target: Mqtt,"
                + " configuration: { topic: t } } ] } ]\n";
        var config = ConfigLoader.system().parse(yaml).orThrow();

        assertThatThrownBy(() -> BridgeFactory.create(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pki.clientEncryptedKeyPem().toString())
                .hasMessageContaining("wrong password")
                .message()
                .doesNotContain(wrong);
    }

    @Test
    void aBrokerRequiringAClientCertificateRefusesABridgeWithoutOne() throws Exception {
        PrivateMosquitto broker = tlsBroker(true);
        MqttRecorder subscriber = subscriber(broker.port(), tls(true));
        String url = "mqtts://127.0.0.1:" + broker.port();

        Bridge bridge = bridge("url: " + url + "\n" + "tls: { caFile: " + path(pki.caPem()) + " }\n");

        assertThat(logs.await(l -> l.startsWith("WARN") && l.contains(url), WAIT))
                .contains("cannot connect to " + url);
        assertNothingDelivered(subscriber, bridge);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void usernameAndPasswordFromAFileAreAccepted(int version) throws Exception {
        PrivateMosquitto broker = broker(PrivateMosquitto.passwordOnly(dir, USER, PASSWORD));
        MqttRecorder subscriber = subscriber(broker.port(), credentials());
        Path passwordFile = Files.writeString(dir.resolve("mqtt-password"), PASSWORD + "\n");

        Bridge bridge = bridge("url: tcp://127.0.0.1:" + broker.port() + "\n"
                + "version: " + version + "\n"
                + "username: " + USER + "\n"
                + "password: ${file:" + passwordFile.toAbsolutePath() + "}\n");

        assertDelivered(subscriber, bridge);
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {3, 5})
    void aWrongPasswordIsReportedWithTheBrokerAndReasonButNeverThePassword(int version) throws Exception {
        PrivateMosquitto broker = broker(PrivateMosquitto.passwordOnly(dir, USER, PASSWORD));
        MqttRecorder subscriber = subscriber(broker.port(), credentials());
        String url = "tcp://127.0.0.1:" + broker.port();
        String wrong = "not-the-Pa55word";

        Bridge bridge = bridge("url: " + url + "\n"
                + "version: " + version + "\n"
                + "username: " + USER + "\n"
                + "password: " + wrong + "\n");

        String line = logs.await(l -> l.startsWith("WARN") && l.contains(url), WAIT);
        assertThat(line)
                .contains("cannot connect to " + url)
                .containsPattern("refused the connection: (NOT_AUTHORIZED|BAD_USER_NAME_OR_PASSWORD)")
                .contains("check mqtt.username and mqtt.password");
        assertNothingDelivered(subscriber, bridge);
        assertThat(String.join("\n", logs.lines())).doesNotContain(wrong).doesNotContain(PASSWORD);
    }

    @Test
    void aBrokerThatNeverAnswersIsReportedAfterTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            String url = "tcp://127.0.0.1:" + silent.getLocalPort();

            Bridge bridge = bridge("url: " + url + "\n" + "connectTimeout: 500ms\n");

            // The default (60 s) would keep the first attempt pending far beyond this wait.
            assertThat(logs.await(l -> l.startsWith("WARN") && l.contains(url), Duration.ofSeconds(10)))
                    .contains("cannot connect to " + url);
            assertThat(bridge.brokerConnected()).isFalse();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
