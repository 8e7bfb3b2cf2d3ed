package io.sseconnector.client;

/**
 * Receives an {@link SseStream}'s signals in order, on the stream's I/O thread: it must not block
 * for long. A consumer that cannot keep up calls {@link SseStream#pause()} and later {@link
 * SseStream#resume()}, which stops and restarts reading the socket (the server feels the
 * backpressure), so nothing queues without bound.
 */
@FunctionalInterface
public interface SseListener {
    void onSignal(StreamSignal signal);
}
