package io.sseconnector.connector.delivery;

/**
 * How much of one device's stream may wait for its destinations (received, not yet acknowledged),
 * and what happens when that is full.
 *
 * @param maxEvents events waiting, at most
 * @param maxBytes payload bytes waiting, at most
 * @param window events sent and not yet acknowledged, at most (pipelining towards the broker)
 * @param spillBytes bytes on disk once memory is full (0: no spill file)
 */
public record BufferLimits(int maxEvents, long maxBytes, int window, long spillBytes, Overflow overflow) {
    /** 10,000 events and 64 MiB in memory, 1,000 in flight, 1 GiB on disk, block. */
    public static final BufferLimits DEFAULTS = new BufferLimits(10_000, 64L << 20, 1_000, 1L << 30, Overflow.BLOCK);

    /** The policy when the buffer is full. */
    public enum Overflow {
        /** Stop reading the SSE socket until the buffer drains: the source feels backpressure. */
        BLOCK,
        /** Drop the oldest waiting event (counted and logged). */
        DROP_OLDEST
    }

    public BufferLimits {
        if (maxEvents < 1 || maxBytes < 1 || window < 1) {
            throw new IllegalArgumentException("buffer limits must be >= 1, were maxEvents=" + maxEvents + " maxBytes="
                    + maxBytes + " window=" + window);
        }
        if (spillBytes < 0) {
            throw new IllegalArgumentException("spillBytes must be >= 0, was " + spillBytes);
        }
        if (overflow == null) {
            throw new IllegalArgumentException("overflow policy is required");
        }
    }

    public BufferLimits withMaxEvents(int value) {
        return new BufferLimits(value, maxBytes, Math.min(window, value), spillBytes, overflow);
    }

    public BufferLimits withOverflow(Overflow value) {
        return new BufferLimits(maxEvents, maxBytes, window, spillBytes, value);
    }

    public BufferLimits withSpillBytes(long value) {
        return new BufferLimits(maxEvents, maxBytes, window, value, overflow);
    }
}
