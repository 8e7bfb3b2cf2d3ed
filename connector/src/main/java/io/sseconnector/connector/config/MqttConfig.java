package io.sseconnector.connector.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT broker the bridge publishes to.
 *
 * <p>Sessions: {@code cleanStart: true} (the default) starts a fresh session at each connect. The
 * bridge does not need the broker to remember it: unacknowledged events stay in the bridge's own
 * buffer and are published again, and after a restart the device replays from the persisted
 * {@code Last-Event-ID}. For a persistent session write {@code cleanStart: false} and, with MQTT 5,
 * a {@code sessionExpiry} (with 0 the broker drops the session when the connection ends; MQTT 3.1.1
 * keeps it until a clean connect).
 *
 * @param url the broker
 * @param version 3 (MQTT 3.1.1) or 5
 * @param clientId the client identifier; defaults to {@code sse-connector-<hostname>}
 * @param username user name, when the broker wants one
 * @param password password, resolved at load, never printed
 * @param tls TLS files for {@code mqtts://}
 * @param cleanStart start a new session at each connect (true) or resume one (false)
 * @param sessionExpiry how long the broker keeps a persistent session (MQTT 5)
 * @param keepAlive MQTT keep-alive; 0 turns it off
 * @param connectTimeout limit for TCP + TLS + CONNACK
 */
public record MqttConfig(
        MqttUrl url,
        int version,
        String clientId,
        Optional<String> username,
        Optional<Secret> password,
        Optional<TlsConfig> tls,
        boolean cleanStart,
        Duration sessionExpiry,
        Duration keepAlive,
        Duration connectTimeout) {
    public static final int DEFAULT_VERSION = 5;
    public static final boolean DEFAULT_CLEAN_START = true;
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ZERO;
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The protocol's limit on keep-alive (a 16-bit number of seconds). */
    public static final Duration MAX_KEEP_ALIVE = Duration.ofSeconds(65_535);
    /** The protocol's limit on session expiry (a 32-bit number of seconds). */
    public static final Duration MAX_SESSION_EXPIRY = Duration.ofSeconds(0xFFFF_FFFFL);

    public MqttConfig {
        Objects.requireNonNull(url, "url");
        if (version != 3 && version != 5) {
            throw new IllegalArgumentException("MQTT version must be 3 or 5, was " + version);
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        requireWithin(sessionExpiry, MAX_SESSION_EXPIRY, "sessionExpiry");
        requireWithin(keepAlive, MAX_KEEP_ALIVE, "keepAlive");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be > 0, was " + connectTimeout);
        }
    }

    /** MQTT 5 at {@code url}, a clean session, 60 s keep-alive, no credentials. */
    public static MqttConfig of(MqttUrl url, String clientId) {
        return new MqttConfig(
                url,
                DEFAULT_VERSION,
                clientId,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_CLEAN_START,
                DEFAULT_SESSION_EXPIRY,
                DEFAULT_KEEP_ALIVE,
                DEFAULT_CONNECT_TIMEOUT);
    }

    public MqttConfig withVersion(int value) {
        return new MqttConfig(
                url, value, clientId, username, password, tls, cleanStart, sessionExpiry, keepAlive, connectTimeout);
    }

    public MqttConfig withCredentials(String user, Secret pass) {
        return new MqttConfig(
                url,
                version,
                clientId,
                Optional.of(user),
                Optional.ofNullable(pass),
                tls,
                cleanStart,
                sessionExpiry,
                keepAlive,
                connectTimeout);
    }

    public MqttConfig withTls(TlsConfig value) {
        return new MqttConfig(
                url,
                version,
                clientId,
                username,
                password,
                Optional.of(value),
                cleanStart,
                sessionExpiry,
                keepAlive,
                connectTimeout);
    }

    public MqttConfig withKeepAlive(Duration value) {
        return new MqttConfig(
                url, version, clientId, username, password, tls, cleanStart, sessionExpiry, value, connectTimeout);
    }

    /** A persistent session kept by the broker for {@code expiry} after a disconnect. */
    public MqttConfig withPersistentSession(Duration expiry) {
        return new MqttConfig(
                url, version, clientId, username, password, tls, false, expiry, keepAlive, connectTimeout);
    }

    private static void requireWithin(Duration value, Duration max, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be 0.." + max.toSeconds() + "s, was " + value);
        }
    }
}
