package io.sseconnector.connector.destination.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.reactivex.schedulers.Schedulers;
import io.sseconnector.client.TlsFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT client connection (3.1.1 or 5) shared by every MQTT destination: connects in the
 * background, reconnects by itself, and tells listeners when it is up again so that waiting
 * deliveries resume. Publishes complete when the broker acknowledged them.
 */
public final class MqttConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    /** A broker that keeps refusing in the same way is logged again every this many attempts (~1 min). */
    static final int REPORT_EVERY = 12;

    private static final MqttUtf8String JSON = MqttUtf8String.of("application/json");
    private static final MqttUtf8String TEXT = MqttUtf8String.of("text/plain");

    private final MqttSettings settings;
    private final Mqtt5AsyncClient v5;
    private final Mqtt3AsyncClient v3;
    private final List<Runnable> onConnected = new CopyOnWriteArrayList<>();
    private final AtomicLong disconnects = new AtomicLong();
    private volatile boolean connected;
    private volatile boolean closed;
    /** Failed connects since the last success: only the lifecycle listeners, one at a time, touch these. */
    private int failedAttempts;

    private String lastFailure;

    public MqttConnection(MqttSettings settings) {
        this.settings = settings;
        long connectTimeoutMs = settings.connectTimeout().toMillis();
        var transport = MqttClientTransportConfig.builder()
                .serverHost(settings.host())
                .serverPort(settings.port())
                .socketConnectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                .mqttConnectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS);
        if (settings.tls()) {
            transport = transport
                    .sslConfig()
                    .trustManagerFactory(TlsFiles.trustManagers(settings.caFile()))
                    .keyManagerFactory(
                            settings.certFile() == null
                                    ? null
                                    : TlsFiles.keyManagers(
                                            settings.certFile(), settings.keyFile(), settings.keyPassword()))
                    .handshakeTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                    .applySslConfig();
        }
        MqttClientBuilder builder = MqttClient.builder()
                .identifier(settings.clientId())
                .transportConfig(transport.build())
                // Acknowledgements complete on the client's I/O thread instead of being handed to
                // RxJava's computation pool: one thread wake-up less per publish, which at the rates
                // devices send costs more CPU than the rest of the delivery. The trap: nothing that
                // completes from a publish or connect future may block (no get()/join() inside).
                .executorConfig()
                .applicationScheduler(Schedulers.trampoline())
                .applyExecutorConfig()
                .automaticReconnect()
                .initialDelay(200, TimeUnit.MILLISECONDS)
                .maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(context -> onConnected())
                .addDisconnectedListener(this::onDisconnected);
        if (settings.version() == 5) {
            var v5Builder = builder.useMqttVersion5();
            if (settings.username() != null) {
                v5Builder = v5Builder
                        .simpleAuth()
                        .username(settings.username())
                        .password(bytes(settings.password()))
                        .applySimpleAuth();
            }
            this.v5 = v5Builder.buildAsync();
            this.v3 = null;
        } else {
            var v3Builder = builder.useMqttVersion3();
            if (settings.username() != null) {
                v3Builder = v3Builder
                        .simpleAuth()
                        .username(settings.username())
                        .password(bytes(settings.password()))
                        .applySimpleAuth();
            }
            this.v3 = v3Builder.buildAsync();
            this.v5 = null;
        }
    }

    /** Starts connecting; the future completes on the first successful connect. */
    public CompletableFuture<Void> connect() {
        LOG.info("MQTT: connecting to {} as {} (MQTT {})", settings.url(), settings.clientId(), versionText());
        CompletableFuture<?> connack;
        if (v5 != null) {
            connack = v5.connectWith()
                    .cleanStart(settings.cleanStart())
                    .sessionExpiryInterval(settings.sessionExpiry().toSeconds())
                    .keepAlive((int) settings.keepAlive().toSeconds())
                    .send();
        } else {
            connack = v3.connectWith()
                    .cleanSession(settings.cleanStart())
                    .keepAlive((int) settings.keepAlive().toSeconds())
                    .send();
        }
        return connack.thenApply(ack -> null);
    }

    /** Runs {@code listener} each time the connection is (re-)established. */
    public void onConnected(Runnable listener) {
        onConnected.add(listener);
    }

    public boolean isConnected() {
        return connected;
    }

    /** How many times the connection was lost since start. */
    public long disconnects() {
        return disconnects.get();
    }

    public MqttSettings settings() {
        return settings;
    }

    /**
     * Publishes one message; completes when acknowledged for its QoS, exceptionally when the broker
     * refused it or the connection dropped before the acknowledgement. Failures that a retry cannot
     * fix complete it with {@link io.sseconnector.connector.destination.Undeliverable}.
     *
     * @param json the content type (MQTT 5): {@code application/json}, else {@code text/plain}
     * @param userProperties MQTT 5 only; {@code null} with MQTT 3.1.1
     */
    public CompletableFuture<Void> publish(
            MqttTopic topic,
            byte[] payload,
            MqttQos qos,
            boolean retain,
            Duration ttl,
            boolean json,
            Mqtt5UserProperties userProperties) {
        // One future for the caller, completed by one callback: the client's future, a check of the
        // result and the sorting of failures would otherwise be three more stages per message.
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            if (v5 != null) {
                Mqtt5PublishBuilder.Send.Complete<CompletableFuture<Mqtt5PublishResult>> publish = v5.publishWith()
                        .topic(topic)
                        .qos(qos)
                        .retain(retain)
                        .payload(payload)
                        .contentType(json ? JSON : TEXT)
                        .userProperties(userProperties);
                if (ttl != null) {
                    publish = publish.messageExpiryInterval(Math.max(1, ttl.toSeconds()));
                }
                publish.send().whenComplete((result, error) -> {
                    Throwable failure =
                            error != null ? error : result.getError().orElse(null);
                    complete(done, failure);
                });
            } else {
                v3.publishWith()
                        .topic(topic)
                        .qos(qos)
                        .retain(retain)
                        .payload(payload)
                        .send()
                        .whenComplete((result, error) -> complete(done, error));
            }
        } catch (RuntimeException e) {
            done.completeExceptionally(PublishFailures.classify(e));
        }
        return done;
    }

    private static void complete(CompletableFuture<Void> done, Throwable failure) {
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(PublishFailures.classify(failure));
        }
    }

    private void onConnected() {
        connected = true;
        int failed = failedAttempts;
        failedAttempts = 0;
        lastFailure = null;
        LOG.info(
                "MQTT: connected to {}{}",
                settings.url(),
                failed == 0 ? "" : " after " + failed + " failed attempt(s)");
        for (Runnable listener : onConnected) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("MQTT: a connected listener failed", e);
            }
        }
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        boolean wasConnected = connected;
        connected = false;
        if (closed) {
            return;
        }
        String reason = ConnectFailure.describe(context.getCause());
        String next = context.getReconnector().isReconnect()
                ? "retrying in " + context.getReconnector().getDelay(TimeUnit.MILLISECONDS) + " ms"
                : "not retrying";
        if (wasConnected) {
            disconnects.incrementAndGet();
            LOG.warn(
                    "MQTT: connection to {} lost ({}); {}; deliveries wait and resume in order on reconnect",
                    settings.url(),
                    reason,
                    next);
            return;
        }
        // A broker that keeps refusing (a wrong password, an untrusted certificate) is reported at
        // the first attempt, whenever the reason changes, and then every REPORT_EVERY attempts.
        int attempt = ++failedAttempts;
        boolean report = !reason.equals(lastFailure) || attempt % REPORT_EVERY == 0;
        lastFailure = reason;
        if (report) {
            LOG.warn(
                    "MQTT: cannot connect to {} as {} (attempt {}): {}; {}; events wait in the buffers",
                    settings.url(),
                    settings.clientId(),
                    attempt,
                    reason,
                    next);
        } else {
            LOG.debug("MQTT: connect to {} failed again (attempt {}): {}", settings.url(), attempt, reason);
        }
    }

    private String versionText() {
        return v5 != null ? "5" : "3.1.1";
    }

    private static byte[] bytes(String password) {
        return password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        try {
            (v5 != null ? v5.disconnect() : v3.disconnect()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("MQTT: disconnect did not complete cleanly: {}", e.toString());
        }
    }
}
