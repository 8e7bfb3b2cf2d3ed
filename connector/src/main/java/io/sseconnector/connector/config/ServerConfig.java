package io.sseconnector.connector.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP server for the hub ({@code /sse/{channel}}, {@code /publish/{channel}}) and the admin
 * endpoints ({@code /health}, {@code /ready}, {@code /metrics}, {@code /stats}, {@code /schemas}).
 * Secure by default: it listens on loopback unless {@code host} says otherwise.
 *
 * @param host the address to bind; {@link #DEFAULT_HOST} when not written
 * @param port 0..65535 (0: any free port)
 * @param token {@code auth.token}: when set, {@code /stats}, {@code /schemas} and {@code /metrics}
 *     answer only requests with {@code Authorization: Bearer TOKEN} ({@code /health} and {@code
 *     /ready} stay open for probes)
 */
public record ServerConfig(String host, int port, Optional<Secret> token) {
    /** Loopback: other machines reach the endpoints only when the file says so. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Objects.requireNonNull(token, "token");
    }

    /** No token. */
    public ServerConfig(String host, int port) {
        this(host, port, Optional.empty());
    }

    /** {@link #DEFAULT_HOST}, no token. */
    public static ServerConfig of(int port) {
        return new ServerConfig(DEFAULT_HOST, port);
    }

    public ServerConfig withToken(Secret value) {
        return new ServerConfig(host, port, Optional.of(value));
    }
}
