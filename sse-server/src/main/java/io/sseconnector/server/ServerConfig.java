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
 * @param limits what a connection may cost before it is refused or closed
 */
public record ServerConfig(
        String name,
        String host,
        int port,
        int backlog,
        int ioThreads,
        int maxRequestBodyBytes,
        Duration keepAliveInterval,
        int maxPendingBytes,
        Limits limits) {
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
            DEFAULT_MAX_PENDING_BYTES,
            Limits.DEFAULTS);

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
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * What one client may hold of the server. Each limit that bites is counted ({@link
     * HttpServer#limitCounts()}) and logged at most once a minute, with the address and the state.
     *
     * @param requestHeadTimeout a connection that has not sent a complete request head this long
     *     after it opened (or after its previous response) is closed; {@link Duration#ZERO} turns
     *     the limit off
     * @param maxHeaderBytes the largest request head (the headers; the request line has its own cap
     *     of {@link #Limits#MAX_REQUEST_LINE_BYTES}); a larger one gets 431
     * @param maxConnections open connections, SSE and plain; one more gets 503 and is closed
     */
    public record Limits(Duration requestHeadTimeout, int maxHeaderBytes, int maxConnections) {
        public static final Duration DEFAULT_REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(10);
        public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
        public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
        /** The request line ({@code GET /path HTTP/1.1}); a longer one gets 414. */
        public static final int MAX_REQUEST_LINE_BYTES = 4 * 1024;

        public static final Limits DEFAULTS =
                new Limits(DEFAULT_REQUEST_HEAD_TIMEOUT, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_CONNECTIONS);

        public Limits {
            Objects.requireNonNull(requestHeadTimeout, "requestHeadTimeout");
            if (requestHeadTimeout.isNegative()) {
                throw new IllegalArgumentException(
                        "requestHeadTimeout must not be negative, was " + requestHeadTimeout);
            }
            if (maxHeaderBytes < 256) {
                throw new IllegalArgumentException("maxHeaderBytes must be >= 256, was " + maxHeaderBytes);
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
            }
        }

        public Limits withRequestHeadTimeout(Duration value) {
            return new Limits(value, maxHeaderBytes, maxConnections);
        }

        public Limits withMaxHeaderBytes(int value) {
            return new Limits(requestHeadTimeout, value, maxConnections);
        }

        public Limits withMaxConnections(int value) {
            return new Limits(requestHeadTimeout, maxHeaderBytes, value);
        }
    }

    public ServerConfig withName(String name) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes, limits);
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes, limits);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes, limits);
    }

    public ServerConfig withBacklog(int backlog) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes, limits);
    }

    public ServerConfig withIoThreads(int ioThreads) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes, limits);
    }

    public ServerConfig withMaxRequestBodyBytes(int maxRequestBodyBytes) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes, limits);
    }

    public ServerConfig withKeepAliveInterval(Duration keepAliveInterval) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes, limits);
    }

    public ServerConfig withMaxPendingBytes(int maxPendingBytes) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes, limits);
    }

    public ServerConfig withLimits(Limits limits) {
        return new ServerConfig(
                name, host, port, backlog, ioThreads, maxRequestBodyBytes, keepAliveInterval, maxPendingBytes, limits);
    }
}
