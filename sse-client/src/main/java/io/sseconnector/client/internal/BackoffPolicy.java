package io.sseconnector.client.internal;

import io.sseconnector.client.SseClientConfig.Backoff;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: {@code base * 2^(attempt-1)}, capped at the max delay, with ±jitter. The base
 * is the initial delay, or the stream's {@code retry:} value once the server sent one. A base of
 * zero is raised to 1 ms so that a server answering {@code retry: 0} and closing at once still
 * meets a growing delay.
 */
final class BackoffPolicy {
    private static final long MIN_BASE_MILLIS = 1;
    private static final int MAX_SHIFT = 30;

    private final long initialMillis;
    private final long maxMillis;
    private final long resetAfterNanos;
    private final double jitter;

    BackoffPolicy(Backoff backoff) {
        this.initialMillis = backoff.initialDelay().toMillis();
        this.maxMillis = backoff.maxDelay().toMillis();
        this.resetAfterNanos = backoff.resetAfter().toNanos();
        this.jitter = backoff.jitter();
    }

    /**
     * @param attempt 1 for the first retry since the stream was healthy
     * @param retryMillis the server's {@code retry:} value, or a negative number for none
     */
    long delayMillis(int attempt, long retryMillis) {
        long base = Math.max(MIN_BASE_MILLIS, retryMillis >= 0 ? retryMillis : initialMillis);
        int shift = Math.min(Math.max(attempt - 1, 0), MAX_SHIFT);
        long delay = base > (maxMillis >> shift) ? maxMillis : Math.min(maxMillis, base << shift);
        if (jitter > 0) {
            double factor =
                    1 - jitter + 2 * jitter * ThreadLocalRandom.current().nextDouble();
            delay = Math.min(maxMillis, Math.round(delay * factor));
        }
        return Math.max(0, delay);
    }

    /** A server-sent {@code Retry-After}, capped at the max delay. */
    long retryAfterMillis(long requestedMillis) {
        return Math.min(maxMillis, Math.max(0, requestedMillis));
    }

    /** Whether a connection that stayed open this long earns a fresh start of the delays. */
    boolean wasHealthy(long openNanos) {
        return openNanos >= resetAfterNanos;
    }
}
