package io.sseconnector.core;

/**
 * Receives what an {@link SseParser} reads, in stream order, on the thread that feeds the parser.
 */
public interface SseHandler {
    /** A blank line dispatched an event with a non-empty data buffer. */
    void onEvent(SseEvent event);

    /**
     * A comment line (it starts with {@code :}); servers send them as heartbeats.
     *
     * @param text everything after the colon, unchanged (a leading space is kept)
     */
    default void onComment(String text) {}

    /** A {@code retry:} field with an all-ASCII-digit value set the reconnection time. */
    default void onRetry(long millis) {}

    /**
     * A blank line ended a block that crossed a {@link SseLimits} bound: the parser discarded its
     * data without buffering it and dispatched no event for it. Called once per such block, in
     * stream order, where {@link #onEvent} would otherwise have been; its {@code id:} field has
     * applied as usual (see {@link SkippedEvent#lastEventId()}). The stream goes on. A block that
     * the stream's end cuts short is dropped without this call, as an unfinished event is.
     */
    default void onSkipped(SkippedEvent skipped) {}
}
