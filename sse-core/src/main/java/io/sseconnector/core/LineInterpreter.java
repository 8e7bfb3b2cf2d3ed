package io.sseconnector.core;

import io.sseconnector.core.internal.BoundedBytes;
import io.sseconnector.core.internal.LineEnds;
import io.sseconnector.core.internal.LittleEndian;
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
    private final int maxLineLength;
    private final int maxEventSize;
    private final BoundedBytes data;
    private final StringCache types = new StringCache();
    private final StringCache comments = new StringCache();

    /** The block's first data value while not yet copied into {@link #data}; null when none. */
    private byte[] slice;

    private int sliceFrom;
    private int sliceTo;
    /** Every data value of the block so far is ASCII. */
    private boolean dataAscii = true;
    /** The event type buffer; null when empty. */
    private String type;

    private String idBuffer;
    private String lastEventId;
    private long retry = SseEvent.NO_RETRY;

    LineInterpreter(SseHandler handler, SseLimits limits, String lastEventId) {
        this.handler = handler;
        this.maxLineLength = limits.maxLineLength();
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

    /**
     * Interprets the line that starts at {@code bytes[from]} if its line end comes before {@code
     * to}. Returns a {@link LineEnds#scan} answer: the index of that CR or LF, or -1 when the line
     * goes on past {@code to} (nothing is interpreted then, and the ASCII note covers the bytes up
     * to {@code to}).
     *
     * <p>The line is scanned once: the field name is recognised first, from one 8-byte read, and
     * only the value is then scanned for the line end.
     *
     * @throws SseLimitExceededException the line is longer than {@code maxLineLength}
     */
    long lineAt(byte[] bytes, int from, int to) {
        byte first = bytes[from];
        if (first == '\n' || first == '\r') {
            dispatch();
            return from;
        }
        int valueFrom = from;
        int name = FieldName.OTHER;
        if (to - from >= Long.BYTES) {
            long head = LittleEndian.getLong(bytes, from);
            name = FieldName.of(head);
            if (name != FieldName.OTHER) {
                valueFrom += FieldName.valueOffset(name, head); // the name's bytes are ASCII
            }
        }
        long scan = LineEnds.scan(bytes, valueFrom, to);
        int end = LineEnds.index(scan);
        if (end >= 0) {
            if (end - from > maxLineLength) {
                throw new SseLimitExceededException(SseLimitExceededException.Limit.LINE_LENGTH, maxLineLength);
            }
            if (name != FieldName.OTHER) {
                known(name, bytes, valueFrom, end, LineEnds.ascii(scan));
            } else {
                line(bytes, from, end, LineEnds.ascii(scan));
            }
        }
        return scan;
    }

    /**
     * Interprets the complete line {@code bytes[from, to)} (without its line end); {@code ascii}
     * promises every byte is below 0x80.
     */
    void line(byte[] bytes, int from, int to, boolean ascii) {
        if (from == to) {
            dispatch();
        } else if (bytes[from] == ':') {
            handler.onComment(comments.decode(bytes, from + 1, to, ascii));
        } else {
            int name = to - from >= Long.BYTES ? FieldName.of(LittleEndian.getLong(bytes, from)) : FieldName.OTHER;
            if (name != FieldName.OTHER) {
                int valueFrom = from + FieldName.valueOffset(name, LittleEndian.getLong(bytes, from));
                known(name, bytes, valueFrom, to, ascii);
            } else {
                field(bytes, from, to, ascii);
            }
        }
    }

    /** A {@link FieldName} other than {@link FieldName#OTHER}, with its value. */
    private void known(int name, byte[] bytes, int valueFrom, int to, boolean ascii) {
        switch (name) {
            case FieldName.DATA:
                data(bytes, valueFrom, to, ascii);
                break;
            case FieldName.EVENT:
                type = valueFrom == to ? null : types.decode(bytes, valueFrom, to, ascii);
                break;
            default:
                id(bytes, valueFrom, to, ascii);
                break;
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
