package io.sseconnector.connector.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lets one line per key through per interval, so that a device sending a thousand bad events a
 * second writes one line every ten seconds, not a thousand; the next line that gets through says
 * how many were held back.
 */
public final class ThrottledLog {
    /** Keys beyond this many share one: a source inventing reasons must not grow memory. */
    private static final int MAX_KEYS = 64;

    private final long intervalNanos;
    private final Map<String, long[]> byKey = new HashMap<>();

    public ThrottledLog(java.time.Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Calls {@code log} with the number of lines held back since the last one for this key, when
     * the interval has passed since then; else counts this one as held back.
     */
    public synchronized void log(String key, long nowNanos, Consumer<Long> log) {
        String k = byKey.size() < MAX_KEYS || byKey.containsKey(key) ? key : "(other)";
        long[] state = byKey.get(k); // [last logged at, held back since]
        if (state == null) {
            byKey.put(k, new long[] {nowNanos, 0});
            log.accept(0L);
            return;
        }
        if (nowNanos - state[0] >= intervalNanos) {
            long held = state[1];
            state[0] = nowNanos;
            state[1] = 0;
            log.accept(held);
        } else {
            state[1]++;
        }
    }
}
