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
 * <p>A block whose data would grow past {@code maxEventSize}, or that holds a {@code data}, {@code
 * event} or {@code id} line longer than {@code maxLineLength}, is skipped: its data is dropped and
 * no longer buffered, its other fields apply as usual, and its blank line reports a {@link
 * SkippedEvent} instead of dispatching. That is the cold path: the checks for it sit where the
 * common lines already branch (the first data line's size test, the multi-line data call, the
 * blank line of a block without data).
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
    /**
     * The first data line of a block is kept as a slice when shorter than this: {@code
     * maxEventSize}, or 0 while the block is skipped (so its data lines all take {@link
     * #appendData}, which drops them).
     */
    private int sliceLimit;

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
    /** The last short event type and its bytes as {@link LittleEndian#head} reads them; length 0: none. */
    private String lastType;

    private int lastTypeLength;
    private long lastTypeHead;
    /** See {@link #unfinishedAscii()}. */
    private boolean unfinishedAscii;
    /** The limit the current block crossed, or null while it is not skipped. */
    private SkippedEvent.Limit skipping;
    /** The skipped block's data size so far, as {@link SkippedEvent#dataBytes()} counts it. */
    private long skippedDataBytes;

    LineInterpreter(SseHandler handler, SseLimits limits, String lastEventId) {
        this.handler = handler;
        this.maxLineLength = limits.maxLineLength();
        this.maxEventSize = limits.maxEventSize();
        this.data = new BoundedBytes(limits.maxEventSize());
        this.sliceLimit = limits.maxEventSize();
        // As browsers do, the buffer starts at the stream's last event id, so that the first
        // event of a reconnected stream without an id field keeps it.
        this.idBuffer = lastEventId;
        this.lastEventId = lastEventId;
    }

    String lastEventId() {
        return lastEventId;
    }

    /**
     * Interprets every complete line of {@code bytes[from, to)} and steps over its line end (a CR
     * LF counts as one when both are in the range). Returns where the unfinished last line starts,
     * or {@code to} when there is none; {@link #unfinishedAscii} then tells whether its bytes are
     * ASCII. A CR at {@code to - 1} ended a line, and an LF at the start of the next chunk belongs
     * to it: the caller checks for that.
     *
     * <p>The loop over lines lives here, not in the caller, so that the JIT compiles the per-line
     * work of the common lines ({@code data}, {@code event}, {@code id}, blank) as one unit with
     * the loop: a per-line call to a method the JIT had already compiled on its own was left a
     * call ("already compiled into a big method"), and whether it was depended on compile order.
     * Rare lines (comments, {@code retry}, unknown names) are calls.
     *
     * <p>Each line is scanned once: the field name is recognised first, from one 8-byte read, and
     * only the value is then scanned for the line end. A line longer than {@code maxLineLength} is
     * not interpreted but handed to {@link #overlongLine}.
     */
    int lines(byte[] bytes, int from, int to) {
        int pos = from;
        while (pos < to) {
            byte first = bytes[pos];
            int end;
            if (first == '\n' || first == '\r') {
                end = pos;
                dispatch();
            } else {
                int valueFrom = pos;
                int name = FieldName.OTHER;
                if (to - pos >= Long.BYTES) {
                    long head = LittleEndian.getLong(bytes, pos);
                    name = FieldName.of(head);
                    if (name != FieldName.OTHER) {
                        valueFrom += FieldName.valueOffset(name, head); // the name's bytes are ASCII
                    }
                }
                long scan = LineEnds.scan(bytes, valueFrom, to);
                end = LineEnds.index(scan);
                boolean ascii = LineEnds.ascii(scan);
                if (end < 0) {
                    unfinishedAscii = ascii;
                    return pos;
                }
                if (end - pos > maxLineLength) {
                    overlongLine(bytes, pos, end);
                } else if (name == FieldName.DATA) {
                    data(bytes, valueFrom, end, ascii);
                } else if (name == FieldName.ID) {
                    id(bytes, valueFrom, end, ascii);
                } else if (name == FieldName.EVENT) {
                    event(bytes, valueFrom, end, ascii);
                } else {
                    line(bytes, pos, end, ascii);
                }
            }
            pos = end + 1;
            if (bytes[end] == '\r' && pos < to && bytes[pos] == '\n') {
                pos++; // CR LF: one line end
            }
        }
        return pos;
    }

    /** A complete line {@code bytes[from, to)} longer than {@code maxLineLength}: a call, off the hot loop. */
    private void overlongLine(byte[] bytes, int from, int to) {
        overlongLine(bytes, from, Math.min(to, from + OverlongLine.HEAD_BYTES), to - from);
    }

    /** Whether the unfinished line {@link #lines} last left behind is ASCII. */
    boolean unfinishedAscii() {
        return unfinishedAscii;
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
                event(bytes, valueFrom, to, ascii);
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
                    event(bytes, valueFrom, to, ascii);
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
        // The block's first data line (nearly every block has just one) is kept as a slice: small
        // enough for the JIT to inline into the line loop. The size check is the general one below
        // with nothing buffered yet.
        if (slice == null && data.isEmpty() && to - from < sliceLimit) {
            dataAscii &= ascii;
            slice = bytes;
            sliceFrom = from;
            sliceTo = to;
        } else {
            appendData(bytes, from, to, ascii);
        }
    }

    /**
     * A further data line of the block: buffered, behind the first one's slice; or, when it would
     * take the data past {@code maxEventSize} or the block is skipped already, only counted.
     */
    private void appendData(byte[] bytes, int from, int to, boolean ascii) {
        long size = bufferedDataBytes() + (to - from) + 1;
        if (size > maxEventSize || skipping != null) {
            skip(SkippedEvent.Limit.MAX_EVENT_SIZE);
            skippedDataBytes += to - from + 1;
            return;
        }
        dataAscii &= ascii;
        flushSlice();
        data.append(bytes, from, to - from);
        data.append((byte) '\n');
    }

    /** The data buffer's size with the slice copied in: values plus their LFs. */
    private long bufferedDataBytes() {
        return (long) data.length() + (slice == null ? 0 : sliceTo - sliceFrom + 1);
    }

    /**
     * A line longer than {@code maxLineLength}, seen to its end but not kept: {@code head[from,
     * headTo)} holds its first {@code min(length, OverlongLine.HEAD_BYTES)} bytes, {@code length} is
     * its length without the line end. A {@code data} line makes the block skipped and counts in
     * its size; an {@code event} line makes it skipped with the type {@code ""} (the value is
     * unknown); an {@code id} line makes it skipped and is ignored (the id buffer keeps its value).
     * A comment, a {@code retry} line or an unknown field is dropped alone.
     */
    void overlongLine(byte[] head, int from, int headTo, long length) {
        if (head[from] == ':') {
            return;
        }
        int searchEnd = Math.min(headTo, from + LONGEST_NAME + 1);
        int nameEnd = from;
        while (nameEnd < searchEnd && head[nameEnd] != ':') {
            nameEnd++;
        }
        long valueLength;
        if (nameEnd < searchEnd) {
            int valueFrom = nameEnd + 1;
            valueLength = length - (valueFrom - from);
            if (valueFrom < headTo && head[valueFrom] == ' ') {
                valueLength--;
            }
        } else if (headTo - from == length) {
            valueLength = 0; // no colon: the whole line is the name (only with a tiny limit)
        } else {
            return; // a name longer than any we know
        }
        int nameLength = nameEnd - from;
        if (nameLength == 4 && is(head, from, 'd', 'a', 't', 'a')) {
            skip(SkippedEvent.Limit.MAX_LINE_LENGTH);
            skippedDataBytes += valueLength + 1;
        } else if (nameLength == 5 && is(head, from, 'e', 'v', 'e', 'n') && head[from + 4] == 't') {
            skip(SkippedEvent.Limit.MAX_LINE_LENGTH);
            type = ""; // a type dispatch never gives: the value was not kept
        } else if (nameLength == 2 && head[from] == 'i' && head[from + 1] == 'd') {
            skip(SkippedEvent.Limit.MAX_LINE_LENGTH);
        }
    }

    /** The block crossed {@code limit} (unless it did so earlier): its data is dropped from here on. */
    private void skip(SkippedEvent.Limit limit) {
        if (skipping == null) {
            skipping = limit;
            skippedDataBytes = bufferedDataBytes();
            slice = null;
            data.clear();
            dataAscii = true;
            sliceLimit = 0;
        }
    }

    private void event(byte[] bytes, int from, int to, boolean ascii) {
        int length = to - from;
        if (length == 0) {
            type = null;
        } else if (length <= Long.BYTES) {
            // Most streams repeat the same short type event after event: equal length and equal
            // zero-padded first eight bytes mean equal bytes, found with one read and no hashing
            // (the cache lookup took ~9 % of the profile samples on the tiny stream).
            long head = LittleEndian.head(bytes, from, length);
            if (length != lastTypeLength || head != lastTypeHead) {
                lastType = types.decode(bytes, from, to, ascii);
                lastTypeLength = length;
                lastTypeHead = head;
            }
            type = lastType;
        } else {
            type = types.decode(bytes, from, to, ascii);
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
            if (skipping != null) {
                skipped(eventType);
            }
            return;
        }
        dataAscii = true;
        handler.onEvent(new SseEvent(eventType, eventData, lastEventId, blockRetry));
    }

    /** The blank line of a skipped block: reported once, then the next block starts afresh. */
    private void skipped(String eventType) {
        SkippedEvent skipped = new SkippedEvent(eventType, lastEventId, skippedDataBytes, skipping);
        endSkipping();
        handler.onSkipped(skipped);
    }

    private void endSkipping() {
        skipping = null;
        skippedDataBytes = 0;
        sliceLimit = maxEventSize;
    }

    /** The bytes the data buffer holds on to, used or not: at most {@code maxEventSize}. */
    int dataCapacity() {
        return data.capacity();
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
        endSkipping();
    }
}
