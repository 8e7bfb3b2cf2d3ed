package io.sseconnector.connector.destination.mqtt;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the MQTT broker.
 *
 * @param url {@code tcp://host:port} or {@code mqtts://host:port} (TLS)
 * @param version 3 (MQTT 3.1.1) or 5
 * @param password may be {@code null}; never logged
 * @param caFile PEM CA bundle for TLS, or {@code null} for the JDK trust store
 * @param certFile PEM client certificate for mutual TLS, or {@code null}
 * @param keyFile PEM PKCS#8 client key, or {@code null}
 * @param keyPassword the password of an encrypted {@code keyFile}, or {@code null}; never logged
 * @param cleanStart start a new session (true) or resume a persistent one (false)
 * @param sessionExpiry how long the broker keeps a persistent session (MQTT 5)
 */
public record MqttSettings(
        URI url,
        int version,
        String clientId,
        String username,
        String password,
        Path caFile,
        Path certFile,
        Path keyFile,
        String keyPassword,
        boolean cleanStart,
        Duration sessionExpiry,
        Duration keepAlive,
        Duration connectTimeout) {

    public MqttSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clientId, "clientId");
        if (version != 3 && version != 5) {
            throw new IllegalArgumentException("MQTT version must be 3 or 5, was " + version);
        }
        if (!isTls(url) && !"tcp".equalsIgnoreCase(url.getScheme()) && !"mqtt".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("MQTT url must be tcp://, mqtt:// or mqtts://, was " + url);
        }
    }

    /** MQTT 5, a clean session, 60 s keep-alive: for tests and the demo. */
    public static MqttSettings of(URI url, String clientId) {
        return new MqttSettings(
                url,
                5,
                clientId,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                Duration.ZERO,
                Duration.ofSeconds(60),
                Duration.ofSeconds(10));
    }

    public MqttSettings withVersion(int value) {
        return new MqttSettings(
                url,
                value,
                clientId,
                username,
                password,
                caFile,
                certFile,
                keyFile,
                keyPassword,
                cleanStart,
                sessionExpiry,
                keepAlive,
                connectTimeout);
    }

    public MqttSettings withCredentials(String user, String pass) {
        return new MqttSettings(
                url,
                version,
                clientId,
                user,
                pass,
                caFile,
                certFile,
                keyFile,
                keyPassword,
                cleanStart,
                sessionExpiry,
                keepAlive,
                connectTimeout);
    }

    public MqttSettings withTls(Path ca, Path cert, Path key, String password) {
        return new MqttSettings(
                url,
                version,
                clientId,
                username,
                password,
                ca,
                cert,
                key,
                password,
                cleanStart,
                sessionExpiry,
                keepAlive,
                connectTimeout);
    }

    public boolean tls() {
        return isTls(url);
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : tls() ? 8883 : 1883;
    }

    private static boolean isTls(URI url) {
        return "mqtts".equalsIgnoreCase(url.getScheme()) || "ssl".equalsIgnoreCase(url.getScheme());
    }

    @Override
    public String toString() {
        return "MqttSettings[" + url + ", v" + version + ", clientId=" + clientId
                + (username == null ? "" : ", user=" + username) + (password == null ? "" : ", password=***") + "]";
    }
}
