package io.sseconnector.core;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An incremental, push-style parser for {@code text/event-stream} that follows the WHATWG HTML
 * "interpreting an event stream" algorithm: bytes in, in chunks of any size and split anywhere;
 * events, comments and retry values out to an {@link SseHandler}, on the feeding thread.
 *
 * <p>Any chunking of the same bytes gives the same calls. The cost is linear in bytes; memory is
 * bounded by {@link SseLimits}. The only exception {@link #feed} throws is {@link
 * SseLimitExceededException}, after which the parser must not be fed again. Not thread-safe: one
 * parser per stream.
 */
public final class SseParser {
    private final SseHandler handler;
    private final SseLimits limits;
    private String lastEventId;

    /** A parser with {@link SseLimits#DEFAULTS} and no last event id. */
    public SseParser(SseHandler handler) {
        this(handler, SseLimits.DEFAULTS, "");
    }

    /**
     * @param initialLastEventId the last event id before the first byte (a client carries it across
     *     reconnects); {@code ""} for none
     */
    public SseParser(SseHandler handler, SseLimits limits, String initialLastEventId) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.lastEventId = Objects.requireNonNull(initialLastEventId, "initialLastEventId");
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    public void feed(byte[] bytes, int offset, int length) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Consumes the buffer's remaining bytes. */
    public void feed(ByteBuffer buffer) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The stream ended: an unfinished event is discarded and its {@code id} is not applied. */
    public void end() {}

    /** The stream's last event id so far ({@code ""} when none). */
    public String lastEventId() {
        return lastEventId;
    }

    SseHandler handler() {
        return handler;
    }

    SseLimits limits() {
        return limits;
    }
}
