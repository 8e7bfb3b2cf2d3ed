package io.sseconnector.connector.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the bridge keeps what must survive a restart.
 *
 * @param dir the persisted offsets (last delivered id per device) and the buffers' spill files
 * @param flushInterval offsets are written at most this often (0: after every delivery)
 */
public record StateConfig(Path dir, Duration flushInterval) {
    public static final StateConfig DEFAULTS = new StateConfig(Path.of("./state"), Duration.ofSeconds(1));

    public StateConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(flushInterval, "flushInterval");
        if (flushInterval.isNegative()) {
            throw new IllegalArgumentException("flushInterval must be >= 0, was " + flushInterval);
        }
    }

    public StateConfig withDir(Path value) {
        return new StateConfig(value, flushInterval);
    }

    public StateConfig withFlushInterval(Duration value) {
        return new StateConfig(dir, value);
    }
}
