package io.sseconnector.client;

/**
 * Opens {@link SseStream}s. One client holds the I/O threads shared by all its streams (thousands
 * of streams need only a few threads); close it to stop them all.
 */
public interface SseClient extends AutoCloseable {
    /** A client with one I/O thread per core. */
    static SseClient create() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Starts connecting; signals go to {@code listener} until {@link StreamSignal.Closed} or {@link StreamSignal.Failed}. */
    SseStream open(SseClientConfig config, SseListener listener);

    /** Closes every stream and stops the I/O threads. */
    @Override
    void close();
}
