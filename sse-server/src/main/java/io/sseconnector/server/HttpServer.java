package io.sseconnector.server;

import io.sseconnector.server.internal.NettyHttpServer;
import java.net.InetSocketAddress;

/**
 * A running HTTP/1.1 server: full responses and long-lived SSE streams, on Netty event loops.
 * Handlers run on an event loop thread and must not block.
 */
public interface HttpServer extends AutoCloseable {
    /**
     * Binds and starts serving.
     *
     * @throws java.io.UncheckedIOException the address cannot be bound (port in use, unknown host)
     */
    static HttpServer start(ServerConfig config, Routes routes) {
        return NettyHttpServer.start(config, routes);
    }

    /** The bound address; its port is the real one when the config asked for port 0. */
    InetSocketAddress address();

    /** The bound port. */
    default int port() {
        return address().getPort();
    }

    /** Open connections right now, SSE and plain. */
    int connections();

    /** How often each limit of {@link ServerConfig#limits()} bit so far. */
    LimitCounts limitCounts();

    /**
     * Stops accepting, ends every SSE stream (cleanly, with the last chunk), closes every connection
     * and stops the event loops. Idempotent; returns when the threads are gone (or after a few
     * seconds, whichever comes first).
     */
    @Override
    void close();
}
