package io.sseconnector.core;

/**
 * The bounds an {@link SseParser} enforces; memory never grows past them. A block that crosses one
 * is skipped, not buffered, and reported as a {@link SkippedEvent}; see {@link SseParser}.
 *
 * @param maxLineLength the longest line, in bytes, without its line terminator
 * @param maxEventSize the largest data buffer of one event, in bytes (data values plus their LFs)
 */
public record SseLimits(int maxLineLength, int maxEventSize) {
    /** One MiB. */
    public static final int MIB = 1024 * 1024;
    /** 1 MiB lines and 1 MiB events. */
    public static final SseLimits DEFAULTS = new SseLimits(MIB, MIB);

    public SseLimits {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be >= 1, was " + maxLineLength);
        }
        if (maxEventSize < 1) {
            throw new IllegalArgumentException("maxEventSize must be >= 1, was " + maxEventSize);
        }
    }

    public SseLimits withMaxLineLength(int bytes) {
        return new SseLimits(bytes, maxEventSize);
    }

    public SseLimits withMaxEventSize(int bytes) {
        return new SseLimits(maxLineLength, bytes);
    }
}
