package io.sseconnector.core;

import io.sseconnector.core.internal.BoundedBytes;
import io.sseconnector.core.internal.StringCache;
import io.sseconnector.core.internal.Utf8;

/**
 * The WHATWG field rules, applied to one complete line (without its terminator) at a time: the
 * data, event type and last event id buffers, the block's retry, and dispatch on a blank line.
 * Works on bytes; decodes only values it keeps.
 *
 * <p>The common event has one {@code data:} line and its blank line in the same chunk, so the first
 * data value is not copied: it is kept as a slice of the caller's array and decoded from there at
 * dispatch. The owner of that array must call {@link #release} before the array's bytes change.
 */
final class LineInterpreter {
    /** No known field name is longer than this ({@code event}, {@code retry}). */
    private static final int LONGEST_NAME = 5;

    private final SseHandler handler;
    private final int maxEventSize;
    private final BoundedBytes data;
    private final StringCache types = new StringCache();
    private final StringCache comments = new StringCache();

    /** The block's first data value while not yet copied into {@link #data}; null when none. */
    private byte[] slice;

    private int sliceFrom;
    private int sliceTo;
    private boolean dataAscii = true;
    /** The event type buffer; null when empty. */
    private String type;

    private String idBuffer;
    private String lastEventId;
    private long retry = SseEvent.NO_RETRY;

    LineInterpreter(SseHandler handler, SseLimits limits, String lastEventId) {
        this.handler = handler;
        this.maxEventSize = limits.maxEventSize();
        this.data = new BoundedBytes(limits.maxEventSize(), SseLimitExceededException.Limit.EVENT_SIZE);
        // As browsers do, the buffer starts at the stream's last event id, so that the first
        // event of a reconnected stream without an id field keeps it.
        this.idBuffer = lastEventId;
        this.lastEventId = lastEventId;
    }

    String lastEventId() {
        return lastEventId;
    }

    /** Interprets {@code bytes[from, to)}; {@code ascii} promises every byte is below 0x80. */
    void line(byte[] bytes, int from, int to, boolean ascii) {
        if (from == to) {
            dispatch();
        } else if (bytes[from] == ':') {
            handler.onComment(comments.decode(bytes, from + 1, to, ascii));
        } else {
            field(bytes, from, to, ascii);
        }
    }

    private void field(byte[] bytes, int from, int to, boolean ascii) {
        int searchEnd = Math.min(to, from + LONGEST_NAME + 1);
        int nameEnd = from;
        while (nameEnd < searchEnd && bytes[nameEnd] != ':') {
            nameEnd++;
        }
        int valueFrom;
        if (nameEnd < searchEnd) {
            valueFrom = nameEnd + 1;
            if (valueFrom < to && bytes[valueFrom] == ' ') {
                valueFrom++;
            }
        } else if (searchEnd == to) {
            valueFrom = to; // no colon: the whole line is the name, the value is empty
        } else {
            return; // a name longer than any we know
        }
        switch (nameEnd - from) {
            case 4:
                if (is(bytes, from, 'd', 'a', 't', 'a')) {
                    data(bytes, valueFrom, to, ascii);
                }
                break;
            case 5:
                if (is(bytes, from, 'e', 'v', 'e', 'n') && bytes[from + 4] == 't') {
                    type = valueFrom == to ? null : types.decode(bytes, valueFrom, to, ascii);
                } else if (is(bytes, from, 'r', 'e', 't', 'r') && bytes[from + 4] == 'y') {
                    retry(bytes, valueFrom, to);
                }
                break;
            case 2:
                if (bytes[from] == 'i' && bytes[from + 1] == 'd') {
                    id(bytes, valueFrom, to, ascii);
                }
                break;
            default:
                break;
        }
    }

    private static boolean is(byte[] bytes, int at, char a, char b, char c, char d) {
        return bytes[at] == a && bytes[at + 1] == b && bytes[at + 2] == c && bytes[at + 3] == d;
    }

    private void data(byte[] bytes, int from, int to, boolean ascii) {
        long size = (long) data.length() + (slice == null ? 0 : sliceTo - sliceFrom + 1) + (to - from) + 1;
        if (size > maxEventSize) {
            throw new SseLimitExceededException(SseLimitExceededException.Limit.EVENT_SIZE, maxEventSize);
        }
        dataAscii &= ascii;
        if (slice == null && data.isEmpty()) {
            slice = bytes;
            sliceFrom = from;
            sliceTo = to;
        } else {
            flushSlice();
            data.append(bytes, from, to - from);
            data.append((byte) '\n');
        }
    }

    private void id(byte[] bytes, int from, int to, boolean ascii) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return; // an id containing U+0000 is ignored
            }
        }
        idBuffer = Utf8.decode(bytes, from, to, ascii);
    }

    private void retry(byte[] bytes, int from, int to) {
        if (from == to) {
            return;
        }
        long millis = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return;
            }
            millis = millis > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : millis * 10 + digit;
        }
        retry = millis;
        handler.onRetry(millis);
    }

    private void dispatch() {
        lastEventId = idBuffer;
        String eventType = type == null ? SseEvent.DEFAULT_TYPE : type;
        long blockRetry = retry;
        type = null;
        retry = SseEvent.NO_RETRY;
        String eventData;
        if (slice != null) {
            eventData = Utf8.decode(slice, sliceFrom, sliceTo, dataAscii);
            slice = null;
        } else if (!data.isEmpty()) {
            eventData = Utf8.decode(data.array(), 0, data.length() - 1, dataAscii); // without the last LF
            data.clear();
        } else {
            return;
        }
        dataAscii = true;
        handler.onEvent(new SseEvent(eventType, eventData, lastEventId, blockRetry));
    }

    /** The caller is about to change or drop {@code array}: copy the data slice out of it. */
    void release(byte[] array) {
        if (slice == array) {
            flushSlice();
        }
    }

    private void flushSlice() {
        if (slice != null) {
            data.append(slice, sliceFrom, sliceTo - sliceFrom);
            data.append((byte) '\n');
            slice = null;
        }
    }

    /** The stream ended: drops the unfinished block, whose id is not applied. */
    void reset() {
        slice = null;
        data.clear();
        dataAscii = true;
        type = null;
        retry = SseEvent.NO_RETRY;
        idBuffer = lastEventId;
    }
}
