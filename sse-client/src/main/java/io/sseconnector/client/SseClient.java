package io.sseconnector.client;

import io.sseconnector.client.internal.NettySseClient;

/**
 * Opens {@link SseStream}s. One client holds the I/O threads shared by all its streams (thousands
 * of streams need only a few threads); close it to stop them all. http URLs speak HTTP/1.1; https
 * URLs offer HTTP/2 and HTTP/1.1 by ALPN and use what the server picks. Each stream has its own
 * connection.
 */
public interface SseClient extends AutoCloseable {
    /** A client with one I/O thread per core. */
    static SseClient create() {
        return create(0);
    }

    /**
     * A client with this many I/O threads ({@code 0}: one per core). Each thread serves thousands
     * of streams; listeners run on them, so a listener that blocks holds up its thread's streams.
     */
    static SseClient create(int ioThreads) {
        return new NettySseClient(ioThreads);
    }

    /** Starts connecting; signals go to {@code listener} until {@link StreamSignal.Closed} or {@link StreamSignal.Failed}. */
    SseStream open(SseClientConfig config, SseListener listener);

    /** Closes every stream and stops the I/O threads. */
    @Override
    void close();
}
