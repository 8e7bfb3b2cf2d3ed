package io.sseconnector.client;

import io.sseconnector.core.SkippedEvent;
import io.sseconnector.core.SseEvent;
import java.net.URI;
import java.time.Duration;

/**
 * What an {@link SseStream} tells its {@link SseListener}, in order, one at a time. {@link Closed}
 * and {@link Failed} are terminal: no further signal follows either.
 */
public sealed interface StreamSignal
        permits StreamSignal.Opened,
                StreamSignal.Event,
                StreamSignal.Skipped,
                StreamSignal.Comment,
                StreamSignal.Retrying,
                StreamSignal.Closed,
                StreamSignal.Failed {

    /**
     * A response with status 200 and {@code text/event-stream} opened the stream.
     *
     * @param uri where, after redirects; without user info, so it is safe to print
     */
    record Opened(int status, URI uri, String contentType) implements StreamSignal {}

    /** An event that passed the type filter. */
    record Event(SseEvent event) implements StreamSignal {}

    /**
     * An event the parser discarded because it crossed a limit of {@link SseClientConfig#limits()}
     * (say a 5 MiB event against the default 1 MiB {@code maxEventSize}); it comes in stream order,
     * where the event would have, and the connection goes on: no reconnect, and the last event id
     * has moved past it, so a later resume does not ask for it again. Sent when its type passes the
     * type filter, or is unknown ({@code ""}); every skip is counted in {@link
     * SseStreamStats#skipped()} either way.
     */
    record Skipped(SkippedEvent skipped) implements StreamSignal {}

    /** A comment line (a heartbeat), text after the colon. */
    record Comment(String text) implements StreamSignal {}

    /**
     * The connection failed or ended and a new attempt starts after {@code delay}.
     *
     * @param attempt 1 for the first retry after a healthy stream, counting up while attempts fail
     * @param reason one line saying what happened, safe to log (no header values)
     * @param cause the exception behind it, or {@code null} (a status, an end of stream, an idle
     *     timeout)
     */
    record Retrying(Duration delay, int attempt, String reason, Throwable cause) implements StreamSignal {}

    /** The stream ended for good without an error: a 204, {@link SseStream#close()}, or an end of
     * stream when reconnecting is off. */
    record Closed(String reason) implements StreamSignal {}

    /** The stream ended for good with an error: a fatal status or content type, too many redirects. */
    record Failed(SseClientException error) implements StreamSignal {}
}
