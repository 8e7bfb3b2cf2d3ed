package io.sseconnector.client;

import io.sseconnector.client.internal.NettySseClient;
import java.time.Duration;

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

    /**
     * A client with this many I/O threads ({@code 0}: one per core) that, while its streams are
     * busy, reads their sockets at most once per {@code pollInterval}: the events that arrived
     * meanwhile are read in one go, so that a thread is woken once per interval rather than once per
     * event. That costs far less CPU at a few thousand events a second and delays an event by up to
     * the interval; an idle stream's first event is read at once. {@link Duration#ZERO}: every
     * arrival is read at once, as {@link #create(int)}.
     */
    static SseClient create(int ioThreads, Duration pollInterval) {
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("pollInterval must not be negative, was " + pollInterval);
        }
        return new NettySseClient(ioThreads, pollInterval.toNanos());
    }

    /** Starts connecting; signals go to {@code listener} until {@link StreamSignal.Closed} or {@link StreamSignal.Failed}. */
    SseStream open(SseClientConfig config, SseListener listener);

    /** Closes every stream and stops the I/O threads. */
    @Override
    void close();
}
