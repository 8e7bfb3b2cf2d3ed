package io.sseconnector.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link HttpServer} listens and treats its connections. Immutable; derive variants with the
 * {@code with…} methods from {@link #DEFAULTS}.
 *
 * @param name names the server's threads ({@code NAME-io-N}) and its log lines
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port to bind; 0 picks a free one (see {@link HttpServer#port()})
 * @param backlog the listen backlog (the kernel caps it at {@code somaxconn})
 * @param ioThreads event-loop threads; 0 lets Netty choose (twice the cores)
 * @param maxRequestBodyBytes the largest request body accepted; larger ones get 413
 * @param keepAliveInterval an SSE connection that saw no write for this long gets a {@code :}
 *     comment line; {@link Duration#ZERO} turns keep-alive comments off
 * @param maxPendingBytes the most bytes an SSE subscriber may leave unread in the server's outbound
 *     buffer (beyond what the kernel holds); a subscriber further behind is disconnected
 */
public record ServerConfig(
        String name,
        String host,
        int port,
        int backlog,
        int ioThreads,
        int maxRequestBodyBytes,
        Duration keepAliveInterval,
        int maxPendingBytes) {
    public static final String DEFAULT_NAME = "sse-server";
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Matches this machine's {@code somaxconn}; a burst of reconnecting clients must not be refused. */
    public static final int DEFAULT_BACKLOG = 4096;

    public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_PENDING_BYTES = 1024 * 1024;

    /** Loopback, an ephemeral port, and the defaults above. */
    public static final ServerConfig DEFAULTS = new ServerConfig(
            DEFAULT_NAME,
            DEFAULT_HOST,
            0,
            DEFAULT_BACKLOG,
            0,
            DEFAULT_MAX_REQUEST_BODY_BYTES,
            DEFAULT_KEEP_ALIVE_INTERVAL,
            DEFAULT_MAX_PENDING_BYTES);

    public ServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be >= 1, was " + backlog);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0, was " + ioThreads);
        }
        if (maxRequestBodyBytes < 0) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be >= 0, was " + maxRequestBodyBytes);
        }
        if (keepAliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepAliveInterval must not be negative, was " + keepAliveInterval);
        }
        if (maxPendingBytes < 1) {
            throw new IllegalArgumentException("maxPendingBytes must be >= 1, was " + maxPendingBytes);
        }
    }

    public ServerConfig withName(String name) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes);
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes);
    }

    public ServerConfig withBacklog(int backlog) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes);
    }

    public ServerConfig withIoThreads(int ioThreads) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes);
    }

    public ServerConfig withMaxRequestBodyBytes(int maxRequestBodyBytes) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes);
    }

    public ServerConfig withKeepAliveInterval(Duration keepAliveInterval) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes);
    }

    public ServerConfig withMaxPendingBytes(int maxPendingBytes) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes);
    }
}
