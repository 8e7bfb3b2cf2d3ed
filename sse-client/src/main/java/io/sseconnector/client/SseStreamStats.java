package io.sseconnector.client;

/**
 * A snapshot of one stream's counters.
 *
 * @param opened successful opens (status 200 with text/event-stream)
 * @param events events handed to the listener
 * @param filtered events dropped by the type filter
 * @param comments comment lines
 * @param retries reconnect attempts scheduled
 * @param bytes body bytes read
 * @param skipped events the parser skipped for crossing a limit (see {@link StreamSignal.Skipped}),
 *     whether or not their type passed the filter
 */
public record SseStreamStats(
        long opened, long events, long filtered, long comments, long retries, long bytes, long skipped) {

    /** Counters with no skipped event (the shape before {@link #skipped()} was added). */
    public SseStreamStats(long opened, long events, long filtered, long comments, long retries, long bytes) {
        this(opened, events, filtered, comments, retries, bytes, 0);
    }
}
