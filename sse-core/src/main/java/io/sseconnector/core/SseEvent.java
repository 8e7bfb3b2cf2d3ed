package io.sseconnector.core;

import java.util.Objects;

/**
 * One dispatched Server-Sent Event.
 *
 * @param type the event type: the last {@code event:} value of the block, or {@code "message"}
 * @param data the data lines of the block joined with LF (no trailing LF)
 * @param lastEventId the stream's last event id when the event was dispatched ({@code ""} when none)
 * @param retry the reconnection time in ms carried by this event's block, or {@link #NO_RETRY}
 */
public record SseEvent(String type, String data, String lastEventId, long retry) {
    /** The default event type when a block has no {@code event:} field. */
    public static final String DEFAULT_TYPE = "message";
    /** The value of {@link #retry()} when the block carried no valid {@code retry:} field. */
    public static final long NO_RETRY = -1;

    public SseEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lastEventId, "lastEventId");
        if (retry < NO_RETRY) {
            throw new IllegalArgumentException("retry must be >= 0 or NO_RETRY, was " + retry);
        }
    }

    /** An event of the default type, with no id and no retry. */
    public static SseEvent of(String data) {
        return new SseEvent(DEFAULT_TYPE, data, "", NO_RETRY);
    }

    /** An event of the given type, with no id and no retry. */
    public static SseEvent of(String type, String data) {
        return new SseEvent(type, data, "", NO_RETRY);
    }

    /** Whether this event's block carried a valid {@code retry:} field. */
    public boolean hasRetry() {
        return retry != NO_RETRY;
    }
}
