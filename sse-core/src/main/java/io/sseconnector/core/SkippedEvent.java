package io.sseconnector.core;

import java.util.Objects;

/**
 * A block that an {@link SseParser} discarded, unbuffered, because it grew past one of its {@link
 * SseLimits}; reported once, by {@link SseHandler#onSkipped}, at the blank line that ended it. The
 * stream goes on with the next block.
 *
 * @param type the event type the block would have been dispatched with (its last {@code event:}
 *     value, or {@code "message"}); {@code ""} when that {@code event:} line was itself longer than
 *     {@code maxLineLength}, so that its value was not kept
 * @param lastEventId the stream's last event id after this block: its {@code id:} field applies as
 *     for any event, so a client that resumes from it resumes past the skipped event. An {@code
 *     id:} line longer than {@code maxLineLength} is ignored (as an id holding U+0000 is) and leaves
 *     the previous id.
 * @param dataBytes the size of the block's data as the data buffer would have held it, which is what
 *     {@code maxEventSize} bounds: every data value's bytes plus one LF per {@code data:} line,
 *     counted in full, also for lines too long to keep (0 when the block had no data line)
 * @param limit the limit the block crossed first
 */
public record SkippedEvent(String type, String lastEventId, long dataBytes, Limit limit) {
    /** The bound that made a block be skipped. */
    public enum Limit {
        /** A {@code data:}, {@code event:} or {@code id:} line longer than {@link SseLimits#maxLineLength()}. */
        MAX_LINE_LENGTH("maxLineLength"),
        /** The data buffer would have grown past {@link SseLimits#maxEventSize()}. */
        MAX_EVENT_SIZE("maxEventSize");

        private final String settingName;

        Limit(String settingName) {
            this.settingName = settingName;
        }

        /** The name of the setting that raises this limit ({@code maxLineLength}, {@code maxEventSize}). */
        public String settingName() {
            return settingName;
        }

        /** This limit's value in {@code limits}, in bytes. */
        public int valueIn(SseLimits limits) {
            return this == MAX_LINE_LENGTH ? limits.maxLineLength() : limits.maxEventSize();
        }
    }

    public SkippedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(limit, "limit");
        if (dataBytes < 0) {
            throw new IllegalArgumentException("dataBytes must be >= 0, was " + dataBytes);
        }
    }
}
