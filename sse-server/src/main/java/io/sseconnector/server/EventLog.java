package io.sseconnector.server;

import io.sseconnector.core.SseEvent;
import io.sseconnector.server.internal.RingEventLog;
import java.util.List;

/**
 * One stream of events and its subscribers: a device's stream in the simulator, a channel in the
 * hub. Every subscriber sees the same events with the same ids.
 *
 * <p>The log numbers its events 1, 2, 3… (the SSE {@code id}), encodes each one once, keeps the last
 * {@code historySize} encoded events, and writes the same bytes to every subscriber. A subscriber
 * that is too far behind is disconnected (counted and logged) so that it never holds up the others;
 * it can resume by id.
 *
 * <p>How a subscriber's last event id picks where its stream starts:
 *
 * <ul>
 *   <li>{@code ""} (none): live events only;
 *   <li>an id this log issued and still keeps (or the one just before the oldest kept): the events
 *       after it, then live ones, with no gap and no duplicate;
 *   <li>an id older than the history: every kept event (the ones in between are lost);
 *   <li>anything else (a number above the newest id, or not a number): an id from an earlier run of
 *       the stream or from another server, so every kept event is news to the client: all of them.
 *       Bounded by the history; the at-least-once choice.
 * </ul>
 *
 * <p>Thread-safe: publish from any thread. Subscribers attach through {@link Response#sse}.
 */
public interface EventLog extends AutoCloseable {
    /** The default history: the last 1,000 events. */
    int DEFAULT_HISTORY_SIZE = 1_000;

    /**
     * @param name names the log in log lines
     * @param historySize how many of the latest events are kept for resumes (at least 1)
     */
    static EventLog create(String name, int historySize) {
        return new RingEventLog(name, historySize);
    }

    String name();

    /**
     * Numbers, encodes, keeps and sends one event. The event's own {@code lastEventId} is ignored:
     * the log assigns the id.
     *
     * @return the id given to the event
     * @throws IllegalStateException the log is closed
     */
    default long publish(SseEvent event) {
        return publish(List.of(event));
    }

    /**
     * Publishes a batch: one write task per event loop and one flush per subscriber, the way to
     * sustain high rates.
     *
     * @return the id given to the last event ({@link #lastId()} when the batch is empty)
     */
    long publish(List<SseEvent> events);

    /** The newest id issued, 0 before the first event. */
    long lastId();

    EventLogStats stats();

    /** Drops the history. Connections are the server's: they end when it closes. Idempotent. */
    @Override
    void close();
}
