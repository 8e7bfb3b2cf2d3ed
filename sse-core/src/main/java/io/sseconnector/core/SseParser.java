package io.sseconnector.core;

import io.sseconnector.core.internal.BoundedBytes;
import io.sseconnector.core.internal.LineEnds;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An incremental, push-style parser for {@code text/event-stream} that follows the WHATWG HTML
 * "interpreting an event stream" algorithm: bytes in, in chunks of any size and split anywhere;
 * events, comments and retry values out to an {@link SseHandler}, on the feeding thread.
 *
 * <p>Any chunking of the same bytes gives the same calls. The cost is linear in bytes; memory is
 * bounded by {@link SseLimits}, and a stream that crosses them goes on:
 *
 * <ul>
 *   <li>A block whose data would grow past {@code maxEventSize}, or that holds a {@code data},
 *       {@code event} or {@code id} line longer than {@code maxLineLength}, is skipped: from there
 *       on its data is counted, not buffered, lines are read only to find the block's end, and its
 *       blank line calls {@link SseHandler#onSkipped} once instead of dispatching. Its {@code
 *       event}, {@code id} and {@code retry} fields apply as for any block, so the last event id
 *       moves past it; see {@link SkippedEvent} for an overlong {@code event} or {@code id} line.
 *   <li>A line longer than {@code maxLineLength} is never kept: it is skipped to its line end,
 *       holding only its first few bytes. An overlong comment, {@code retry} or unknown field is
 *       dropped alone.
 * </ul>
 *
 * <p>The parser itself throws nothing but argument errors. An exception thrown by the handler
 * propagates out of {@code feed}; the stream is then dead: {@code feed} throws {@link
 * IllegalStateException} until {@link #end()}. Not thread-safe: one parser per stream.
 *
 * <p>The last event id starts at the value given to the constructor and persists across {@link
 * #end()}: a block without an {@code id} field keeps it, as browsers do.
 */
public final class SseParser {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** {@link #bomMatched} once the start of the stream is behind us. */
    private static final int BOM_DONE = -1;

    private static final int SCRATCH_BYTES = 8192;

    private final SseHandler handler;
    private final SseLimits limits;
    private final LineInterpreter lines;
    /** The start of a line that began in an earlier chunk (already scanned: it holds no CR or LF). */
    private final BoundedBytes partialLine;

    /** How many bytes of a leading BOM arrived so far (held back), or {@link #BOM_DONE}. */
    private int bomMatched;
    /** The last chunk ended with CR: an LF at the start of the next one ends no line. */
    private boolean skipLf;
    /** Every byte of {@link #partialLine} is ASCII. */
    private boolean partialAscii;

    private boolean dead;
    private byte[] scratch;

    /** The line past {@code maxLineLength} being skipped across chunks, while {@link #skippingLine}. */
    private final OverlongLine overlong = new OverlongLine();
    /** A line past {@code maxLineLength} is being skipped: the bytes up to the next line end are its. */
    private boolean skippingLine;

    /** A parser with {@link SseLimits#DEFAULTS} and no last event id. */
    public SseParser(SseHandler handler) {
        this(handler, SseLimits.DEFAULTS, "");
    }

    /**
     * @param initialLastEventId the last event id before the first byte (a client carries it across
     *     reconnects); {@code ""} for none
     */
    public SseParser(SseHandler handler, SseLimits limits, String initialLastEventId) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.lines =
                new LineInterpreter(handler, limits, Objects.requireNonNull(initialLastEventId, "initialLastEventId"));
        this.partialLine = new BoundedBytes(limits.maxLineLength());
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /**
     * Reads {@code bytes[offset, offset + length)}. The parser keeps no reference to the array after
     * it returns.
     *
     * @throws IllegalStateException an earlier call threw and {@link #end()} was not called since
     */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        checkAlive();
        dead = true; // until this chunk is consumed without an exception
        int from = offset;
        if (bomMatched != BOM_DONE) {
            from = matchBom(bytes, offset, offset + length);
        }
        consume(bytes, from, offset + length);
        dead = false;
    }

    /** Consumes the buffer's remaining bytes. */
    public void feed(ByteBuffer buffer) {
        checkAlive();
        if (buffer.hasArray()) {
            int position = buffer.position();
            int length = buffer.remaining();
            buffer.position(buffer.limit());
            feed(buffer.array(), buffer.arrayOffset() + position, length);
            return;
        }
        if (scratch == null) {
            scratch = new byte[SCRATCH_BYTES];
        }
        while (buffer.hasRemaining()) {
            int length = Math.min(buffer.remaining(), scratch.length);
            buffer.get(scratch, 0, length);
            feed(scratch, 0, length);
        }
    }

    /**
     * The stream ended: an unfinished event is discarded and its {@code id} is not applied, and so is
     * a last line without a line end. The parser is then ready for a new stream (after a reconnect):
     * it keeps {@link #lastEventId()}, and a new BOM may start the new stream.
     */
    public void end() {
        lines.reset();
        partialLine.clear();
        skippingLine = false; // an unfinished line is dropped, overlong or not
        bomMatched = 0;
        skipLf = false;
        dead = false;
    }

    /** The stream's last event id so far ({@code ""} when none). */
    public String lastEventId() {
        return lines.lastEventId();
    }

    /**
     * The bytes this parser holds on to for the stream, used or not: its line buffer and its data
     * buffer, at most {@code maxLineLength + maxEventSize} (a test hook).
     */
    int bufferedCapacity() {
        return partialLine.capacity() + lines.dataCapacity();
    }

    SseHandler handler() {
        return handler;
    }

    SseLimits limits() {
        return limits;
    }

    private void checkAlive() {
        if (dead) {
            throw new IllegalStateException("the stream failed in an earlier feed (last event id \"" + lastEventId()
                    + "\"); call end() and start a new stream");
        }
    }

    /**
     * Holds back the bytes of a BOM at the start of the stream until it is complete (it is then
     * dropped) or a byte differs (the held bytes are then read as ordinary bytes). Returns where the
     * rest of the chunk starts.
     */
    private int matchBom(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && bomMatched != BOM_DONE) {
            if (bytes[i] == BOM[bomMatched]) {
                i++;
                bomMatched = bomMatched == BOM.length - 1 ? BOM_DONE : bomMatched + 1;
            } else {
                int held = bomMatched;
                bomMatched = BOM_DONE;
                consume(BOM, 0, held);
            }
        }
        return i;
    }

    /** Splits {@code bytes[from, to)} into lines; keeps an unfinished last line for the next chunk. */
    private void consume(byte[] bytes, int from, int to) {
        int pos = from;
        if (skipLf && pos < to) {
            skipLf = false;
            if (bytes[pos] == '\n') {
                pos++;
            }
        }
        if (skippingLine && pos < to) {
            pos = skipLine(bytes, pos, to);
        }
        if (!partialLine.isEmpty() && pos < to) {
            pos = finishPartialLine(bytes, pos, to);
        }
        if (pos < to) {
            pos = lines.lines(bytes, pos, to);
            if (pos < to) {
                keepPartialLine(bytes, pos, to, lines.unfinishedAscii());
            } else if (bytes[to - 1] == '\r') {
                skipLf = true; // the chunk ended a line with CR: an LF next belongs to it
            }
        }
        lines.release(bytes);
    }

    /**
     * The line that began in an earlier chunk: its end is searched for from {@code from} only (the
     * bytes kept so far hold none). Returns where the chunk's next line starts, or {@code to}.
     */
    private int finishPartialLine(byte[] bytes, int from, int to) {
        long scan = LineEnds.scanContinued(bytes, from, to);
        int end = LineEnds.index(scan);
        if ((end < 0 ? to : end) - from > limits.maxLineLength() - partialLine.length()) {
            // The line grows past the limit: it is skipped from here on, and what was kept goes.
            overlong.start(partialLine.array(), 0, partialLine.length());
            partialLine.clear();
            skippingLine = true;
            return skipLine(bytes, from, end, to);
        }
        partialAscii &= LineEnds.ascii(scan);
        if (end < 0) {
            partialLine.append(bytes, from, to - from);
            return to;
        }
        partialLine.append(bytes, from, end - from);
        lines.line(partialLine.array(), 0, partialLine.length(), partialAscii);
        partialLine.clear();
        return afterLineEnd(bytes, end, to);
    }

    /**
     * The rest of a line past {@code maxLineLength}: skipped to its end. Returns where the next line
     * starts, or {@code to}.
     */
    private int skipLine(byte[] bytes, int from, int to) {
        return skipLine(bytes, from, LineEnds.index(LineEnds.scanContinued(bytes, from, to)), to);
    }

    /** {@link #skipLine(byte[], int, int)} with the line end {@code end} (-1: none) found already. */
    private int skipLine(byte[] bytes, int from, int end, int to) {
        if (end < 0) {
            overlong.add(bytes, from, to);
            return to;
        }
        overlong.add(bytes, from, end);
        skippingLine = false;
        overlong.finish(lines);
        return afterLineEnd(bytes, end, to);
    }

    /** Steps over the line end at {@code end}: CR LF counts as one, also when the LF is in the next chunk. */
    private int afterLineEnd(byte[] bytes, int end, int to) {
        int pos = end + 1;
        if (bytes[end] == '\r') {
            if (pos == to) {
                skipLf = true;
            } else if (bytes[pos] == '\n') {
                pos++;
            }
        }
        return pos;
    }

    private void keepPartialLine(byte[] bytes, int from, int to, boolean ascii) {
        if (to - from > limits.maxLineLength()) {
            overlong.start(bytes, from, to); // past the limit already: skipped, not kept
            skippingLine = true;
            return;
        }
        if (partialLine.isEmpty()) {
            lines.release(partialLine.array()); // a data slice may still point into its old line
        }
        partialLine.append(bytes, from, to - from);
        partialAscii = ascii;
    }
}
