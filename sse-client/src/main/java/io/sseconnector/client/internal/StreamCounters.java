package io.sseconnector.client.internal;

import io.sseconnector.client.SseStreamStats;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One stream's counters. Written only by the stream's event loop, read from any thread: opaque
 * writes cost a plain store on the hot path, yet readers never see a torn or forever-stale value.
 */
final class StreamCounters {
    private static final VarHandle OPENED;
    private static final VarHandle EVENTS;
    private static final VarHandle FILTERED;
    private static final VarHandle COMMENTS;
    private static final VarHandle RETRIES;
    private static final VarHandle BYTES;
    private static final VarHandle SKIPPED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OPENED = lookup.findVarHandle(StreamCounters.class, "opened", long.class);
            EVENTS = lookup.findVarHandle(StreamCounters.class, "events", long.class);
            FILTERED = lookup.findVarHandle(StreamCounters.class, "filtered", long.class);
            COMMENTS = lookup.findVarHandle(StreamCounters.class, "comments", long.class);
            RETRIES = lookup.findVarHandle(StreamCounters.class, "retries", long.class);
            BYTES = lookup.findVarHandle(StreamCounters.class, "bytes", long.class);
            SKIPPED = lookup.findVarHandle(StreamCounters.class, "skipped", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long opened;
    private long events;
    private long filtered;
    private long comments;
    private long retries;
    private long bytes;
    private long skipped;

    void opened() {
        OPENED.setOpaque(this, opened + 1);
    }

    void event() {
        EVENTS.setOpaque(this, events + 1);
    }

    void filtered() {
        FILTERED.setOpaque(this, filtered + 1);
    }

    void comment() {
        COMMENTS.setOpaque(this, comments + 1);
    }

    void retry() {
        RETRIES.setOpaque(this, retries + 1);
    }

    void bytes(int count) {
        BYTES.setOpaque(this, bytes + count);
    }

    void skipped() {
        SKIPPED.setOpaque(this, skipped + 1);
    }

    SseStreamStats snapshot() {
        return new SseStreamStats(
                (long) OPENED.getOpaque(this),
                (long) EVENTS.getOpaque(this),
                (long) FILTERED.getOpaque(this),
                (long) COMMENTS.getOpaque(this),
                (long) RETRIES.getOpaque(this),
                (long) BYTES.getOpaque(this),
                (long) SKIPPED.getOpaque(this));
    }
}
