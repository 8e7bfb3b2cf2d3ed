package io.sseconnector.connector.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The statistics block in the log.
 *
 * @param interval how often it is printed (and once more at shutdown)
 */
public record StatsConfig(Duration interval) {
    public static final StatsConfig DEFAULTS = new StatsConfig(Duration.ofSeconds(60));

    public StatsConfig {
        Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("stats interval must be > 0, was " + interval);
        }
    }

    public StatsConfig withInterval(Duration value) {
        return new StatsConfig(value);
    }
}
