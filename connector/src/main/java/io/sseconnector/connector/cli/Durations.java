package io.sseconnector.connector.cli;

import java.time.Duration;

/** Formats durations for people: {@code 850 ms}, {@code 4.2 s}, {@code 2 min}. */
final class Durations {
    private Durations() {}

    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1_000.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f min", millis / 60_000.0);
    }
}
