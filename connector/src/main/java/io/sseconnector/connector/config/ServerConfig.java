package io.sseconnector.connector.config;

import java.util.Objects;

/**
 * The HTTP server for the hub ({@code /sse/{channel}}, {@code /publish/{channel}}) and the admin
 * endpoints ({@code /health}, {@code /ready}, {@code /metrics}, {@code /stats}).
 *
 * @param host the address to bind
 * @param port 0..65535 (0: any free port)
 */
public record ServerConfig(String host, int port) {
    public static final String DEFAULT_HOST = "0.0.0.0";

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }

    public static ServerConfig of(int port) {
        return new ServerConfig(DEFAULT_HOST, port);
    }
}
