package io.sseconnector.connector.config;

import java.util.Objects;

/**
 * One device's buffer between its SSE stream and its destinations: events wait in memory up to
 * {@code maxEvents} and {@code maxBytes}, then in a spill file under {@code state.dir} up to
 * {@code spillBytes} (0: no spill), then {@code overflow} applies.
 */
public record BufferConfig(int maxEvents, long maxBytes, long spillBytes, Overflow overflow) {
    /** 10,000 events, 64 MiB in memory, 1 GiB on disk, block. */
    public static final BufferConfig DEFAULTS = new BufferConfig(10_000, 64L << 20, 1L << 30, Overflow.BLOCK);

    /** What happens when memory and spill file are both full. */
    public enum Overflow {
        /** Stop reading the SSE socket until there is room: the source feels backpressure, nothing is lost. */
        BLOCK("block"),
        /** Drop the oldest waiting event, counted and logged. */
        DROP_OLDEST("drop-oldest");

        private final String yaml;

        Overflow(String yaml) {
            this.yaml = yaml;
        }

        /** The spelling in the configuration file. */
        public String yaml() {
            return yaml;
        }
    }

    public BufferConfig {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be >= 1, was " + maxEvents);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
        }
        if (spillBytes < 0) {
            throw new IllegalArgumentException("spillBytes must be >= 0, was " + spillBytes);
        }
        Objects.requireNonNull(overflow, "overflow");
    }

    public BufferConfig withMaxEvents(int value) {
        return new BufferConfig(value, maxBytes, spillBytes, overflow);
    }

    public BufferConfig withMaxBytes(long value) {
        return new BufferConfig(maxEvents, value, spillBytes, overflow);
    }

    public BufferConfig withSpillBytes(long value) {
        return new BufferConfig(maxEvents, maxBytes, value, overflow);
    }

    public BufferConfig withOverflow(Overflow value) {
        return new BufferConfig(maxEvents, maxBytes, spillBytes, value);
    }
}
