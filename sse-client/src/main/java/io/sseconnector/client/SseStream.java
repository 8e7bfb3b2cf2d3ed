package io.sseconnector.client;

/** One logical SSE stream: a connection that is re-opened as long as the rules allow. */
public interface SseStream extends AutoCloseable {
    /** The last event id so far (initial value, then the stream's); sent as Last-Event-ID. */
    String lastEventId();

    /** Stops reading the socket until {@link #resume()}; idempotent. The idle timer is suspended. */
    void pause();

    /** Reads the socket again after {@link #pause()}; idempotent. */
    void resume();

    /** Counters of this stream. */
    SseStreamStats stats();

    /** Stops the stream for good; the listener gets {@link StreamSignal.Closed} unless it ended already. */
    @Override
    void close();
}
