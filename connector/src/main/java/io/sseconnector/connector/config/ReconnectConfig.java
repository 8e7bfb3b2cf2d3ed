package io.sseconnector.connector.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a device's SSE connection is retried: the delay doubles from {@code initialDelay} up to
 * {@code maxDelay}, and starts over once a connection has stayed up for {@code resetAfter}.
 */
public record ReconnectConfig(Duration initialDelay, Duration maxDelay, Duration resetAfter) {
    /** 1 s, doubling up to 60 s, reset after 60 s connected. */
    public static final ReconnectConfig DEFAULTS =
            new ReconnectConfig(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60));

    public ReconnectConfig {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (initialDelay.isZero() || initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay must be > 0, was " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "maxDelay (" + maxDelay + ") must be >= initialDelay (" + initialDelay + ")");
        }
        if (resetAfter.isNegative()) {
            throw new IllegalArgumentException("resetAfter must be >= 0, was " + resetAfter);
        }
    }

    public ReconnectConfig withInitialDelay(Duration value) {
        return new ReconnectConfig(value, maxDelay, resetAfter);
    }

    public ReconnectConfig withMaxDelay(Duration value) {
        return new ReconnectConfig(initialDelay, value, resetAfter);
    }

    public ReconnectConfig withResetAfter(Duration value) {
        return new ReconnectConfig(initialDelay, maxDelay, value);
    }
}
