package io.sseconnector.core;

/**
 * The one error an {@link SseParser} throws: a line or an event grew past its {@link SseLimits}.
 * The stream cannot continue after it; a client reconnects, a server closes the connection.
 */
public final class SseLimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which limit was exceeded. */
    public enum Limit {
        LINE_LENGTH("maxLineLength"),
        EVENT_SIZE("maxEventSize");

        private final String settingName;

        Limit(String settingName) {
            this.settingName = settingName;
        }

        /** The name of the setting that raises this limit. */
        public String settingName() {
            return settingName;
        }
    }

    private final Limit limit;
    private final long maxBytes;

    public SseLimitExceededException(Limit limit, long maxBytes) {
        super((limit == Limit.LINE_LENGTH ? "line" : "event data") + " longer than " + maxBytes + " bytes; raise "
                + limit.settingName() + " if this stream is legitimate");
        this.limit = limit;
        this.maxBytes = maxBytes;
    }

    public Limit limit() {
        return limit;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
